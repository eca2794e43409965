"""The end of a session: how it went, and what comes next (started only on Enter)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:  # the routines' files are read on the screen's worker
    from warmup_tui.runs.after_run import AfterRunOffer

AfterRunRead = Callable[[], "AfterRunOffer | None"]


class SummaryScreen(Screen["bool | AfterRunOffer"]):
    """Dismisses with True when the user starts the next session, False when they finish,
    and with the after-run offer when they take it."""

    BINDINGS = [
        Binding("enter", "start_next", "Start next", id="summary.next"),
        # With nothing next, Enter finishes too: the end of the last session ends on either.
        Binding("enter", "finish", "Finish", show=False, id="summary.done"),
        Binding("escape,q", "finish", "Finish", id="summary.finish"),
        Binding("g", "guide", "Sore calves", id="summary.guide"),
        # a: none of the check-in's keys (0-9, t, c, w, n, h, x), nor g, q, Enter or Esc.
        Binding("a", "after_run", "After-run", id="summary.after_run"),
    ]

    class StandingRead(Message):
        """Where the runner stands, read from the log on the screen's worker, and the
        after-run routine to offer (None: none)."""

        def __init__(self, lines: list[str] | None, offer: AfterRunOffer | None) -> None:
            super().__init__()
            self.lines = lines
            self.offer = offer

    def __init__(self, summary: SessionSummary, next_run: PlannedRun | None,
                 standing: Callable[[], list[str]] | None = None, *,
                 session_key: str | None = None,
                 coaching: CoachingSettings | None = None,
                 after_run: AfterRunRead | None = None) -> None:
        """``standing`` reads this week's runs and the plan's next session (it blocks on
        the log: it runs on a worker, and its lines fill in under the summary);
        ``after_run`` reads the routine to offer after a completed run, on that worker."""
        super().__init__(classes="summary")
        self.summary = summary
        self.next_run = next_run
        self._standing = standing
        # The check-in is asked after a run logged in real time (its key in the log).
        self.session_key = session_key if summary.run_seconds > 0 else None
        self.coaching = coaching or CoachingSettings()
        ran = summary.completed and summary.run_seconds > 0  # a run, finished
        self._after_run = after_run if ran else None
        self.offer: AfterRunOffer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="summary-box"):
            yield Label(plain(self.summary.headline()), id="summary-headline")
            for line in self.summary.lines():
                yield Static(plain(line), classes="summary-line")
            if self.session_key is not None:
                yield CheckInPanel(self.coaching.progress_up_to, id="summary-checkin")
            yield Static("", id="summary-after-run")
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
        self.query_one("#summary-after-run").display = False
        if self._standing is not None or self._after_run is not None:
            self.run_worker(self._read_after, name="standing", group="standing",
                            exclusive=True, thread=True)

    def _read_after(self) -> None:
        """Both at once, so the screen settles in one move."""
        lines = self._standing() if self._standing is not None else None
        offer = self._after_run() if self._after_run is not None else None
        self.post_message(self.StandingRead(lines, offer))

    def on_summary_screen_standing_read(self, message: StandingRead) -> None:
        if message.lines is not None:
            self.query_one("#summary-standing", Static).update(plain("\n".join(message.lines)))
        self.offer = message.offer
        self._show_offer()
        self.refresh_bindings()

    def _show_offer(self) -> None:
        """The offer's line; after sore calves it says it is for them, and stands out."""
        line = self.query_one("#summary-after-run", Static)
        line.display = self.offer is not None
        if self.offer is None:
            return
        sore = any(panel.sore for panel in self.query(CheckInPanel))
        words = f"a  {self.offer.label()}" + ("\n   good for sore calves" if sore else "")
        line.update(plain(words))
        line.set_class(sore, "-sore")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "guide":
            return any(panel.sore for panel in self.query(CheckInPanel))
        if action == "after_run":
            return self.offer is not None
        return not (action == "start_next" and self.next_run is None)

    def on_check_in_panel_answered(self, message: CheckInPanel.Answered) -> None:
        self.refresh_bindings()  # g shows once the calves are sore
        self._show_offer()
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

    def action_after_run(self) -> None:
        if self.offer is not None:
            self.dismiss(self.offer)

    def action_start_next(self) -> None:
        self.dismiss(True)

    def action_finish(self) -> None:
        self.dismiss(False)
