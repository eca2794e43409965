"""The key help fits a 60x20 terminal whole: every key and the palette line, no scrolling."""

from __future__ import annotations

from tmux_terminal import TmuxServer, app_command

from warmup_tui.ui.screens.help import key_rows
from warmup_tui.ui.screens.session import SessionScreen


def test_the_session_help_is_complete_at_60x20(tmux: TmuxServer) -> None:
    pane = tmux.open(app_command("run", "pre-run", "--mute") + "; sleep 5", size=(60, 20))
    pane.wait_for("HIP FLEXOR")  # the session itself, past its get-ready
    pane.keys("?")
    pane.wait_for("Keys")
    # The palette line is the help's last: once it shows, nothing is scrolled out of view.
    screen = pane.wait_for("ctrl+p")
    rows = [line.strip(" █") for line in screen.splitlines()]
    for keys, description in key_rows(SessionScreen.BINDINGS):
        assert any(row.startswith(keys) and row.endswith(description) for row in rows), screen
