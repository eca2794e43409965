"""Text from files as the screen shows it: never read as markup, controls written out.

A routine's name can hold ``[bold]`` or ``[@click=app.quit]``, and ESC sequences. Widgets
that show such text take a ``rich.text.Text`` from here, which Textual shows literally,
with its control characters made visible by :mod:`warmup_tui.common.terminal_text`.
"""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text

from warmup_tui.common.terminal_text import pictured, shown, shown_lines


def plain(text: str, style: str = "") -> Text:
    """``text`` as shown on screen, newlines kept (for sentences and lists of lines)."""
    return Text(shown_lines(text), style=style)


def plain_line(text: str, style: str = "") -> Text:
    """``text`` as one line on screen: a name, a cue, a file name."""
    return Text(shown(text), style=style)


class ControlPictures(Highlighter):
    """For an ``Input``: shows each control character as one visible character (``␛``)
    while the value itself, which is what gets saved, stays exactly as written."""

    def highlight(self, text: Text) -> None:
        text.plain = pictured(text.plain)  # same length: spans and the cursor still fit
