"""Weeks, goal and streak from sessions recorded through the real recorder and log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from log_support import MONDAY_NOON_UTC, record, timeline

from warmup_tui.common.weeks import week_start
from warmup_tui.engine.timeline import total_seconds
from warmup_tui.log import TrainingLog
from warmup_tui.log.stats import progress

DAY = 86_400.0
WEEK = 7 * DAY
NOW = datetime.fromtimestamp(MONDAY_NOON_UTC + 2 * DAY + 3600, UTC)  # Wednesday 13:00
FIRST_STEPS_RUNNING = 8 * 60.0  # eight one-minute runs


def test_week_of_runs_against_the_goal_and_the_streak() -> None:
    # Two weeks ago: three runs (goal missed). Last week: four runs (met). This week: two.
    for day in (0, 2, 4):
        record("first-steps", MONDAY_NOON_UTC - 2 * WEEK + day * DAY)
    for day in (0, 1, 3, 6):
        record("first-steps", MONDAY_NOON_UTC - WEEK + day * DAY)
    record("first-steps", MONDAY_NOON_UTC)
    record("pre-run", MONDAY_NOON_UTC + DAY)  # a warmup alone is not a run
    record("first-steps", MONDAY_NOON_UTC + DAY + 600)

    with TrainingLog.open() as log:
        stats = progress(log.sessions(), 4, weeks=3, now=NOW, tz=UTC)
    assert [w.start.isoformat() for w in stats.weeks] == ["2024-02-19", "2024-02-26",
                                                         "2024-03-04"]
    assert [(w.sessions, w.runs, w.met) for w in stats.weeks] == [
        (3, 3, False), (4, 4, True), (3, 2, False)]
    assert [w.run_seconds for w in stats.weeks] == pytest.approx(
        [3 * FIRST_STEPS_RUNNING, 4 * FIRST_STEPS_RUNNING, 2 * FIRST_STEPS_RUNNING])
    assert stats.this_week.runs == 2 and stats.runs_left == 2
    assert stats.streak == 1  # last week; this week joins only once it is met

    for hour in (2, 3):
        record("first-steps", MONDAY_NOON_UTC + 2 * DAY - hour * 3600)
    with TrainingLog.open() as log:
        stats = progress(log.sessions(), 4, weeks=3, now=NOW, tz=UTC)
    assert stats.this_week.met and stats.streak == 2 and stats.runs_left == 0


def test_stopped_runs_and_previews_do_not_count_but_running_time_does() -> None:
    record("first-steps", MONDAY_NOON_UTC, stop_after=5 * 60 + 60 + 90 + 30)  # 30 s into run 2
    record("first-steps", MONDAY_NOON_UTC + 3600, speed=10.0)  # a preview
    with TrainingLog.open() as log:
        rows = log.sessions()
        stats = progress(rows, 4, weeks=1, now=NOW, tz=UTC)
    assert {row.status for row in rows} == {"stopped", "completed"}
    assert stats.this_week.runs == 0 and stats.this_week.sessions == 1
    assert stats.this_week.run_seconds == pytest.approx(60 + 30)


def test_weeks_follow_local_time_and_start_on_monday() -> None:
    new_york_winter = timezone(timedelta(hours=-5))
    # Monday 03:00 UTC is still Sunday 22:00 in New York: last week there, this week in UTC.
    when = MONDAY_NOON_UTC - 9 * 3600
    record("first-steps", when)
    with TrainingLog.open() as log:
        rows = log.sessions()
    in_utc = progress(rows, 1, weeks=2, now=NOW, tz=UTC)
    in_new_york = progress(rows, 1, weeks=2, now=NOW.astimezone(new_york_winter),
                           tz=new_york_winter)
    assert [w.runs for w in in_utc.weeks] == [0, 1]
    assert [w.runs for w in in_new_york.weeks] == [1, 0]
    assert in_new_york.streak == 1 and in_utc.streak == 1
    assert week_start(datetime(2024, 3, 10).date()).isoformat() == "2024-03-04"  # a Sunday


def test_streak_counts_back_past_the_weeks_shown() -> None:
    for week in range(1, 6):
        record("first-steps", MONDAY_NOON_UTC - week * WEEK)
    with TrainingLog.open() as log:
        stats = progress(log.sessions(), 1, weeks=2, now=NOW, tz=UTC)
    assert len(stats.weeks) == 2 and stats.streak == 5


def test_completed_programme_sessions_in_completion_order() -> None:
    record("first-steps", MONDAY_NOON_UTC + DAY, programme=("build-to-30", "w1s2"))
    record("first-steps", MONDAY_NOON_UTC, programme=("build-to-30", "w1s1"))
    record("first-steps", MONDAY_NOON_UTC + 2 * DAY, programme=("build-to-30", "w1s3"),
           stop_after=60)
    record("first-steps", MONDAY_NOON_UTC + 3 * DAY, programme=("other", "w1s1"))
    record("first-steps", MONDAY_NOON_UTC + 4 * DAY, programme=("build-to-30", "w1s3"),
           speed=5.0)
    with TrainingLog.open() as log:
        done = log.completed_programme_sessions("build-to-30")
    assert [key for key, _ in done] == ["w1s1", "w1s2"]
    first_end = MONDAY_NOON_UTC + total_seconds(timeline("first-steps"))
    assert done[0][1].timestamp() == pytest.approx(first_end, abs=2)
    assert all(when.tzinfo is not None for _, when in done)
