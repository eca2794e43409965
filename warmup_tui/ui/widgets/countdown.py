"""The big m:ss countdown."""

from __future__ import annotations

from textual.widgets import Digits


class Countdown(Digits):
    """Large digits that repaint only when the shown time changes."""

    DEFAULT_CSS = """
    Countdown {
        width: auto;
        text-style: bold;
    }
    """

    def show(self, clock: str) -> None:
        if clock != self.value:
            self.update(clock)
