"""The end of a session says where the runner stands: this week's runs against the goal,
by the counting rule, and the plan's next session (read from the real log on a worker)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.home import HomeScreen
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.screens.summary import SummaryScreen

from .app_factory import make_app, run_to_summary, session_started
from .pilot_wait import wait_until

SIZE = (100, 30)


async def standing_after(pilot: Pilot[Any], clock: FakeClock) -> str:
    """The summary's standing lines once the session on screen has run to its end."""
    summary = await run_to_summary(pilot, clock)
    line = summary.query_one("#summary-standing", Static)
    await wait_until(pilot, lambda: "This week" in str(line.render()), "the week line")
    return str(line.render())


async def test_the_end_of_a_programme_run_shows_the_week_and_the_next_session() -> None:
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        # Under the hand-off the plan's next session is the one offered: said once.
        after_warmup = await standing_after(pilot, clock)
        assert "This week: 0 of 4 runs" in after_warmup
        assert "Next in your plan" not in after_warmup
        await pilot.press("enter")
        after_run = await standing_after(pilot, clock)
        assert "This week: 1 of 4 runs" in after_run
        assert "Next in your plan: week 1, session 2" in after_run


async def test_a_short_session_is_not_counted_in_the_week_line() -> None:
    clock = FakeClock()
    app = make_app(clock, "after-run")  # no running in it: not a run
    async with app.run_test(size=SIZE) as pilot:
        standing = await standing_after(pilot, clock)
        assert "This week: 0 of 4 runs" in standing
        assert "Next in your plan: week 1, session 1" in standing


async def test_after_todays_run_today_asks_before_starting_the_next() -> None:
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        # s is not taken until the warmup's clock has started (after its first frame).
        await session_started(pilot, "the warmup's clock to start")
        await pilot.press("s")  # straight to the run
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the hand-off")
        await pilot.press("enter")
        await run_to_summary(pilot, clock)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        home = app.screen
        assert isinstance(home, HomeScreen)
        await wait_until(pilot, lambda: "(done for today)" in (home.today_label or ""),
                         "Today to say the run is done")
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")  # not now: home stays
        await wait_until(pilot, lambda: app.screen is home, "home")
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("y")  # asked for: the next one starts
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the warmup")
