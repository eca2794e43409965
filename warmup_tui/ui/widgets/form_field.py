"""One labelled text field of a form, with the checker's message for it underneath."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from warmup_tui.ui.plain_text import ControlPictures, plain


def fitted_hint(hint: str, width: int) -> str:
    """``hint`` as far as whole words fit ``width``, with "…" for the rest: an input shows
    one line and would otherwise cut the hint mid-word."""
    if len(hint) <= width:
        return hint
    words = hint.split()
    while words and len(" ".join(words)) + 2 > width:  # room for " …"
        words.pop()
    return f"{' '.join(words)} …" if words else ""


class FormField(Vertical):
    """A label, a compact input (the hint is its placeholder) and a problem line, hidden
    while there is no problem.

    ``key`` names the field the way the routine checker does ("rest", "runwalk.walk");
    step fields use the bare name ("reps") and the form adds the step's index.
    """

    DEFAULT_CSS = """
    FormField { height: auto; }
    FormField > Horizontal { height: 1; }
    FormField .field-label { width: 14; color: $text-muted; }
    FormField Input { width: 1fr; }
    FormField .field-problem { color: $error; padding-left: 14; height: auto; display: none; }
    FormField.-invalid .field-problem { display: block; }
    FormField.-invalid .field-label { color: $error; text-style: bold; }
    """

    def __init__(self, key: str, label: str, value: str = "", *, hint: str = "",
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.key = key
        self._label = label
        self._value = value
        self._hint = hint
        self._problem = ""

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self._label, classes="field-label")
            # The hint shows while the field is blank, so it never takes room from a value.
            yield Input(self._value, placeholder=self._hint, compact=True,
                        highlighter=ControlPictures())
        yield Static("", classes="field-problem", markup=False)

    def on_resize(self) -> None:
        field = self.input
        field.placeholder = fitted_hint(self._hint, field.content_size.width)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    def set_value(self, value: str) -> None:
        """Shows a value from the draft without reporting it back as a user edit."""
        field = self.input
        if field.value != value:
            with field.prevent(Input.Changed):
                field.value = value

    @property
    def problem(self) -> str:
        return self._problem

    def show_problem(self, message: str) -> None:
        if message == self._problem:
            return
        self._problem = message
        self.set_class(bool(message), "-invalid")
        self.query_one(".field-problem", Static).update(plain(message))
