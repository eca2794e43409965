"""The after-run routine (``training.after_run``) is offered on the summary of a finished
run: a starts it at once, and it ends back on home like any session; a sore check-in puts
it forward; an empty setting offers nothing, and a name that is no routine says so."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from warmup_tui.common.config import Settings, TrainingSettings
from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.home import HomeScreen
from warmup_tui.ui.screens.summary import SummaryScreen

from .app_factory import make_app, run_to_summary, session_started
from .pilot_wait import wait_until

SIZE = (100, 32)
FIRST_STEPS = 1800.5  # the whole of first-steps, run to its end
OFFER = "a  After-run calf care (after-run, 3 min)"


def app_after(routine_id: str, clock: FakeClock, after_run: str = "after-run") -> WarmupApp:
    return make_app(clock, routine_id,
                    settings=Settings(training=TrainingSettings(after_run=after_run)))


async def summary_after(pilot: Pilot[Any], clock: FakeClock,
                        seconds: float | None = None) -> SummaryScreen:
    screen = await run_to_summary(pilot, clock, seconds)
    # The week line and the offer are read on the summary's worker, together.
    await wait_until(pilot, lambda: "This week" in standing(screen), "the week line")
    return screen


def standing(screen: SummaryScreen) -> str:
    return str(screen.query_one("#summary-standing", Static).render())


def offer_line(screen: SummaryScreen) -> Static | None:
    line = screen.query_one("#summary-after-run", Static)
    return line if line.display else None


async def test_a_starts_the_after_run_routine_which_ends_on_home() -> None:
    clock = FakeClock()
    app = app_after("first-steps", clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await summary_after(pilot, clock, FIRST_STEPS)
        line = offer_line(screen)
        assert line is not None and str(line.render()) == OFFER
        assert not line.has_class("-sore")
        await pilot.press("a")
        care = await session_started(pilot, "the after-run session")
        assert care.run.routine_id == "after-run"
        after = await summary_after(pilot, clock)
        assert offer_line(after) is None  # no running in it: nothing offered after it
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")


async def test_sore_calves_put_the_offer_forward() -> None:
    clock = FakeClock()
    app = app_after("first-steps", clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await summary_after(pilot, clock, FIRST_STEPS)
        await pilot.press("6")  # above the go limit (2)
        line = offer_line(screen)
        assert line is not None and line.has_class("-sore")
        assert str(line.render()) == f"{OFFER}\n   good for sore calves"
        await pilot.press("c", "a")  # the talk test answered, then the offer taken
        care = await session_started(pilot, "the after-run session")
        assert care.run.routine_id == "after-run"


async def test_an_empty_setting_offers_nothing() -> None:
    clock = FakeClock()
    app = app_after("first-steps", clock, after_run="")
    async with app.run_test(size=SIZE) as pilot:
        screen = await summary_after(pilot, clock, FIRST_STEPS)
        assert offer_line(screen) is None
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen


async def test_a_preview_at_speed_offers_nothing() -> None:
    clock = FakeClock(speed=10.0)  # warmup run first-steps --speed 10
    app = app_after("first-steps", clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await summary_after(pilot, clock, FIRST_STEPS)
        assert offer_line(screen) is None


async def test_a_warmup_is_not_followed_by_it() -> None:
    clock = FakeClock()
    app = app_after("pre-run", clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await summary_after(pilot, clock, 260.5)
        assert offer_line(screen) is None


async def test_a_name_that_is_no_routine_is_said_in_one_line() -> None:
    clock = FakeClock()
    app = app_after("first-steps", clock, after_run="calf-stuff")
    async with app.run_test(size=SIZE) as pilot:
        screen = await summary_after(pilot, clock, FIRST_STEPS)
        assert offer_line(screen) is None
        await wait_until(pilot, lambda: any(
            "training.after_run" in n.message for n in app._notifications), "the warning")
        (warning,) = [n.message for n in app._notifications
                      if "training.after_run" in n.message]
        assert warning.endswith(': no routine named "calf-stuff"; nothing is offered after '
                                "a run")
        assert "config.toml" in warning
