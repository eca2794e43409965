"""The end of a session: how it went, and what comes next (started only on Enter)."""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from warmup_tui.coaching.answers import Answers
from warmup_tui.coaching.guide import calves_guide
from warmup_tui.common.config import CoachingSettings
from warmup_tui.engine.summary import SessionSummary
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.ui.messages import CheckInSaved
from warmup_tui.ui.plain_text import plain
from warmup_tui.ui.screens.guide import GuideScreen
from warmup_tui.ui.widgets.checkin_panel import CheckInPanel


class SummaryScreen(Screen[bool]):
    """Dismisses with True when the user starts the next session, False when they finish."""

    BINDINGS = [
        Binding("enter", "start_next", "Start next", id="summary.next"),
        # With nothing next, Enter finishes too: the end of the last session ends on either.
        Binding("enter", "finish", "Finish", show=False, id="summary.done"),
        Binding("escape,q", "finish", "Finish", id="summary.finish"),
        Binding("g", "guide", "Sore calves", id="summary.guide"),
    ]

    class StandingRead(Message):
        """Where the runner stands, read from the log on the screen's worker."""

        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

    def __init__(self, summary: SessionSummary, next_run: PlannedRun | None,
                 standing: Callable[[], list[str]] | None = None, *,
                 session_key: str | None = None,
                 coaching: CoachingSettings | None = None) -> None:
        """``standing`` reads this week's runs and the plan's next session (it blocks on
        the log: it runs on a worker, and its lines fill in under the summary)."""
        super().__init__(classes="summary")
        self.summary = summary
        self.next_run = next_run
        self._standing = standing
        # The check-in is asked after a run logged in real time (its key in the log).
        self.session_key = session_key if summary.run_seconds > 0 else None
        self.coaching = coaching or CoachingSettings()

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-box"):
            yield Label(plain(self.summary.headline()), id="summary-headline")
            for line in self.summary.lines():
                yield Static(plain(line), classes="summary-line")
            if self.session_key is not None:
                yield CheckInPanel(self.coaching.progress_up_to, id="summary-checkin")
            yield Static("", id="summary-standing")
            if self.next_run is not None:
                yield Static(plain(f"Next: {self.next_run.describe()}"), id="summary-next")
                yield Static("Enter to start when you are ready · Esc to finish",
                             id="summary-hint")
            else:
                yield Static("Enter or Esc to finish", id="summary-hint")
        yield Footer()

    def on_mount(self) -> None:
        for panel in self.query(CheckInPanel):
            panel.focus()
        standing = self._standing
        if standing is not None:
            self.run_worker(lambda: self.post_message(self.StandingRead(standing())),
                            name="standing", group="standing", exclusive=True, thread=True)

    def on_summary_screen_standing_read(self, message: StandingRead) -> None:
        self.query_one("#summary-standing", Static).update(plain("\n".join(message.lines)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "guide":
            return any(panel.sore for panel in self.query(CheckInPanel))
        return not (action == "start_next" and self.next_run is None)

    def on_check_in_panel_answered(self, message: CheckInPanel.Answered) -> None:
        self.refresh_bindings()  # g shows once the calves are sore
        if self.session_key is not None:
            self._save(self.session_key, message.answers)

    @work(thread=True, group="checkin")
    def _save(self, session_key: str, answers: Answers) -> None:
        # Imported here: the log stays out of the app's first frame.
        from warmup_tui.runs.checkin_save import save_after_run

        problem = save_after_run(session_key, answers)
        if problem is not None:
            self.app.call_from_thread(self.notify, problem, severity="warning")
        else:  # home's Today line shows the advice it leads to
            self.app.post_message(CheckInSaved())

    def action_guide(self) -> None:
        self.app.push_screen(GuideScreen(calves_guide(self.coaching)))

    def action_start_next(self) -> None:
        self.dismiss(True)

    def action_finish(self) -> None:
        self.dismiss(False)
