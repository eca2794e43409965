"""Toasts on the session screen at 80x24: the newest shows whole, never cut by older ones."""

from __future__ import annotations

from pathlib import Path

from tmux_terminal import TmuxServer, app_command

from .test_tmux_countdown import wait_for_screen

TOAST_ROWS = 4  # the session's toasts sit in the top rows, clear of the countdown


def test_the_newest_toast_shows_whole_over_older_ones(
        tmux: TmuxServer, isolated_home: Path) -> None:
    # Two bad settings: two toasts at start, each a title and two lines at 80 columns.
    config = isolated_home / ".config" / "warmup-tui" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[sound]\nvolume = 7\n[training]\nweekly_goal = "many"\n',
                      encoding="utf-8")
    pane = tmux.open(app_command("run", "pre-run") + "; sleep 5", size=(80, 24))
    pane.wait_for("HIP FLEXOR STRETCH")  # the session itself, past its get-ready
    pane.keys("m")
    screen = wait_for_screen(pane, lambda shown: "Sound off" in top(shown))
    toasts = top(screen)
    assert "Sound off" in toasts, screen
    # The older toasts are out of the way, not sliced into the rows the newest needs.
    assert "using 0.8" not in toasts and "using 4" not in toasts, screen


def top(screen: str) -> str:
    return "\n".join(screen.splitlines()[:TOAST_ROWS])
