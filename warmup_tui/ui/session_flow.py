"""The app's sessions, one after another: each planned run on its screen, then the
summary's hand-off to the next (or to the after-run routine, home or the shell).

Sessions opened while start-up still loads the sounds show their get-ready at once and
wait here for the sounds (and for the answer about a cut-off session) before their
clocks start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the session's screens and engine load with the first session
    from warmup_tui.engine.summary import SessionSummary
    from warmup_tui.runs.after_run import AfterRunOffer
    from warmup_tui.runs.plan import PlannedRun
    from warmup_tui.ui.app import WarmupApp
    from warmup_tui.ui.screens.session import SessionScreen


@dataclass
class _Queue:
    """The sessions after the one on ``screen``. While ``coming``, they are still being
    planned (``warmup run NAME`` plans what NAME chains into once its get-ready is up);
    a summary due before they arrive waits in ``on_arrival``."""

    rest: list[PlannedRun]
    coming: bool = False
    screen: SessionScreen | None = None
    on_arrival: Callable[[], None] | None = None

    @property
    def then(self) -> str | None:
        return self.rest[0].name if self.rest else None


class SessionFlow:
    """The app's side of running sessions; the app hands its session work here."""

    def __init__(self, app: WarmupApp) -> None:
        self.app = app
        # Opened before their sounds loaded: (screen, run, speed), started by start_waiting.
        self.waiting: list[tuple[SessionScreen, PlannedRun, float]] = []
        self._chain_for: _Queue | None = None  # the queue whose chain is being planned

    def start_runs(self, runs: list[PlannedRun], *, chain_coming: bool = False) -> None:
        """Run each planned session in turn; between them a summary waits for Enter.
        ``chain_coming``: what follows ``runs`` arrives later, by :meth:`chain_planned`."""
        if not runs:
            return
        queue = _Queue(runs[1:], coming=chain_coming)
        if chain_coming:
            self._chain_for = queue
        session = queue.screen = self._session_screen(runs[0], queue.then)

        def after_session(summary: SessionSummary | None) -> None:
            if summary is None:
                return
            if queue.coming:  # rare: a session shorter than the planning of its chain
                queue.on_arrival = partial(self._summarize, session, summary, queue)
            else:
                self._summarize(session, summary, queue)

        self.app.push_screen(session, after_session)

    def chain_planned(self, runs: list[PlannedRun], problems: list[str]) -> None:
        """What the first session chains into has arrived (``problems``: it could not be
        planned, and the session runs alone)."""
        queue, self._chain_for = self._chain_for, None
        if queue is None:
            return
        for problem in problems:
            self.app.notify(problem, severity="error", timeout=8)
        queue.rest, queue.coming = runs, False
        if queue.screen is not None and queue.screen in self.app.screen_stack:
            queue.screen.then_known(queue.then)
        if queue.on_arrival is not None:
            queue.on_arrival()

    def _summarize(self, session: SessionScreen, summary: SessionSummary,
                   queue: _Queue) -> None:
        """The summary, then the hand-off: the next session, the after-run routine, home
        or the shell."""
        # Imported when the session ends, not before its get-ready's first frame.
        from warmup_tui.runs.after_run import offer_telling
        from warmup_tui.runs.checkin_save import checkin_key  # the log, loaded by now
        from warmup_tui.ui.screens.summary import SummaryScreen

        app, rest = self.app, queue.rest
        # The plan's next session is said once: not again under a hand-off to it.
        plan_next = not (rest and rest[0].programme_session)
        # Calf care follows a run done at real speed, not a --speed preview of one.
        after_run = (partial(offer_telling, app.library, app.settings.training,
                             app.warn_from_anywhere)
                     if session.session.clock.speed == 1 else None)

        def after_summary(start_next: bool | AfterRunOffer | None) -> None:
            if start_next is not None and not isinstance(start_next, bool):
                self.start_runs(list(start_next.runs))  # the after-run routine, taken
            elif start_next and rest:
                self.start_runs(rest)
            elif app.ends_in_shell:
                app.stop_and_exit(0)  # back to the shell the session was started from
            else:
                app.home_offers.refresh_today()

        app.push_screen(SummaryScreen(summary, rest[0] if rest else None,
                                      partial(self._standing_lines, plan_next),
                                      session_key=checkin_key(session.sinks),
                                      coaching=app.services.settings.coaching,
                                      after_run=after_run),
                        after_summary)

    def _standing_lines(self, plan_next: bool) -> list[str]:
        """This week's runs and, with ``plan_next``, the plan's next session (reads the
        log: a worker's call)."""
        from warmup_tui.runs.standing import where_you_stand

        return where_you_stand(self.app.library, self.app.settings.training,
                               plan_next=plan_next).lines()

    def _session_screen(self, run: PlannedRun, then: str | None) -> SessionScreen:
        """The session's screen; while start-up is still loading the sounds it opens at
        once, showing its get-ready, and its clock waits for them (start_waiting)."""
        from warmup_tui.ui.screens.session import SessionScreen

        app = self.app
        clock = app.clock_factory()
        wait = app.sounds_coming
        screen = SessionScreen(run, clock, [] if wait else app.session_sinks(run, clock.speed),
                               start_index=run.start_index, get_ready=app.get_ready,
                               on_mute=app.toggle_mute, on_metronome=app.toggle_metronome,
                               then=then, sound_status=None if wait else
                               app.services.sound_status, sounds_pending=wait)
        if wait:
            self.waiting.append((screen, run, clock.speed))
        return screen

    def drop_waiting(self) -> None:
        """A cut-off session is resumed instead: the sessions that waited close, with no
        summary (the rest of their chain is dropped)."""
        waiting, self.waiting = self.waiting, []
        for screen, _run, _speed in waiting:
            if screen is self.app.screen:
                screen.dismiss(None)

    def start_waiting(self) -> None:
        """The sounds are loaded and the question about a cut-off session is answered: the
        sessions that waited start their clocks."""
        app = self.app
        waiting, self.waiting = self.waiting, []
        for screen, run, speed in waiting:
            if screen in app.screen_stack:  # not quit while it waited
                screen.sounds_ready(app.session_sinks(run, speed), app.services.sound_status)
