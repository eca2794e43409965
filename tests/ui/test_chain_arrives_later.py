"""``warmup run NAME`` opens NAME's get-ready before it plans what NAME chains into (pre-run:
the programme's next session): the chain is planned on a worker and merged in when it
arrives. Until then the screen claims nothing about it; once it is in, the last step's
"Next:", the skip key and the hand-off all name it. Here the planner waits on an Event
the test releases, so "before" and "after" are both seen for certain.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from warmup_tui.common.config import Settings
from warmup_tui.common.problems import Problem, ProblemsError
from warmup_tui.engine.clock import FakeClock
from warmup_tui.runs.plan import PlannedRun, planned_run
from warmup_tui.runs.today import what_follows
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.screens.summary import SummaryScreen
from warmup_tui.ui.widgets.text_line import TextLine

from .app_factory import StartedApp, session_screen
from .app_factory import test_library as bundled_library
from .pilot_wait import wait_until

SIZE = (100, 30)
RELEASE_LIMIT = 60.0  # seconds: a planner never released ends rather than hangs the test
PROGRAMME_RUN = "Build to 30, week 1, session 1"


class HeldPlanner:
    """Plans what pre-run chains into, as ``warmup run pre-run`` does, but only once
    released; ``fail`` makes it find a problem instead."""

    def __init__(self, fail: bool = False) -> None:
        self.released = threading.Event()
        self.fail = fail
        self.calls = 0

    def __call__(self) -> list[PlannedRun]:
        self.calls += 1
        self.released.wait(RELEASE_LIMIT)
        if self.fail:
            raise ProblemsError([Problem("build-to-30.toml", "cannot be read")])
        library = bundled_library()
        return what_follows(library, library.resolve("pre-run"))


def app_with(planner: Callable[[], list[PlannedRun]], clock: FakeClock) -> StartedApp:
    library = bundled_library()
    first = planned_run(library.resolve("pre-run"))
    return StartedApp(library=library, settings=Settings(), clock_factory=lambda: clock,
                      start_runs=[first], start_chain=planner, get_ready=0.0, mute=True,
                      ends_in_shell=True)


def next_up(screen: SessionScreen) -> str:
    return str(screen.query_one("#next-up", TextLine).shown)


async def to_the_last_step(pilot: object, screen: SessionScreen) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    while screen.session.next_segment is not None:
        await pilot.press("n")


async def test_the_last_step_and_the_skip_key_wait_for_the_chain_then_name_it() -> None:
    planner = HeldPlanner()
    app = app_with(planner, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = session_screen(app)
        await wait_until(pilot, lambda: planner.calls == 1, "the chain's planning to start")
        await to_the_last_step(pilot, screen)
        assert next_up(screen) == "Next: finish"  # nothing is claimed before it is known
        assert not screen.check_action("skip_warmup", ())
        planner.released.set()
        await wait_until(pilot, lambda: next_up(screen) == f"Next: {PROGRAMME_RUN}",
                         "the last step to name the run")
        assert screen.check_action("skip_warmup", ())


async def test_a_warmup_over_before_its_chain_arrives_hands_off_once_it_does() -> None:
    planner = HeldPlanner()
    app = app_with(planner, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = session_screen(app)
        await to_the_last_step(pilot, screen)
        await pilot.press("n")  # the warmup is over
        await wait_until(pilot, lambda: screen.session.state == "finished", "the end")
        await pilot.pause()
        assert not isinstance(app.screen, SummaryScreen)  # it waits for the chain
        planner.released.set()
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.next_run is not None and summary.next_run.name == PROGRAMME_RUN
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen)
                         and app.screen is not screen, "the run")
        assert session_screen(app).run.programme_session == "w1s1"


async def test_a_chain_that_cannot_be_planned_is_said_and_the_warmup_runs_alone() -> None:
    planner = HeldPlanner(fail=True)
    planner.released.set()
    app = app_with(planner, FakeClock())
    toasts: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = session_screen(app)
        await wait_until(pilot, lambda: any("cannot be read" in str(n.message)
                                            for n in app._notifications), "the problem's toast")
        toasts = [str(n.message) for n in app._notifications]
        await to_the_last_step(pilot, screen)
        assert next_up(screen) == "Next: finish"
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        summary = app.screen
        assert isinstance(summary, SummaryScreen) and summary.next_run is None
    assert any(toast.startswith("build-to-30.toml") for toast in toasts)
