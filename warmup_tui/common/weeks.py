"""The runner's calendar week: Monday to Sunday, in local time (or a given zone).

One rule for the training log's weekly goal and the programme's "this week".
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo


def local_time(timestamp: float, tz: tzinfo | None = None) -> datetime:
    """Unix time as local time (or in ``tz``), with the offset that applied that day."""
    return datetime.fromtimestamp(timestamp, tz) if tz else datetime.fromtimestamp(
        timestamp).astimezone()


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_of(moment: datetime | float, tz: tzinfo | None = None) -> date:
    """The Monday of the week holding ``moment`` (a datetime or Unix time), in ``tz``
    or, when None, local time; a naive datetime is taken as local time."""
    local = moment.astimezone(tz) if isinstance(moment, datetime) else local_time(moment, tz)
    return week_start(local.date())


def day_start(day: date) -> float:
    """The Unix time ``day`` starts, in local time: its midnight, the first of two when the
    clocks went back over it, or the change itself when they went forward over it (a
    midnight that never was, which Python places in the day before). So a week read from
    ``day_start(monday)`` begins just where :func:`week_of` begins it."""
    at = datetime.combine(day, time.min)
    return min((moment for moment in (at.astimezone().timestamp(),
                                      at.replace(fold=1).astimezone().timestamp())
                if datetime.fromtimestamp(moment).date() == day),
               default=at.astimezone().timestamp())
