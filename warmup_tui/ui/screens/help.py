"""The key help (the ? key): every key of the screen underneath, with what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


def key_rows(bindings: list[BindingType]) -> list[tuple[str, str]]:
    """(keys, what they do) per binding; a key bound twice (space: Pause, then Resume) is
    one row naming both."""
    rows: dict[str, str] = {}
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        keys = binding.key_display or binding.key
        keys = " / ".join(_pretty(k) for k in keys.split(","))
        description = binding.description or binding.action
        rows[keys] = f"{rows[keys]} / {description}" if keys in rows else description
    return list(rows.items())


def _pretty(key: str) -> str:
    names = {"space": "space", "right": "→", "left": "←", "question_mark": "?",
             "plus": "+", "minus": "-", "equals_sign": "=", "escape": "esc", "enter": "enter"}
    return names.get(key, key)


class HelpScreen(ModalScreen[None]):
    """Lists keys; any of escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 56; max-width: 100%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 2;
    }
    HelpScreen #help-title { text-style: bold; margin-bottom: 1; }
    HelpScreen .key-row { height: 1; }
    HelpScreen #help-palette { margin-top: 1; color: $text-muted; }
    """

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def __init__(self, bindings: list[BindingType], title: str = "Keys") -> None:
        super().__init__()
        self.rows = key_rows(bindings)
        self.title_text = title

    def compose(self) -> ComposeResult:
        # Rows as tight as reads well, so the whole list fits 60x20 without scrolling.
        key_width = max((len(keys) for keys, _ in self.rows), default=0)
        with VerticalScroll():
            yield Label(self.title_text, id="help-title")
            for keys, description in self.rows:
                yield Static(f"[b]{keys:>{key_width}}[/b]  {description}", classes="key-row")
            yield Static("Every action is also in the palette: ctrl+p", id="help-palette",
                         markup=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
