"""The list of a routine's steps, with the keys that add, remove and reorder them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from warmup_tui.routines.draft import StepDraft
from warmup_tui.ui.plain_text import plain_line


class StepList(OptionList):
    """One line per step; a step with a problem is marked. Its keys post messages that
    the screen owning the draft acts on."""

    DEFAULT_CSS = """
    StepList { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="editor.add"),
        Binding("d,delete", "remove", "Del", id="editor.delete"),
        Binding("c", "copy", "Copy", id="editor.duplicate"),
        Binding("shift+up,K", "move(-1)", "Up", key_display="⇧↑", id="editor.move_up"),
        Binding("shift+down,J", "move(1)", "Down", key_display="⇧↓", id="editor.move_down"),
    ]

    class Changed(Message):
        """Base of the step list's requests; ``control`` is the list."""

        def __init__(self, step_list: StepList) -> None:
            super().__init__()
            self.step_list = step_list

        @property
        def control(self) -> StepList:
            return self.step_list

    class Added(Changed):
        """Add a new step after the highlighted one."""

    class Removed(Changed):
        """Delete the highlighted step."""

    class Copied(Changed):
        """Duplicate the highlighted step."""

    class Moved(Changed):
        """Move the highlighted step ``offset`` places (-1 up, 1 down)."""

        def __init__(self, step_list: StepList, offset: int) -> None:
            super().__init__(step_list)
            self.offset = offset

    def action_add(self) -> None:
        self.post_message(self.Added(self))

    def action_remove(self) -> None:
        self.post_message(self.Removed(self))

    def action_copy(self) -> None:
        self.post_message(self.Copied(self))

    def action_move(self, offset: int) -> None:
        self.post_message(self.Moved(self, offset))

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
