"""What home offers, and the paths they take: a routine picked from the list, Today's
warmup and run (with the rest-day word and the check-ins' advice asked about first), the
morning question after a run, and home's Today line kept current after a session or a
check-in.

Each path reads files and the log on a worker and comes back with a message the app
hands here (`RoutinePlanned`, `TodayPlanned`, `TodayRead`); the screens it opens are
the app's to run.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from warmup_tui.common.problems import ProblemsError
from warmup_tui.ui.messages import CheckInSaved, RoutinePlanned, TodayPlanned, TodayRead
from warmup_tui.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from warmup_tui.runs.advice import PlanAdvice
    from warmup_tui.runs.morning import MorningQuestion
    from warmup_tui.ui.app import WarmupApp


class HomeOffers:
    """The app's side of home's offers; the app passes its messages here."""

    def __init__(self, app: WarmupApp) -> None:
        self.app = app

    # ----- a routine from the list -----------------------------------------------------

    def start_routine(self, routine_id: str) -> None:
        # Read on a worker: the routine's file, what it chains into, the log's check-ins.
        self.app.run_worker(partial(self._plan_routine, routine_id), name="routine",
                            group="today", exclusive=True, thread=True)

    def _plan_routine(self, routine_id: str) -> None:
        from warmup_tui.runs.fixes import fixes_after_sore_run
        from warmup_tui.runs.today import routine_and_chain

        app = self.app
        try:
            runs = routine_and_chain(app.library, app.library.resolve(routine_id))
        except ProblemsError as error:
            for problem in error.problems:
                app.call_from_thread(app.notify, str(problem), severity="error", timeout=8)
            return
        app.post_message(RoutinePlanned(fixes_after_sore_run(runs)))

    def routine_planned(self, message: RoutinePlanned) -> None:
        if isinstance(self.app.screen, HomeScreen):  # not when Enter was pressed twice
            self.app.start_runs(message.runs)

    # ----- Today ---------------------------------------------------------------------

    def start_today(self) -> None:
        # Read on a worker once the log has the sessions run so far: it reads the log.
        self.app.run_worker(self._plan_today, name="today", group="today", exclusive=True,
                            thread=True)

    def _plan_today(self, ask_advice: bool = True) -> None:
        from warmup_tui.ui import today

        app = self.app

        def notify(message: str, **options: Any) -> None:
            app.call_from_thread(partial(app.notify, message, **options))

        runs, rest = today.runs_after_writes(app.library, notify)
        if runs:
            advice = (today.waiting_advice(app.library, app.settings.coaching)
                      if ask_advice else None)
            app.post_message(TodayPlanned(runs, advice, rest))

    def today_planned(self, message: TodayPlanned) -> None:
        if not isinstance(self.app.screen, HomeScreen):  # on its way already (t twice)
            return
        from warmup_tui.ui.rest_day import start_after_rest_word

        start_after_rest_word(self.app, message.rest,
                              lambda: self._start_after_advice(message))

    def _start_after_advice(self, message: TodayPlanned) -> None:
        """Today's runs, once the runner has said whether to follow the check-ins' advice."""
        app = self.app
        if message.advice is None:
            app.start_runs(message.runs)
            return
        from warmup_tui.ui.screens.confirm import ConfirmScreen

        advice = message.advice

        def answered(follow: bool | None) -> None:
            if follow:  # the plan moves, then today is planned again from there
                app.run_worker(partial(self._follow_advice, advice), name="today",
                               group="today", exclusive=True, thread=True)
            else:
                app.start_runs(message.runs)

        app.push_screen(ConfirmScreen(
            "Follow the advice from your check-ins?", advice.advice.reason,
            yes="Follow it", no="Run as planned"), answered)

    def _follow_advice(self, advice: PlanAdvice) -> None:
        from warmup_tui.ui import today

        today.follow_advice(self.app.library, advice)
        if advice.advice.action == "rest":  # today is one of its rest days: nothing starts
            self.app.call_from_thread(self._rest_as_advised, advice)
            return
        self._plan_today(ask_advice=False)

    def _rest_as_advised(self, advice: PlanAdvice) -> None:
        from warmup_tui.runs.advice import rest_word

        self.app.notify(rest_word(advice.advice, self.app.now_factory().date()),
                        title="Rest day", timeout=12)
        self.refresh_today()

    # ----- the morning question ------------------------------------------------------

    def ask_morning(self, question: MorningQuestion) -> None:
        """How the calves feel the morning after a run, asked over home (the app calls
        this only when home is on top)."""
        app = self.app
        from warmup_tui.ui.screens.morning import MorningScreen

        def answered(score: int | None) -> None:
            app.run_worker(partial(self._save_morning, question.session_id, score),
                           name="morning", group="checkin", thread=True)

        app.push_screen(MorningScreen(question.ran), answered)

    def _save_morning(self, session_id: int, score: int | None) -> None:
        from warmup_tui.runs.morning import save_morning

        problem = save_morning(session_id, score)
        if problem is not None:
            self.app.call_from_thread(partial(self.app.notify, problem, severity="warning"))
        self.app.post_message(CheckInSaved())

    # ----- the Today line ------------------------------------------------------------

    def refresh_today(self) -> None:
        """Today's line after a session or a check-in, read on a worker once the session
        is in the log."""
        self.app.run_worker(self._read_today, name="today-line", group="today-line",
                            exclusive=True, thread=True)

    def _read_today(self) -> None:
        from textual.worker import get_current_worker

        from warmup_tui.ui import today

        line = today.line_after_writes(self.app.library, self.app.settings.coaching)
        if not get_current_worker().is_cancelled:  # a later read, after a check-in, won
            self.app.post_message(TodayRead(line.label, line.advice))

    def today_read(self, message: TodayRead) -> None:
        for screen in self.app.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_today(message.today_label, message.advice)
