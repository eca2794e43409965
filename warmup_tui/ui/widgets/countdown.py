"""The big m:ss countdown: block digits as large as the space the screen gives them."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from warmup_tui.ui.widgets.block_font import fit_scale, render_blocks


def countdown_lines(clock: str, width: int, height: int) -> list[str]:
    """``clock`` drawn at the largest scale that fits, or as plain text when none does."""
    scale = fit_scale(clock, width, height)
    return render_blocks(clock, scale) if scale is not None else [clock]


class Countdown(Widget):
    """Fills its region with the time; lays the digits out again only when the shown
    time or the region's size changes (the screen asks once a second)."""

    DEFAULT_CSS = """
    Countdown {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-style: bold;
    }
    """

    def __init__(self, value: str = "0:00", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value = value
        self._drawn: tuple[str, Size] | None = None
        self._text = Text()

    def show(self, clock: str) -> None:
        if clock != self.value:
            self.value = clock
            self.refresh()

    def render(self) -> Text:
        size = self.content_size
        if self._drawn != (self.value, size):
            self._drawn = (self.value, size)
            lines = countdown_lines(self.value, size.width, size.height)
            self._text = Text("\n".join(lines), no_wrap=True, overflow="crop")
        return self._text
