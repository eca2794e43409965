"""The morning question: the first start on a later day than the last run asks how the
calves feel, once per run; the answer (or a skip) goes into the real log. "This morning"
comes from the app's injected now."""

from __future__ import annotations

from datetime import datetime, timedelta

from warmup_tui.common.config import Settings
from warmup_tui.engine.clock import FakeClock
from warmup_tui.log import TrainingLog
from warmup_tui.log.outside import OutsideRun, add_outside_run
from warmup_tui.ui.screens.home import HomeScreen
from warmup_tui.ui.screens.morning import MorningScreen

from .app_factory import StartedApp
from .app_factory import test_library as bundled_library
from .pilot_wait import wait_until

SIZE = (100, 32)
RUN_AT = datetime(2026, 12, 7, 18, 0).astimezone()  # a Monday evening
NEXT_MORNING = RUN_AT + timedelta(hours=14)


def log_a_run() -> int:
    with TrainingLog.open() as log:
        return add_outside_run(log, OutsideRun(
            source="manual", routine_id="run", routine_name="Run",
            started_at=RUN_AT.timestamp(), elapsed_seconds=1800.0, running_seconds=1800.0))


def app_at(now: datetime) -> StartedApp:
    return StartedApp(library=bundled_library(), settings=Settings(), mute=True,
                      clock_factory=FakeClock, now=lambda: now)


def morning_scores() -> list[int | None]:
    with TrainingLog.open() as log:
        return [row[0] for row in log.conn.execute("SELECT morning FROM checkins")]


async def test_the_next_morning_asks_once_and_keeps_the_answer() -> None:
    log_a_run()
    app = app_at(NEXT_MORNING)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MorningScreen),
                         "the morning question")
        assert "How do your calves feel this morning?" in str(
            app.screen.query_one("#morning-question").render())
        assert "yesterday" in str(app.screen.query_one("#morning-when").render())
        await pilot.press("3")
        assert isinstance(app.screen, HomeScreen)
        await wait_until(pilot, lambda: morning_scores() == [3], "the score in the log",
                         timeout=30)
    again = app_at(NEXT_MORNING + timedelta(hours=1))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)  # asked once per run


async def test_the_same_day_asks_nothing_and_a_skip_is_never_asked_again() -> None:
    log_a_run()
    same_day = app_at(RUN_AT + timedelta(hours=2))
    async with same_day.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(same_day.screen, HomeScreen)
    skipped = app_at(NEXT_MORNING)
    async with skipped.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(skipped.screen, MorningScreen),
                         "the morning question")
        await pilot.press("x")
        await wait_until(pilot, lambda: morning_scores() == [None], "the skip in the log",
                         timeout=30)
    later = app_at(NEXT_MORNING + timedelta(days=1))
    async with later.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(later.screen, HomeScreen)
