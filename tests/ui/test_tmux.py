"""The real app in a real terminal (tmux): keys in, screen text out."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from tmux_terminal import Pane, TmuxServer, app_command

from warmup_tui.ui.widgets.block_font import render_half


def big(word: str) -> str:
    """The middle row of ``word`` as the phase band draws it in block letters."""
    return render_half(word)[1]


def open_app(tmux: TmuxServer, *args: str, env: dict[str, str] | None = None) -> Pane:
    # The pane stays a few seconds after the app ends, so the tests can see what it left.
    return tmux.open(app_command(*args, env=env) + "; sleep 5")


def test_a_warmup_driven_by_keys_in_a_real_terminal(tmux: TmuxServer) -> None:
    pane = open_app(tmux, "run", "pre-run", "--mute")
    pane.wait_for(big("GET READY"))
    pane.wait_for("HIP FLEXOR STRETCH")
    assert "Left side" in pane.screen()
    pane.keys("Space")
    pane.wait_for("PAUSED")
    pane.keys("Space")
    pane.keys("n")
    pane.wait_for(big("SWITCH SIDES"))
    pane.keys("q")
    pane.wait_for("Stop this session?")
    pane.keys("y")
    pane.wait_for("stopped early")
    # Started from the shell, it ends there (home is for the app opened as plain warmup).
    pane.keys("Escape")
    assert pane.wait_until_gone("stopped early")
    assert "Routines" not in pane.screen()


def _fills(screen: str, width: int) -> bool:
    """Whether the widest drawn row reaches the right edge (the footer's palette hint is
    right-aligned; Textual may leave the last column blank)."""
    drawn = max((len(line.rstrip()) for line in screen.splitlines()), default=0)
    return width - 1 <= drawn <= width


def test_resizing_mid_session_follows_the_terminal(tmux: TmuxServer) -> None:
    # COLUMNS and LINES exported by the shell would freeze the size Textual reads; the app
    # drops them, so it follows the real terminal.
    pane = open_app(tmux, "run", "pre-run", "--mute", env={"COLUMNS": "100", "LINES": "30"})
    pane.wait_for("HIP FLEXOR STRETCH")
    # Textual asks the terminal about in-band resize reports at start-up; let that exchange
    # finish, as a person would before dragging the window. The terminal's answer is in the
    # input ahead of any key, so once a key has had its effect the answer has been read.
    pane.keys("?")
    pane.wait_for("Pause / Resume")  # the help screen's row for space
    pane.keys("Escape")
    assert pane.wait_until_gone("Pause / Resume")
    for width, height in ((40, 12), (250, 70), (60, 16), (100, 30)):
        pane.resize(width, height)
        assert pane.size() == (width, height)
        deadline = time.monotonic() + 10
        shown = pane.screen()
        # Redrawn for the new size: the footer reaches the new right edge, and the step and
        # the big digits are still on screen.
        # Under 50 columns the footer drops its palette hint, so nothing reaches the edge;
        # the step's name, centred for the new width, shows the redraw there.
        reaches_edge = width >= 50
        while time.monotonic() < deadline and not (
                "HIP FLEXOR STRETCH" in shown and "█" in shown
                and (_fills(shown, width) or not reaches_edge)):
            time.sleep(0.05)
            shown = pane.screen()
        assert "HIP FLEXOR STRETCH" in shown, shown
        assert _fills(shown, width) or not reaches_edge, shown
        assert "█" in shown, shown
    assert pane.alive()


def test_sigterm_restores_the_terminal(tmux: TmuxServer) -> None:
    pane = open_app(tmux, "run", "pre-run", "--mute")
    pane.wait_for("HIP FLEXOR STRETCH")
    app = pane.app_pids()[1:]
    assert app, "the app process was not found"
    for pid in app:
        os.kill(pid, signal.SIGTERM)
    assert pane.wait_until_gone("HIP FLEXOR STRETCH")


def test_closing_the_terminal_ends_the_app_process(tmux: TmuxServer) -> None:
    pane = open_app(tmux, "run", "pre-run", "--mute")
    pane.wait_for("HIP FLEXOR STRETCH")
    app = pane.app_pids()[1:]
    assert app, "the app process was not found"
    pane.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in app):
        time.sleep(0.1)
    lingering = [pid for pid in app if Path(f"/proc/{pid}").exists()]
    for pid in lingering:  # never leave a spinning process behind, even when failing
        os.kill(pid, signal.SIGKILL)
    assert not lingering, "the app kept running after its terminal was closed"
