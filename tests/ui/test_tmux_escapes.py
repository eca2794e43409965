"""A hostile routine listed on the home screen, in a real terminal: its escape sequences
are shown as text, so the terminal's title stays as it was."""

from __future__ import annotations

from pathlib import Path

from hostile_text import HOSTILE_NAME, visible, write_hostile
from tmux_terminal import TmuxServer, app_command


def pane_title(tmux: TmuxServer, pane: str) -> str:
    return tmux.tmux("display-message", "-p", "-t", pane, "#{pane_title}").strip()


def test_listing_a_hostile_routine_leaves_the_terminal_title_alone(
    tmux: TmuxServer, user_routines: Path
) -> None:
    write_hostile(user_routines)
    pane = tmux.open(app_command() + "; sleep 5")
    before = pane_title(tmux, pane.name)
    # The name is shown as written, its ESC written out: "... \x1b]0;PWNED\x07".
    pane.wait_for(visible(HOSTILE_NAME)[:40])
    pane.wait_for("\\x1b]0;PWNED")
    title = pane_title(tmux, pane.name)
    assert "PWNED" not in title and title == before
    pane.keys("q")
    assert pane.wait_until_gone("Routines")
