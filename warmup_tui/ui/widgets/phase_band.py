"""The phase band: RUN, WALK, REST, SWITCH SIDES, GET READY or the step, as a wide band.

Where there is room the word is drawn in block letters three rows tall; where not, it is
one line of bold text. Either way the band's sides carry a pattern of the phase's own
(chevrons for a run, dots for a walk, ...), so phases differ by shape as well as by the
colour the stylesheet gives the band: colour is never the only signal (NO_COLOR, a
colour-blind runner).
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from warmup_tui.common.terminal_text import shown
from warmup_tui.ui.widgets.block_font import HALF_ROWS, drawable, pixel_width, render_half

PATTERNS = {
    "ready": "▸ ",
    "exercise": "",
    "rest": "─ ",
    "switch": "⇄ ",
    "run": "» ",
    "walk": "· ",
    "finished": "",
}
"""The mark repeated beside the word, per phase kind."""
PLAIN_PHASES = {"exercise", "finished"}
"""Phases whose band names the step: a step name is next largest, not as big as a phase."""
SIDE_ROOM = 4
"""Cells kept clear on each side of the word, so the pattern never touches it."""


def _marks(pattern: str, width: int) -> str:
    """``width`` cells of the repeated pattern (blank when the phase has none)."""
    if width <= 0:
        return ""
    if not pattern:
        return " " * width
    return (pattern * (width // len(pattern) + 1))[:width]


def band_lines(word: str, phase: str, width: int, height: int) -> list[str]:
    """The band's rows: the word big (three rows) when it fits, else on one middle row;
    the phase's pattern fills each side of the word's middle row, a blank cell apart."""
    if width <= 0 or height <= 0:
        return []
    # drawable() first: pixel_width() knows only the font's own characters.
    big = (phase not in PLAIN_PHASES and drawable(word) and height >= HALF_ROWS
           and pixel_width(word) + 2 * SIDE_ROOM <= width)
    # A step's name comes from a file: its control characters are written out, not sent.
    body = render_half(word) if big else [shown(word)[:width]]
    body_width = len(body[0])
    left = (width - body_width) // 2
    right = width - body_width - left
    top = (height - len(body)) // 2
    pattern = PATTERNS.get(phase, "")
    lines = []
    for row in range(height):
        index = row - top
        middle = body[index] if 0 <= index < len(body) else " " * body_width
        if index == len(body) // 2:
            lines.append(_marks(pattern, left - 1).ljust(left) + middle
                         + _marks(pattern, right - 1).rjust(right))
        else:
            lines.append(" " * left + middle + " " * right)
    return lines


class PhaseBand(Widget):
    """A full-width band naming the phase; redrawn only when the word, phase or size changes."""

    DEFAULT_CSS = """
    PhaseBand {
        width: 1fr;
        height: 3;
        text-style: bold;
        background: $panel;
        color: $text;
    }
    """

    def __init__(self, word: str = "", phase: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._word = word
        self._phase = phase
        self._drawn: tuple[str, str, Size] | None = None
        self._text = Text()

    @property
    def shown(self) -> str:
        """The word the band names (as plain text, whichever way it is drawn)."""
        return self._word

    def show(self, word: str, phase: str) -> None:
        if (word, phase) != (self._word, self._phase):
            self._word, self._phase = word, phase
            self.refresh()

    def render(self) -> Text:
        size = self.content_size
        key = (self._word, self._phase, size)
        if self._drawn != key and size.width > 0 and size.height > 0:
            self._drawn = key
            lines = band_lines(self._word, self._phase, size.width, size.height)
            self._text = Text("\n".join(lines), no_wrap=True, overflow="crop")
        return self._text
