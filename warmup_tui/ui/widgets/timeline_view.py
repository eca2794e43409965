"""The routine's total time and every segment it expands to, as the editor's draft stands."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from warmup_tui.common.durations import format_clock
from warmup_tui.common.terminal_text import shown
from warmup_tui.engine.timeline import Segment
from warmup_tui.runs.headless import segment_title

KIND_STYLES = {"exercise": "green", "rest": "blue", "switch": "magenta",
               "run": "red", "walk": "cyan"}


def timeline_text(segments: list[Segment]) -> Text:
    """One line per segment: start time, length, what happens."""
    text = Text(no_wrap=True, overflow="ellipsis")
    start = 0.0
    for seg in segments:
        if text:
            text.append("\n")
        text.append(f"{format_clock(start):>6} ", style="dim")
        text.append(f"{format_clock(seg.duration):>5} ", style=KIND_STYLES.get(seg.kind, ""))
        text.append(shown(segment_title(seg)))  # a step name from the file
        start += seg.duration
    return text


class TimelineView(VerticalScroll):
    """Total on top, segments below. While the draft has a problem the last good
    timeline stays, dimmed, with a note, so the picture does not jump away mid-typing."""

    DEFAULT_CSS = """
    TimelineView { height: 1fr; }
    TimelineView #timeline-total { text-style: bold; height: auto; }
    TimelineView #timeline-note { color: $warning; height: auto; display: none; }
    TimelineView.-stale #timeline-note { display: block; }
    TimelineView.-stale #timeline-lines { text-style: dim; }
    TimelineView #timeline-lines { height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total_shown = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="timeline-total")
        yield Static("Out of date until fixed", id="timeline-note")
        yield Static("", id="timeline-lines")

    def show(self, segments: list[Segment], total: float, *, stale: bool) -> None:
        self.set_class(stale, "-stale")
        self.total_shown = f"Total {format_clock(total)} · {len(segments)} segments"
        self.query_one("#timeline-total", Static).update(self.total_shown)
        self.query_one("#timeline-lines", Static).update(timeline_text(segments))
