"""The end of a session: how it went, and what comes next (started only on Enter)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from warmup_tui.engine.summary import SessionSummary
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.ui.plain_text import plain


class SummaryScreen(Screen[bool]):
    """Dismisses with True when the user starts the next session, False when they finish."""

    BINDINGS = [
        Binding("enter", "start_next", "Start next", id="summary.next"),
        # With nothing next, Enter finishes too: the end of the last session ends on either.
        Binding("enter", "finish", "Finish", show=False, id="summary.done"),
        Binding("escape,q", "finish", "Finish", id="summary.finish"),
    ]

    class StandingRead(Message):
        """Where the runner stands, read from the log on the screen's worker."""

        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

    def __init__(self, summary: SessionSummary, next_run: PlannedRun | None,
                 standing: Callable[[], list[str]] | None = None) -> None:
        """``standing`` reads this week's runs and the plan's next session (it blocks on
        the log: it runs on a worker, and its lines fill in under the summary)."""
        super().__init__(classes="summary")
        self.summary = summary
        self.next_run = next_run
        self._standing = standing

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-box"):
            yield Label(plain(self.summary.headline()), id="summary-headline")
            for line in self.summary.lines():
                yield Static(plain(line), classes="summary-line")
            yield Static("", id="summary-standing")
            if self.next_run is not None:
                yield Static(plain(f"Next: {self.next_run.describe()}"), id="summary-next")
                yield Static("Enter to start when you are ready · Esc to finish",
                             id="summary-hint")
            else:
                yield Static("Enter or Esc to finish", id="summary-hint")
        yield Footer()

    def on_mount(self) -> None:
        standing = self._standing
        if standing is not None:
            self.run_worker(lambda: self.post_message(self.StandingRead(standing())),
                            name="standing", group="standing", exclusive=True, thread=True)

    def on_summary_screen_standing_read(self, message: StandingRead) -> None:
        self.query_one("#summary-standing", Static).update(plain("\n".join(message.lines)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "start_next" and self.next_run is None)

    def action_start_next(self) -> None:
        self.dismiss(True)

    def action_finish(self) -> None:
        self.dismiss(False)
