"""Rest days over a simulated fortnight with a real training log: once today's programme
run is done Today says so (and starts the next only when asked); after runs on two days
in a row it suggests a rest or a walk. "Now" is injected; the sessions are really run and
logged at those moments."""

from __future__ import annotations

from datetime import datetime

from tests.program.support import bundled, day, run_on_fake_clock
from warmup_tui.engine.events import Event
from warmup_tui.log import LogRecorder, TrainingLog
from warmup_tui.routines.library import Library
from warmup_tui.runs.rest_days import DONE_TODAY, TWO_IN_A_ROW
from warmup_tui.runs.today import TodayPlan, today_plan

# The runner's fortnight from Monday: True on the days they run their programme session.
RUNS = [True, True, False, True, False, True, True,
        False, True, True, True, False, False, True]


def plan_at(now: datetime) -> TodayPlan:
    with TrainingLog.open() as log:
        return today_plan(Library(), bundled(), log, now=now, warmup_id=None)


def run_session(plan: TodayPlan, at: datetime) -> None:
    """The plan's session, run to its end and logged as finished at ``at``: the log's wall
    clock follows the session's own time (each event's ``t``)."""
    run = plan.session_run()
    start = at.timestamp() - run.total_seconds
    moment = _Moment()
    recorder = LogRecorder(run.routine_id, list(run.segments), routine_name=run.name,
                           programme_id=run.programme_id,
                           programme_session=run.programme_session,
                           wall=lambda: start + moment.t)
    run_on_fake_clock(list(run.segments), moment, recorder)
    assert recorder.wait_written(timeout=30)


class _Moment:
    """An event sink that remembers the session time of the latest event."""

    t = 0.0

    def handle(self, event: Event) -> None:
        self.t = event.t


def test_a_fortnight_of_mornings_and_evenings() -> None:
    said = []
    for offset, runs in enumerate(RUNS):
        morning = plan_at(day(offset, hour=7))
        said.append(morning.rest)
        if runs:  # never refused: the runner runs whatever Today said
            run_session(morning, day(offset, hour=8))
            evening = plan_at(day(offset, hour=20))
            assert evening.rest == DONE_TODAY, offset
            assert evening.session.key != morning.session.key  # the next one, when asked
    # Wednesday and Monday of week 2 and Saturday follow two days of running in a row.
    expected = [TWO_IN_A_ROW if offset >= 2 and RUNS[offset - 1] and RUNS[offset - 2]
                else None for offset in range(len(RUNS))]
    assert said == expected
    assert said.count(TWO_IN_A_ROW) == 4
    assert plan_at(day(14, hour=7)).session.key == f"w{1 + sum(RUNS) // 4}s{1 + sum(RUNS) % 4}"
