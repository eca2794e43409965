"""Today asks before following advice from the check-ins: yes holds the week (the plan
moves, then today starts from there), no runs the plan as it stands. Nothing moves
without the answer."""

from __future__ import annotations

from datetime import datetime, timedelta

from warmup_tui.coaching.answers import Answers
from warmup_tui.engine.clock import FakeClock
from warmup_tui.log import TrainingLog
from warmup_tui.log.checkins import save_answers
from warmup_tui.log.outside import OutsideRun, add_outside_run
from warmup_tui.programme.progress import Anchor
from warmup_tui.programme.state import ProgrammeState, load_state, save_state
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.screens.summary import SummaryScreen

from .app_factory import advance, make_app, session_screen
from .pilot_wait import wait_until

SIZE = (100, 30)
WEEK_3 = Anchor("w3s1", datetime.now().astimezone() - timedelta(days=7), "skip")


def sore_week_3_run() -> None:
    """Week 3's first session yesterday, calves 4/10 and 1/10 the next morning: hold."""
    save_state(ProgrammeState(anchors={"build-to-30": WEEK_3}))
    yesterday = (datetime.now() - timedelta(days=1)).replace(hour=7, minute=0)
    with TrainingLog.open() as log:
        run = add_outside_run(log, OutsideRun(
            source="manual", routine_id="build-to-30", routine_name="Build to 30",
            started_at=yesterday.timestamp(), elapsed_seconds=1900.0,
            running_seconds=1900.0, programme_id="build-to-30", programme_session="w3s1"))
        save_answers(log, run, Answers(calves=4, morning=1))


async def asked(pilot, app) -> ConfirmScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("t")
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
    screen = app.screen
    assert isinstance(screen, ConfirmScreen)
    assert screen.detail.startswith("Hold week 3: calves 4/10 yesterday")
    return screen


async def next_after_warmup(pilot, app, clock: FakeClock) -> str | None:  # type: ignore[no-untyped-def]
    """The programme session the summary offers once the warmup is done."""
    advance(app, session_screen(app).session.remaining_total() + 0.01, clock)
    await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
    next_run = app.screen.next_run
    return None if next_run is None else next_run.programme_session


async def test_yes_holds_week_3_then_today_starts_from_its_first_session() -> None:
    sore_week_3_run()
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await asked(pilot, app)
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the warmup")
        anchor = load_state()[0].anchors["build-to-30"]
        assert (anchor.session, anchor.reason) == ("w3s1", "repeat")
        assert anchor.set_at > WEEK_3.set_at
        assert session_screen(app).run.routine_id == "pre-run"
        assert await next_after_warmup(pilot, app, clock) == "w3s1"


async def test_no_runs_the_plan_as_it_stands() -> None:
    sore_week_3_run()
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await asked(pilot, app)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the warmup")
        assert load_state()[0].anchors["build-to-30"] == WEEK_3
        assert await next_after_warmup(pilot, app, clock) == "w3s2"
