"""The list of a routine's steps, with the keys that add, remove and reorder them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from warmup_tui.routines.draft import StepDraft
from warmup_tui.ui.plain_text import plain_line


class StepList(OptionList):
    """One line per step; a step with a problem is marked. The keys act on the screen."""

    DEFAULT_CSS = """
    StepList { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "screen.add_step", "Add", id="editor.add"),
        Binding("d,delete", "screen.delete_step", "Del", id="editor.delete"),
        Binding("c", "screen.duplicate_step", "Copy", id="editor.duplicate"),
        Binding("shift+up,K", "screen.move_step(-1)", "Up", key_display="⇧↑",
                id="editor.move_up"),
        Binding("shift+down,J", "screen.move_step(1)", "Down", key_display="⇧↓",
                id="editor.move_down"),
    ]

    def show_steps(self, steps: list[StepDraft], flagged: set[int], selected: int | None) -> None:
        """Replaces the lines (cheap for a routine's handful of steps) and keeps the cursor."""
        options = []
        for number, step in enumerate(steps, start=1):
            mark = ("⚠ ", "bold red") if number - 1 in flagged else ("  ", "")
            name = step.name.strip() or "(no name)"
            options.append(Option(Text.assemble(mark, (f"{number}. ", "dim"), plain_line(name))))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            if selected is not None and steps:
                self.highlighted = selected
