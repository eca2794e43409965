"""A day after a sore run, from the check-ins: each limit on both sides, how long a sore
run counts, only the latest run, the rules' other signs and red flags."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from warmup_tui.coaching.checkin import CheckIn
from warmup_tui.coaching.sore_run import SORE_FOR_DAYS, sore_run
from warmup_tui.common.config import CoachingSettings

DEFAULTS = CoachingSettings()  # progress_up_to 2, morning_up_to 2
TUESDAY = date(2026, 11, 17)


def run(day: date, calves: int, morning: int | None = None, **more: object) -> CheckIn:
    return CheckIn(datetime.combine(day, datetime.min.time()).replace(hour=7),
                   calves, morning, **more)  # type: ignore[arg-type]


def sore_after(*runs: CheckIn, today: date = TUESDAY + timedelta(days=1),
               settings: CoachingSettings = DEFAULTS) -> CheckIn | None:
    return sore_run(runs, settings, today)


def test_no_check_ins_is_no_sore_run() -> None:
    assert sore_after() is None


@pytest.mark.parametrize(("calves", "sore"), [(0, False), (2, False), (3, True), (6, True)])
def test_calves_during_the_run_above_the_easy_level(calves: int, sore: bool) -> None:
    latest = run(TUESDAY, calves)
    assert sore_after(latest) == (latest if sore else None)


@pytest.mark.parametrize(("morning", "sore"), [(None, False), (2, False), (3, True)])
def test_calves_the_next_morning_above_settled(morning: int | None, sore: bool) -> None:
    latest = run(TUESDAY, 1, morning)
    assert sore_after(latest) == (latest if sore else None)


def test_the_easy_level_is_the_runners_setting() -> None:
    latest = run(TUESDAY, 4)
    assert sore_after(latest, settings=CoachingSettings(progress_up_to=4)) is None
    assert sore_after(latest, settings=CoachingSettings(progress_up_to=3)) == latest


@pytest.mark.parametrize(("days_after", "sore"),
                         [(-1, False), (0, True), (1, True), (SORE_FOR_DAYS, True),
                          (SORE_FOR_DAYS + 1, False)])
def test_a_sore_run_counts_for_a_few_days(days_after: int, sore: bool) -> None:
    latest = run(TUESDAY, 6)
    found = sore_after(latest, today=TUESDAY + timedelta(days=days_after))
    assert found == (latest if sore else None)


def test_only_the_latest_run_counts_in_any_order() -> None:
    sore, easy = run(TUESDAY, 7), run(TUESDAY + timedelta(days=1), 1, 0)
    assert sore_after(easy, sore, today=TUESDAY + timedelta(days=2)) is None
    assert sore_after(sore, today=TUESDAY + timedelta(days=2)) == sore


def test_a_red_flag_counts_whatever_the_score() -> None:
    latest = run(TUESDAY, 0, red_flag=True)
    assert sore_after(latest) == latest


def test_a_morning_worse_than_the_week_before_counts_though_settled() -> None:
    week_before = run(TUESDAY - timedelta(days=7), 1, 1)
    latest = run(TUESDAY, 1, 2)
    assert sore_after(latest) is None  # alone, 2/10 the next morning is settled
    assert sore_after(week_before, latest) == latest
