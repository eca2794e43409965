"""Where the session stands overall: a bar and "segment i of n, done, left"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar

from warmup_tui.session_view import SessionView
from warmup_tui.ui.widgets.text_line import TextLine


class SessionProgress(Vertical):
    """The whole session's progress; repaints only when a shown figure changes."""

    DEFAULT_CSS = """
    SessionProgress { height: auto; align-horizontal: center; }
    SessionProgress ProgressBar { width: 100%; padding: 0 4; }
    SessionProgress ProgressBar Bar { width: 1fr; }
    SessionProgress #progress-text { text-align: center; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield ProgressBar(total=1.0, show_eta=False, show_percentage=False, id="progress-bar")
        yield TextLine(id="progress-text")

    def show(self, view: SessionView) -> None:
        bar = self.query_one(ProgressBar)
        if bar.progress != view.done_fraction:
            bar.update(progress=view.done_fraction)
        self.query_one(TextLine).show(
            f"Segment {view.position}  ·  {view.elapsed_total} done  ·  {view.remaining_total} left"
        )
