"""Today asks before following advice from the check-ins: yes holds the week (the plan
moves, then today starts from there), no runs the plan as it stands. Nothing moves
without the answer."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from textual.pilot import Pilot

from warmup_tui.coaching.answers import Answers
from warmup_tui.engine.clock import FakeClock
from warmup_tui.log import TrainingLog
from warmup_tui.log.checkins import save_answers
from warmup_tui.log.outside import OutsideRun, add_outside_run
from warmup_tui.programme.progress import Anchor
from warmup_tui.programme.state import ProgrammeState, load_state, save_state
from warmup_tui.ui.screens.confirm import ConfirmScreen

from .app_factory import make_app, run_to_summary, session_started
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


async def answer_the_question(pilot: Pilot[Any], key: str) -> None:
    """Today, asked about the advice first, answered with ``key``."""
    app = pilot.app
    await pilot.press("t")
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
    screen = app.screen
    assert isinstance(screen, ConfirmScreen)
    assert screen.detail.startswith("Hold week 3: calves 4/10 yesterday")
    await pilot.press(key)


def assert_week_3(held: bool) -> None:
    """The plan's anchor: moved to repeat week 3 when ``held``, else as it was."""
    anchor = load_state()[0].anchors["build-to-30"]
    if not held:
        assert anchor == WEEK_3
        return
    assert (anchor.session, anchor.reason) == ("w3s1", "repeat")
    assert anchor.set_at > WEEK_3.set_at


@pytest.mark.parametrize(("key", "held", "next_session"), [
    ("y", True, "w3s1"),  # yes holds week 3; today starts from its first session
    ("n", False, "w3s2"),  # no runs the plan as it stands
])
async def test_the_answer_decides_whether_the_plan_moves(
        key: str, held: bool, next_session: str) -> None:
    sore_week_3_run()
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await answer_the_question(pilot, key)
        warmup = await session_started(pilot, "the warmup")
        assert warmup.run.routine_id == "pre-run"
        assert_week_3(held)
        summary = await run_to_summary(pilot, clock)
        assert summary.next_run is not None
        assert summary.next_run.programme_session == next_session
