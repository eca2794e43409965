"""The end of a session says where the runner stands: this week's runs against the goal,
by the counting rule, and the plan's next session (read from the real log on a worker)."""

from __future__ import annotations

from textual.widgets import Static

from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.screens.summary import SummaryScreen

from .app_factory import advance, make_app, session_screen
from .pilot_wait import wait_until

SIZE = (100, 30)


def _standing(app: object) -> str:
    from textual.app import App

    assert isinstance(app, App)
    return str(app.screen.query_one("#summary-standing", Static).render())


async def test_the_end_of_a_programme_run_shows_the_week_and_the_next_session() -> None:
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the warmup")
        advance(app, session_screen(app).session.remaining_total() + 0.01, clock)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the hand-off")
        # Under the hand-off the plan's next session is the one offered: said once.
        await wait_until(pilot, lambda: "This week" in _standing(app), "the week line")
        assert "This week: 0 of 4 runs" in _standing(app)
        assert "Next in your plan" not in _standing(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the run")
        advance(app, session_screen(app).session.remaining_total() + 0.01, clock)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        await wait_until(pilot, lambda: "This week" in _standing(app), "the week line")
        assert "This week: 1 of 4 runs" in _standing(app)
        assert "Next in your plan: week 1, session 2" in _standing(app)


async def test_a_short_session_is_not_counted_in_the_week_line() -> None:
    clock = FakeClock()
    app = make_app(clock, "after-run")  # no running in it: not a run
    async with app.run_test(size=SIZE) as pilot:
        advance(app, session_screen(app).session.remaining_total() + 0.01, clock)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        await wait_until(pilot, lambda: "This week" in _standing(app), "the week line")
        assert "This week: 0 of 4 runs" in _standing(app)
        assert "Next in your plan: week 1, session 1" in _standing(app)


async def test_after_todays_run_today_asks_before_starting_the_next() -> None:
    from warmup_tui.ui.screens.confirm import ConfirmScreen
    from warmup_tui.ui.screens.home import HomeScreen

    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the warmup")
        await pilot.press("s")  # straight to the run
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the hand-off")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the run")
        advance(app, session_screen(app).session.remaining_total() + 0.01, clock)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        home = app.screen
        assert isinstance(home, HomeScreen)
        await wait_until(pilot, lambda: "(done for today)" in (home.today_label or ""),
                         "Today to say the run is done")
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")  # not now: home stays
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("y")  # asked for: the next one starts
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the warmup")
