"""At 80 columns in a real terminal, no line is left holding a lone 'min)' or 's)'."""

from __future__ import annotations

import re

from tmux_terminal import TmuxServer, app_command

# A line holding one short word that closes a bracket: what a bad wrap leaves behind.
STRANDED = re.compile(r"^\S{1,8}\)$")


def stranded(screen: str) -> list[str]:
    return [line.strip() for line in screen.splitlines() if STRANDED.match(line.strip())]


def test_home_at_80_columns_strands_no_word(tmux: TmuxServer) -> None:
    pane = tmux.open(app_command() + "; sleep 5", size=(80, 24))
    screen = pane.wait_for("Today: warmup")
    assert "(30 min)" in screen
    assert stranded(screen) == []
