"""The cadence suggestion from the runner's own runs: no data, one run, the last five only,
eight weeks only, odd values left out, an odd run outvoted, rounding and the setting's range."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from warmup_tui.coaching.cadence import (
    RECENT_DAYS,
    CadenceSuggestion,
    suggest_cadence,
)

TODAY = date(2026, 11, 30)


def ran(days_ago: int, steps: int) -> tuple[datetime, int]:
    when = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time())
    return when.replace(hour=7), steps


def test_no_runs_with_a_cadence_suggest_nothing() -> None:
    assert suggest_cadence([], TODAY) is None


def test_one_run_is_enough_and_five_percent_is_added_then_rounded() -> None:
    assert suggest_cadence([ran(1, 158)], TODAY) == CadenceSuggestion(158, 166, 1)
    assert suggest_cadence([ran(1, 150)], TODAY) == CadenceSuggestion(150, 158, 1)  # 157.5
    assert suggest_cadence([ran(1, 170)], TODAY) == CadenceSuggestion(170, 179, 1)  # 178.5


def test_an_even_number_of_runs_rounds_the_middle_up() -> None:
    assert suggest_cadence([ran(1, 160), ran(2, 161)], TODAY) == CadenceSuggestion(161, 169, 2)


def test_the_median_of_the_last_five_runs_in_any_order() -> None:
    runs = [ran(2, 160), ran(1, 164), ran(4, 150), ran(3, 170), ran(5, 156),
            ran(6, 200), ran(7, 200)]  # the two oldest are past the last five
    assert suggest_cadence(runs, TODAY) == CadenceSuggestion(160, 168, 5)


def test_one_odd_run_is_outvoted() -> None:
    runs = [ran(1, 210), ran(2, 160), ran(3, 162)]
    assert suggest_cadence(runs, TODAY) == CadenceSuggestion(162, 170, 3)


@pytest.mark.parametrize(("steps", "kept"), [(119, False), (120, True), (230, True),
                                             (231, False), (84, False)])
def test_values_no_run_could_average_are_left_out(steps: int, kept: bool) -> None:
    found = suggest_cadence([ran(1, steps)], TODAY)
    assert (found is not None) == kept


@pytest.mark.parametrize(("days_ago", "kept"), [(0, True), (RECENT_DAYS, True),
                                                (RECENT_DAYS + 1, False), (-1, False)])
def test_only_the_last_eight_weeks_count(days_ago: int, kept: bool) -> None:
    assert (suggest_cadence([ran(days_ago, 160)], TODAY) is not None) == kept


def test_the_suggestion_stays_in_the_metronomes_range() -> None:
    assert suggest_cadence([ran(1, 215)], TODAY) == CadenceSuggestion(215, 220, 1)
