"""A thin progress bar that repaints only when its value changes.

Textual's ProgressBar keeps a one-second timer of its own for its ETA, which redraws the
bar out of step with the session's own once-a-second frame; this bar has no timer.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

FILLED, EMPTY = "━", "─"


class ProgressLine(Widget):
    """A full-width bar showing ``fraction`` (0 to 1) done."""

    DEFAULT_CSS = """
    ProgressLine { height: 1; width: 1fr; }
    ProgressLine > .progress-line--done { color: $accent; }
    ProgressLine > .progress-line--left { color: $panel-lighten-2; }
    """
    COMPONENT_CLASSES = {"progress-line--done", "progress-line--left"}

    fraction: reactive[float] = reactive(0.0)
    """How much is done, from 0.0 to 1.0."""

    def render(self) -> Text:
        width = self.content_size.width
        done = round(max(0.0, min(1.0, self.fraction)) * width)
        done_style = self.get_component_rich_style("progress-line--done")
        left_style = self.get_component_rich_style("progress-line--left")
        return Text.assemble((FILLED * done, done_style), (EMPTY * (width - done), left_style))
