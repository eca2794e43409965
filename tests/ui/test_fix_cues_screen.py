"""The fixes after a sore run on the session screen's cue line, as the run goes on."""

from __future__ import annotations

from textual.widgets import OptionList

from warmup_tui.coaching.answers import Answers
from warmup_tui.coaching.sore_run import FLAT_ROUTE, SLOWER, UNDER_HIPS
from warmup_tui.common.config import Settings
from warmup_tui.engine.clock import FakeClock
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.progress import MemoryProgress
from warmup_tui.runs.fixes import lean_on_fixes
from warmup_tui.runs.today import today_plan
from warmup_tui.ui.screens.home import HomeScreen
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.widgets.text_line import TextLine

from .app_factory import StartedApp, advance, make_app, session_screen
from .app_factory import test_library as bundled_library
from .pilot_wait import wait_until
from .test_home_advice import week_3_run

SIZE = (100, 30)


def cue_line(app: StartedApp) -> str:
    return " ".join(app.screen.query_one("#cue", TextLine).shown.split())


async def test_the_cue_line_shows_the_flat_route_then_the_fixes_at_each_run() -> None:
    library = bundled_library()
    plan = today_plan(library, resolve_programme("build-to-30"), MemoryProgress(),
                      warmup_id=None)
    clock = FakeClock()
    app = StartedApp(library=library, settings=Settings(), clock_factory=lambda: clock,
                     start_runs=lean_on_fixes(plan.runs()), get_ready=0.0, mute=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session_screen(app)
        assert cue_line(app) == FLAT_ROUTE
        advance(app, 5 * 60 + 0.5, clock)  # the warmup walk is over: run 1
        await pilot.pause()
        assert cue_line(app) == SLOWER
        advance(app, 60 + 90, clock)  # run 1, then its walk: run 2
        await pilot.pause()
        assert cue_line(app) == UNDER_HIPS


async def test_a_routine_picked_on_home_after_a_sore_run_leans_on_the_fixes() -> None:
    week_3_run(Answers(calves=6, morning=3))  # yesterday: sore
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen)
                         and app.screen.loaded, "home")
        routines = app.screen.query_one(OptionList)
        routines.highlighted = next(i for i in range(routines.option_count)
                                    if routines.get_option_at_index(i).id == "easy-run-walk")
        await pilot.press("enter")  # planned on a worker, which reads the check-ins
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session")
        cues = [segment.cue for segment in session_screen(app).run.segments if segment.spoken]
        assert cues[:3] == [FLAT_ROUTE, SLOWER, UNDER_HIPS]
