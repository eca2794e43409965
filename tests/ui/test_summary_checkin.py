"""The summary's check-in after a run, by key: calves 0-9 and t for 10, the talk test,
h for hills, x to skip; saved into the real log off the event loop; g opens the guide
after a sore run. A warmup (no running) is not asked about."""

from __future__ import annotations

from warmup_tui.coaching.checkin import CheckIn
from warmup_tui.engine.clock import FakeClock
from warmup_tui.log import TrainingLog
from warmup_tui.log.checkins import checkins
from warmup_tui.ui.screens.guide import GuideScreen
from warmup_tui.ui.screens.summary import SummaryScreen
from warmup_tui.ui.widgets.checkin_panel import CheckInPanel

from .app_factory import make_app, run_to_summary
from .pilot_wait import wait_until

SIZE = (100, 32)
FIRST_STEPS = 1800.5  # the whole of first-steps, run to its end


def stored() -> list[CheckIn]:
    with TrainingLog.open() as log:
        return checkins(log)


def panel_text(screen: SummaryScreen) -> str:
    return screen.query_one(CheckInPanel).text()


async def test_two_keys_check_in_and_the_answers_reach_the_log() -> None:
    clock = FakeClock()
    app = make_app(clock, "first-steps")
    async with app.run_test(size=SIZE) as pilot:
        screen = await run_to_summary(pilot, clock, FIRST_STEPS)
        assert "How were your calves" in panel_text(screen)
        await pilot.press("6")
        assert "calves 6/10" in panel_text(screen) and "Talk test" in panel_text(screen)
        await pilot.press("h", "w")
        assert panel_text(screen).startswith("Saved: calves 6/10, a few words, hilly route")
        await wait_until(pilot, lambda: [c.effort for c in stored()] == ["words"],
                         "the check-in in the log", timeout=30)
        (saved,) = stored()
        assert (saved.calves, saved.effort, saved.hills) == (6, "words", True)


async def test_t_is_ten_and_a_sore_run_links_to_the_guide() -> None:
    clock = FakeClock()
    app = make_app(clock, "first-steps")
    async with app.run_test(size=SIZE) as pilot:
        screen = await run_to_summary(pilot, clock, FIRST_STEPS)
        await pilot.press("g")  # nothing sore said yet: no guide
        assert app.screen is screen
        await pilot.press("t")
        assert "calves 10/10" in panel_text(screen) and "g: what helps" in panel_text(screen)
        await pilot.press("g")
        assert isinstance(app.screen, GuideScreen)
        await wait_until(pilot, lambda: [c.calves for c in stored()] == [10], "the score saved",
                         timeout=30)


async def test_easy_calves_offer_no_guide_and_x_skips() -> None:
    clock = FakeClock()
    app = make_app(clock, "first-steps")
    async with app.run_test(size=SIZE) as pilot:
        screen = await run_to_summary(pilot, clock, FIRST_STEPS)
        await pilot.press("x")
        assert "skipped" in panel_text(screen)
        await pilot.press("5", "c")  # once skipped, the keys ask nothing
        assert "calves" not in panel_text(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
    assert stored() == []


async def test_a_warmup_has_no_check_in() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        screen = await run_to_summary(pilot, clock, 260.5)
        assert not screen.query(CheckInPanel)
