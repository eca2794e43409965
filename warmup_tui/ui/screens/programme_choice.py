"""The two questions the programme screen asks: which week to go to, and which programme
to follow."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from warmup_tui.ui.plain_text import plain

_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 60; max-width: 100%; height: auto; max-height: 90%;
    border: thick $accent; background: $surface; padding: 1 2;
}}
{name} Label {{ margin-bottom: 1; }}
"""


class WeekQuestion(ModalScreen[int | None]):
    """Asks for a week number, 1 to ``weeks``; dismisses with it, or None (Esc)."""

    DEFAULT_CSS = _CSS.format(name="WeekQuestion")
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="week.cancel")]

    def __init__(self, weeks: int) -> None:
        super().__init__()
        self.weeks = weeks

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Go to which week? (1 to {self.weeks}, Enter to go)")
            yield Input(type="integer", max_length=3, id="week")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text.isdigit() and 1 <= int(text) <= self.weeks:
            self.dismiss(int(text))
        else:
            self.notify(f"A week from 1 to {self.weeks}, please", severity="warning")


class ProgrammeQuestion(ModalScreen[str | None]):
    """Lists the programmes (id to name); dismisses with the chosen id, or None (Esc)."""

    DEFAULT_CSS = _CSS.format(name="ProgrammeQuestion")
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="programmes.cancel")]

    def __init__(self, programmes: dict[str, str], current: str) -> None:
        super().__init__()
        self.programmes = programmes
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Follow which programme? (Enter to choose)")
            yield OptionList(*[Option(plain(name + ("  (now)" if ref == self.current else "")),
                                      id=ref) for ref, name in self.programmes.items()],
                             id="programmes")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
