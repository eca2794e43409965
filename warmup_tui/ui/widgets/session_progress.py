"""Where the session stands overall: a bar and "segment i of n, done, left"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from warmup_tui.engine.view import SessionView
from warmup_tui.ui.widgets.progress_line import ProgressLine
from warmup_tui.ui.widgets.text_line import TextLine


class SessionProgress(Vertical):
    """The whole session's progress; repaints only when a shown figure changes."""

    DEFAULT_CSS = """
    SessionProgress { height: auto; align-horizontal: center; }
    SessionProgress ProgressLine { margin: 0 4; }
    SessionProgress #progress-text { text-align: center; color: $text-muted; }
    """

    def __init__(self, first: SessionView, *, id: str | None = None) -> None:
        """``first``: what the first frame shows, so that its line is laid out once."""
        super().__init__(id=id)
        self._first = first

    def compose(self) -> ComposeResult:
        yield ProgressLine(id="progress-bar")
        yield TextLine(_line(self._first), id="progress-text")

    def show(self, view: SessionView) -> None:
        self.query_one(ProgressLine).fraction = view.done_fraction
        self.query_one(TextLine).show(_line(view))


def _line(view: SessionView) -> str:
    return f"Segment {view.position}  ·  {view.elapsed_total} done  ·  {view.remaining_total} left"
