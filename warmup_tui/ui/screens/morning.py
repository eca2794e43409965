"""The morning question over home: how the calves feel after the last run, one key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from warmup_tui.ui.widgets.checkin_panel import TEN_KEY


class MorningScreen(ModalScreen[int | None]):
    """Dismisses with the score 0-10, or None when skipped."""

    DEFAULT_CSS = """
    MorningScreen { align: center middle; }
    MorningScreen > Vertical {
        width: auto; max-width: 60; height: auto;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    MorningScreen #morning-question { text-style: bold; }
    MorningScreen #morning-keys { color: $text-muted; margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"score({n})", show=False, id=f"morning.score{n}")
          for n in range(10)),
        Binding(TEN_KEY, "score(10)", show=False, id="morning.score10"),
        Binding("x,escape", "skip", "Skip", id="morning.skip"),
    ]

    def __init__(self, ran: str) -> None:
        super().__init__()
        self.ran = ran

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("How do your calves feel this morning?", id="morning-question")
            yield Label(f"After your run {self.ran}.", id="morning-when")
            yield Label(f"0 (fine) to 9, {TEN_KEY} for 10 (the worst) · x to skip",
                        id="morning-keys")

    def action_score(self, score: int) -> None:
        self.dismiss(score)

    def action_skip(self) -> None:
        self.dismiss(None)
