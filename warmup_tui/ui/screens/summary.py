"""The end of a session: how it went, and what comes next (started only on Enter)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from warmup_tui.coaching.answers import Answers
from warmup_tui.coaching.guide import calves_guide
from warmup_tui.common.config import CoachingSettings
from warmup_tui.engine.summary import SessionSummary
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.ui.plain_text import plain
from warmup_tui.ui.screens.guide import GuideScreen
from warmup_tui.ui.widgets.checkin_panel import CheckInPanel


class SummaryScreen(Screen[bool]):
    """Dismisses with True when the user starts the next session, False when they finish."""

    BINDINGS = [
        Binding("enter", "start_next", "Start next", id="summary.next"),
        Binding("escape,q", "finish", "Finish", id="summary.finish"),
        Binding("g", "guide", "Sore calves", id="summary.guide"),
    ]

    def __init__(self, summary: SessionSummary, next_run: PlannedRun | None, *,
                 session_key: str | None = None,
                 coaching: CoachingSettings | None = None) -> None:
        super().__init__(classes="summary")
        self.summary = summary
        self.next_run = next_run
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
            if self.next_run is not None:
                yield Static(plain(f"Next: {self.next_run.describe()}"), id="summary-next")
                yield Static("Enter to start when you are ready · Esc to finish",
                             id="summary-hint")
            else:
                yield Static("Esc to finish", id="summary-hint")
        yield Footer()

    def on_mount(self) -> None:
        for panel in self.query(CheckInPanel):
            panel.focus()

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

    def action_guide(self) -> None:
        self.app.push_screen(GuideScreen(calves_guide(self.coaching)))

    def action_start_next(self) -> None:
        self.dismiss(True)

    def action_finish(self) -> None:
        self.dismiss(False)
