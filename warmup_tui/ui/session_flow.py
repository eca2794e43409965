"""The app's sessions, one after another: each planned run on its screen, then the
summary's hand-off to the next (or to the after-run routine, home or the shell).

Sessions opened while start-up still loads the sounds show their get-ready at once and
wait here for the sounds (and for the answer about a cut-off session) before their
clocks start.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the session's screens and engine load with the first session
    from warmup_tui.engine.summary import SessionSummary
    from warmup_tui.runs.after_run import AfterRunOffer
    from warmup_tui.runs.plan import PlannedRun
    from warmup_tui.ui.app import WarmupApp
    from warmup_tui.ui.screens.session import SessionScreen


class SessionFlow:
    """The app's side of running sessions; the app hands its session work here."""

    def __init__(self, app: WarmupApp) -> None:
        self.app = app
        # Opened before their sounds loaded: (screen, run, speed), started by start_waiting.
        self.waiting: list[tuple[SessionScreen, PlannedRun, float]] = []

    def start_runs(self, runs: list[PlannedRun]) -> None:
        """Run each planned session in turn; between them a summary waits for Enter."""
        if not runs:
            return
        app = self.app
        run, rest = runs[0], runs[1:]

        session = self._session_screen(run, rest[0].name if rest else None)

        def after_session(summary: SessionSummary | None) -> None:
            if summary is None:
                return
            # Imported when the session ends, not before its get-ready's first frame.
            from warmup_tui.runs.after_run import offer_telling
            from warmup_tui.runs.checkin_save import checkin_key  # the log, loaded by now
            from warmup_tui.ui.screens.summary import SummaryScreen

            # The plan's next session is said once: not again under a hand-off to it.
            plan_next = not (rest and rest[0].programme_session)
            # Calf care follows a run done at real speed, not a --speed preview of one.
            after_run = (partial(offer_telling, app.library, app.settings.training,
                                 app.warn_from_anywhere)
                         if session.session.clock.speed == 1 else None)
            app.push_screen(SummaryScreen(summary, rest[0] if rest else None,
                                          partial(self._standing_lines, plan_next),
                                          session_key=checkin_key(session.sinks),
                                          coaching=app.services.settings.coaching,
                                          after_run=after_run),
                            after_summary)

        def after_summary(start_next: bool | AfterRunOffer | None) -> None:
            if start_next is not None and not isinstance(start_next, bool):
                self.start_runs(list(start_next.runs))  # the after-run routine, taken
            elif start_next and rest:
                self.start_runs(rest)
            elif app.ends_in_shell:
                app.stop_and_exit(0)  # back to the shell the session was started from
            else:
                app.home_offers.refresh_today()

        app.push_screen(session, after_session)

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
