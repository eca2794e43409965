"""At 80 columns in a real terminal, no line is left holding a lone 'min)' or 's)'."""

from __future__ import annotations

import re
import subprocess
import sys

from tmux_terminal import TmuxServer, app_command

from .test_tmux_countdown import wait_for_screen

# A line holding one short word that closes a bracket: what a bad wrap leaves behind.
STRANDED = re.compile(r"^\S{1,8}\)$")


def stranded(screen: str) -> list[str]:
    return [line.strip() for line in screen.splitlines() if STRANDED.match(line.strip())]


def test_home_at_80_columns_strands_no_word(tmux: TmuxServer) -> None:
    pane = tmux.open(app_command() + "; sleep 5", size=(80, 24))
    screen = pane.wait_for("Today: Pre-run warmup")
    assert "(30 min)" in screen
    assert stranded(screen) == []


def test_history_at_80_columns_puts_a_long_note_on_its_own_line(
        tmux: TmuxServer) -> None:
    # A preview records its speed, and a run-walk its running time: the longest note.
    subprocess.run([sys.executable, "-m", "warmup_tui", "run", "first-steps", "--plain",
                    "--mute", "--speed", "1000"], check=True, capture_output=True)
    pane = tmux.open(app_command() + "; sleep 5", size=(80, 24))
    pane.wait_for("Pre-run warmup")  # home has filled in (it shows "loading" first)
    pane.keys("h")
    screen = pane.wait_for("Recent sessions")
    screen = pane.wait_for("preview x1000)")
    assert "(ran 8:00, preview x1000)" in screen
    assert stranded(screen) == []


def test_history_fits_its_rows_again_after_a_resize(tmux: TmuxServer) -> None:
    subprocess.run([sys.executable, "-m", "warmup_tui", "run", "first-steps", "--plain",
                    "--mute", "--speed", "1000"], check=True, capture_output=True)
    pane = tmux.open(app_command() + "; sleep 5", size=(120, 30))
    pane.wait_for("Pre-run warmup")  # home has filled in (it shows "loading" first)
    pane.keys("h")
    screen = pane.wait_for("preview x1000)")
    row = next(line for line in screen.splitlines() if "preview x1000)" in line)
    assert "first-steps" in row  # wide enough: the note stays on the session's row
    pane.resize(80, 24)
    # Narrower now: the note moves to a line of its own, whole, rather than wrapping.
    screen = wait_for_screen(pane, lambda shown: any(
        line.strip() == "(ran 8:00, preview x1000)" for line in shown.splitlines()))
    assert "(ran 8:00, preview x1000)" in [line.strip() for line in screen.splitlines()]
    assert stranded(screen) == []
