"""The guide screen (the g key on home): why calves get sore and what helps, scrollable.
The words are coaching/guide.py's, the same as `warmup guide calves` prints."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from warmup_tui.coaching.guide import Guide, spans


def rich_text(text: str, lead: str = "") -> Text:
    """``text`` with what is typed (a command, a key, a setting) in bold, after an
    optional bold ``lead`` such as "What to do: "."""
    shown = Text(lead, "bold") if lead else Text()
    for piece, typed in spans(text):
        shown.append(piece, "bold" if typed else "")
    return shown


class GuideScreen(Screen[None]):
    """Read-only; the arrow keys and page keys scroll, escape, q or g goes back."""

    # Focus by selector when the screen is shown, so a screen closed before its
    # children mount (an app quitting) has nothing to look up.
    AUTO_FOCUS = "#guide-body"

    DEFAULT_CSS = """
    GuideScreen #guide-body { padding: 1 2; }
    GuideScreen #guide-title { text-style: bold; color: $accent; }
    GuideScreen .guide-heading { text-style: bold; color: $accent; margin-top: 1; }
    GuideScreen .guide-cause { padding-left: 3; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,g", "close", "Back", id="guide.close"),
    ]

    def __init__(self, guide: Guide) -> None:
        super().__init__(classes="guide")
        self.guide = guide

    def compose(self) -> ComposeResult:
        guide = self.guide
        yield Header()
        with VerticalScroll(id="guide-body"):
            yield Label(guide.title, id="guide-title", markup=False)
            yield Static(rich_text(guide.intro))
            for number, cause in enumerate(guide.causes, start=1):
                yield Label(f"{number}. {cause.title}", classes="guide-heading", markup=False)
                yield Static(rich_text(cause.why), classes="guide-cause")
                yield Static(rich_text(cause.what_to_do, "What to do: "), classes="guide-cause")
                yield Static(rich_text(cause.in_the_app, "In the app: "), classes="guide-cause")
            for section in guide.sections:
                yield Label(section.title, classes="guide-heading", markup=False)
                yield Static(rich_text(section.text))
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
