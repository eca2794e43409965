"""Days in the words a coach would use: "today", "yesterday", "on Tuesday", "on 17 Nov"."""

from __future__ import annotations

from datetime import date, timedelta

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def on_day(day: date, today: date) -> str:
    """When something happened, as seen from today: a weekday name only within the last
    week, where it cannot be mistaken for another."""
    ago = (today - day).days
    if ago == 0:
        return "today"
    if ago == 1:
        return "yesterday"
    if 1 < ago < 7:
        return f"on {_WEEKDAYS[day.weekday()]}"
    return f"on {short_date(day)}"


def until_day(day: date, today: date) -> str:
    """How long a rest lasts, from today to ``day`` included: "today", "today and
    tomorrow", "until Thursday"."""
    ahead = (day - today).days
    if ahead <= 0:
        return "today"
    if ahead == 1:
        return "today and tomorrow"
    if ahead < 7:
        return f"until {_WEEKDAYS[day.weekday()]}"
    return f"until {short_date(day)}"


def coming_day(day: date, today: date) -> str:
    """A day ahead, as seen from today: "today", "tomorrow", "Friday", "3 Dec"."""
    ahead = (day - today).days
    if ahead <= 0:
        return "today"
    if ahead == 1:
        return "tomorrow"
    if ahead < 7:
        return _WEEKDAYS[day.weekday()]
    return short_date(day)


def short_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def week_start(day: date) -> date:
    """The Monday of ``day``'s week: weeks run Monday to Sunday, as in the training log."""
    return day - timedelta(days=day.weekday())
