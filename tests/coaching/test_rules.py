"""The pain-monitoring rules over check-in histories: every limit on both sides, missing
mornings, rising scores, a week with no runs, red flags, rest days before easing back."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmup_tui.coaching.checkin import CheckIn
from warmup_tui.coaching.rules import Advice, advise
from warmup_tui.common.config import CoachingSettings

DEFAULTS = CoachingSettings()
TUESDAY = date(2026, 11, 17)  # a week runs Monday 16 to Sunday 22 November 2026


def run(day: date, calves: int, morning: int | None = None, **more: object) -> CheckIn:
    return CheckIn(datetime.combine(day, datetime.min.time()).replace(hour=7),
                   calves, morning, **more)  # type: ignore[arg-type]


def days(n: int) -> timedelta:
    return timedelta(days=n)


FRIDAY = TUESDAY + timedelta(days=3)


def advice_after(*runs: CheckIn, today: date = FRIDAY,
                 settings: CoachingSettings = DEFAULTS, week: int | None = 3) -> Advice:
    return advise(runs, settings, today, week=week)


def test_no_check_ins_yet_goes_on_with_the_plan() -> None:
    assert advise([], DEFAULTS, TUESDAY) == Advice(
        "progress", "Go on with the plan: no check-ins yet.", ())


@pytest.mark.parametrize(("calves", "morning", "action"), [
    (0, 0, "progress"), (2, 2, "progress"),       # up to 2 during, settled: go on
    (3, 0, "hold"), (5, 2, "hold"),               # 3 to 5, settled: hold
    (6, 0, "back"), (10, 0, "back"),              # above 5 during: ease back
    (2, 3, "back"), (5, 3, "back"),               # still above 2 the next morning: ease back
])
def test_each_limit_on_both_sides(calves: int, morning: int, action: str) -> None:
    assert advice_after(run(TUESDAY, calves, morning)).action == action


def test_the_reason_names_the_scores_the_day_and_the_week() -> None:
    hold = advice_after(run(TUESDAY, 4, 1))
    assert hold.reason == "Hold week 3: calves 4/10 on Tuesday, still 1/10 the next morning."
    assert hold.based_on == (run(TUESDAY, 4, 1),)
    back = advice_after(run(TUESDAY, 6, 3))
    assert back.reason == ("Ease back to week 2: calves 6/10 on Tuesday, still 3/10 the next "
                           "morning.")
    go = advice_after(run(TUESDAY, 1, 0), week=None)
    assert go.reason == "Go on with the plan: calves 1/10 on Tuesday, 0/10 the next morning."


def test_easing_back_from_week_1_starts_it_again_and_without_a_week_says_a_week() -> None:
    assert advice_after(run(TUESDAY, 7, 0), week=1).reason.startswith("Start week 1 again: ")
    assert advice_after(run(TUESDAY, 7, 0), week=None).reason.startswith("Ease back a week: ")


def test_the_limits_are_the_settings() -> None:
    strict = CoachingSettings(progress_up_to=0, hold_up_to=3, morning_up_to=0)
    assert advice_after(run(TUESDAY, 1, 0), settings=strict).action == "hold"
    assert advice_after(run(TUESDAY, 4, 0), settings=strict).action == "back"
    assert advice_after(run(TUESDAY, 1, 1), settings=strict).action == "back"
    lenient = CoachingSettings(progress_up_to=4, hold_up_to=6)
    assert advice_after(run(TUESDAY, 4, 0), settings=lenient).action == "progress"
    assert advice_after(run(TUESDAY, 6, 0), settings=lenient).action == "hold"


def test_a_progress_limit_above_the_hold_limit_never_lets_more_pain_progress() -> None:
    muddled = CoachingSettings(progress_up_to=8, hold_up_to=3)
    assert advice_after(run(TUESDAY, 3, 0), settings=muddled).action == "progress"
    assert advice_after(run(TUESDAY, 4, 0), settings=muddled).action == "back"


def test_a_missing_morning_counts_as_settled_and_the_reason_says_it_is_missing() -> None:
    fine = advice_after(run(TUESDAY, 2), today=TUESDAY)
    assert fine.action == "progress"
    assert fine.reason == "Go on with the plan: calves 2/10 today, no morning score yet."
    skipped = advice_after(run(TUESDAY, 4), today=TUESDAY + days(3))
    assert skipped.action == "hold"
    assert skipped.reason.endswith("calves 4/10 on Tuesday, no morning score given.")
    assert advice_after(run(TUESDAY, 6), today=TUESDAY + days(3)).action == "back"


def test_only_the_latest_run_decides_whatever_the_order_given() -> None:
    sore, fine = run(TUESDAY - days(2), 7, 4), run(TUESDAY, 1, 0)
    assert advice_after(fine, sore).action == "progress"
    assert advice_after(sore, fine).based_on == (fine,)


def test_rest_days_come_first_counted_from_the_run_then_a_week_back() -> None:
    sore = run(TUESDAY, 6, 3)
    on_the_day = advice_after(sore, today=TUESDAY)
    assert on_the_day.action == "rest"
    assert on_the_day.reason == ("Rest until Thursday, then ease back to week 2: calves "
                                 "6/10 today, still 3/10 the next morning.")
    next_morning = advice_after(sore, today=TUESDAY + days(1))
    assert next_morning.reason.startswith("Rest today and tomorrow, then ease back to week 2: ")
    assert advice_after(sore, today=TUESDAY + days(2)).reason.startswith("Rest today, then ")
    assert advice_after(sore, today=TUESDAY + days(3)).action == "back"
    no_rest = CoachingSettings(rest_days=0)
    assert advice_after(sore, today=TUESDAY, settings=no_rest).action == "back"


def test_a_morning_worse_than_every_morning_the_week_before_eases_back() -> None:
    week_before = [run(TUESDAY - days(7), 1, 0), run(TUESDAY - days(5), 2, 1)]
    worse = run(TUESDAY, 2, 2)  # within both limits, but up on last week
    advice = advice_after(*week_before, worse)
    assert advice.action == "back"
    assert advice.reason == ("Ease back to week 2: calves 2/10 the morning after your run "
                             "on Tuesday, up from 1/10 at most the week before.")
    assert advice.based_on == (*week_before, worse)


def test_a_morning_no_worse_than_the_week_before_or_within_the_noise_is_fine() -> None:
    same = [run(TUESDAY - days(7), 1, 2), run(TUESDAY, 2, 2)]
    assert advice_after(*same).action == "progress"
    zero_to_one = [run(TUESDAY - days(7), 1, 0), run(TUESDAY, 2, 1)]
    assert advice_after(*zero_to_one).action == "progress"


def test_mornings_compare_with_the_calendar_week_before_only() -> None:
    # Sunday 8 November is two weeks before; this week's earlier mornings do not count.
    two_weeks_ago = run(date(2026, 11, 8), 1, 0)
    this_week = run(TUESDAY - days(1), 1, 0)
    assert advice_after(two_weeks_ago, this_week, run(TUESDAY, 2, 2)).action == "progress"
    sunday_before = run(date(2026, 11, 15), 1, 0)
    assert advice_after(sunday_before, run(TUESDAY, 2, 2)).action == "back"


def test_scores_rising_over_three_runs_ease_back() -> None:
    rising = [run(TUESDAY - days(4), 1, 0), run(TUESDAY - days(2), 2, 0), run(TUESDAY, 3, 0)]
    advice = advice_after(*rising)
    assert advice.action == "back"
    assert advice.reason == ("Ease back to week 2: calves rising over your last 3 runs: "
                             "1/10, 2/10, then 3/10 on Tuesday.")
    assert advice.based_on == tuple(rising)


@pytest.mark.parametrize("scores", [
    (0, 1, 2),        # rising, but never above the easy level
    (2, 2, 3),        # not rising at every run
    (3, 2, 3),
    (1, 3),           # only two runs
])
def test_scores_that_do_not_rise_over_three_runs_to_above_easy_do_not(
        scores: tuple[int, ...]) -> None:
    runs = [run(TUESDAY - days(2 * (len(scores) - 1 - i)), score, 0)
            for i, score in enumerate(scores)]
    assert advice_after(*runs).action in ("progress", "hold")


def test_how_many_rising_runs_count_is_a_setting() -> None:
    runs = [run(TUESDAY - days(2), 2, 0), run(TUESDAY, 3, 0)]
    assert advice_after(*runs, settings=CoachingSettings(rising_runs=2)).action == "back"


def test_a_week_with_no_runs_holds_the_level() -> None:
    fine = run(TUESDAY, 1, 0)
    assert advice_after(fine, today=TUESDAY + days(7)).action == "progress"
    week_off = advice_after(fine, today=TUESDAY + days(8))
    assert week_off.action == "hold"
    assert week_off.reason == ("Hold week 3: no runs since 17 Nov; repeat it before "
                               "moving on.")


def test_a_week_off_after_a_sore_run_still_eases_back() -> None:
    assert advice_after(run(TUESDAY, 7, 4), today=TUESDAY + days(10)).action == "back"


def test_a_red_flag_says_stop_and_see_someone_whatever_the_scores() -> None:
    flagged = run(TUESDAY, 1, 0, red_flag=True)
    advice = advice_after(run(TUESDAY - days(2), 0, 0), flagged)
    assert advice.action == "see-someone"
    assert advice.reason == (
        "Stop running and see a doctor or physiotherapist: on Tuesday you noted pain that "
        "changed how you ran, swelling or a sudden sharp pain. This app cannot tell what it is.")
    assert advice.based_on == (flagged,)
    assert advice_after(flagged, today=TUESDAY + days(30)).action == "see-someone"


def test_a_later_run_without_a_red_flag_goes_back_to_the_scores() -> None:
    flagged = run(TUESDAY - days(14), 7, 5, red_flag=True)
    assert advice_after(flagged, run(TUESDAY, 1, 0)).action == "progress"


def test_scores_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError, match="calves must be 0 to 10, got 11"):
        run(TUESDAY, 11)
    with pytest.raises(ValueError, match="morning must be 0 to 10, got -1"):
        run(TUESDAY, 1, -1)
    with pytest.raises(ValueError, match="effort must be one of chat, words, none"):
        run(TUESDAY, 1, effort="fast")


scores = st.integers(0, 10)
histories = st.lists(st.tuples(st.integers(0, 20), scores, st.none() | scores,
                               st.booleans()), max_size=8)


@given(histories, st.integers(0, 30))
def test_more_pain_in_the_latest_run_never_gives_gentler_advice(
        past: list[tuple[int, int, int | None, bool]], days_since: int) -> None:
    """Raising the latest run's scores can only move the advice toward caution."""
    caution = {"progress": 0, "hold": 1, "back": 2, "rest": 2, "see-someone": 3}
    earlier = [run(TUESDAY - days(1 + ago), calves, morning, red_flag=flag)
               for ago, calves, morning, flag in past]
    today = TUESDAY + days(days_since)
    for calves in range(10):
        for morning in (None, *range(10)):
            milder = advice_after(*earlier, run(TUESDAY, calves, morning), today=today)
            worse = advice_after(*earlier, run(TUESDAY, calves + 1, morning), today=today)
            assert caution[worse.action] >= caution[milder.action]
            assert milder.reason and milder.based_on


@given(histories, st.integers(0, 30))
def test_every_advice_rests_on_check_ins_given_and_names_a_score_or_the_gap(
        past: list[tuple[int, int, int | None, bool]], days_since: int) -> None:
    history = [run(TUESDAY - days(ago), calves, morning, red_flag=flag)
               for ago, calves, morning, flag in past]
    advice = advise(history, DEFAULTS, TUESDAY + days(days_since), week=3)
    assert set(advice.based_on) <= set(history)
    assert advice.reason.endswith(".")
    if history:
        assert "/10" in advice.reason or "no runs since" in advice.reason or (
            advice.action == "see-someone")
