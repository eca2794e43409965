"""Which days of the week the programme's runs go on, and the dates that gives.

The rule: never three runs on three days in a row, counting across the weekend (Saturday,
Sunday, Monday are in a row too). With four runs a week, the most the rule allows, that
is two days in a row at most, which is what beginner plans ask for.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from warmup_tui.common.value_text import quoted

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Spread out as far as the rule allows for each number of runs a week.
DEFAULT_DAYS = {1: (5,), 2: (1, 5), 3: (0, 2, 4), 4: (0, 2, 4, 5)}
MOST_DAYS = 4


class BadDays(ValueError):
    """A ``--days`` value that names no day or breaks the rule; ``str()`` says which."""


def parse_days(text: str) -> tuple[int, ...]:
    """"mon,wed,fri,sat" as weekday numbers (Monday is 0), in week order."""
    days: set[int] = set()
    for word in (part.strip().lower() for part in text.split(",")):
        if word in DAY_NAMES:
            days.add(DAY_NAMES.index(word))
        elif word in _FULL_NAMES:
            days.add(_FULL_NAMES.index(word))
        else:
            raise BadDays(f"no day called {quoted(word)}; use {','.join(DAY_NAMES)}")
    chosen = tuple(sorted(days))
    check_days(chosen)
    return chosen


def check_days(days: tuple[int, ...]) -> None:
    """Refuse a choice that puts three runs on three days in a row."""
    for first in days:
        row = [(first + offset) % 7 for offset in range(3)]
        if all(day in days for day in row):
            named = ", ".join(DAY_NAMES[day] for day in row)
            raise BadDays(f"{named} are three days in a row; keep a rest day after two "
                          "runs (at most four runs a week, such as mon,wed,fri,sat)")


def default_days(sessions_per_week: int) -> tuple[int, ...]:
    return DEFAULT_DAYS[min(max(sessions_per_week, 1), MOST_DAYS)]


def run_dates(start: date, days: tuple[int, ...], count: int) -> Iterator[date]:
    """The first ``count`` dates from ``start`` on (``start`` included) that fall on
    ``days``."""
    day = start
    while count > 0:
        if day.weekday() in days:
            yield day
            count -= 1
        day += timedelta(days=1)
