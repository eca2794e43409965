"""A run typed in by the runner, as text from the command line or the "Add a run" form,
checked field by field into an :class:`OutsideRun`."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from warmup_tui.common.distance import DistanceError, parse_distance
from warmup_tui.common.value_text import quoted
from warmup_tui.log.outside import OutsideRun
from warmup_tui.runs.outside_runs import LONGEST_MINUTES, Refused, manual_run

_MINUTES = re.compile(r"[0-9]{1,4}(?:\.[0-9]{1,2})?")
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})")
MAX_NOTE = 200


class EntryError(Refused):
    """One field is wrong: ``field`` names it ("minutes", "date", ...)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def parse_minutes(text: str) -> float:
    if not _MINUTES.fullmatch(text.strip()):
        raise EntryError("minutes", f"expected minutes such as 30 or 22.5, got {quoted(text)}")
    minutes = float(text)
    if not 0 < minutes <= LONGEST_MINUTES:
        raise EntryError("minutes", f"expected more than 0 and up to {LONGEST_MINUTES} "
                         f"minutes, got {text.strip()}")
    return minutes


def parse_day(text: str, today: date) -> date:
    """YYYY-MM-DD, "today" or "yesterday"; never after ``today``."""
    word = text.strip().lower()
    if word in ("", "today"):
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    try:
        day = date.fromisoformat(word) if len(word) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise EntryError("date", f"expected a date such as {today.isoformat()}, or "
                         f"yesterday, got {quoted(text)}")
    if day > today:
        raise EntryError("date", f"{day.isoformat()} is in the future; log a run once it is run")
    if day.year < 1990:
        raise EntryError("date", f"{day.isoformat()} is too long ago")
    return day


def parse_clock(text: str) -> time:
    found = _TIME.fullmatch(text.strip())
    if found is None or int(found.group(1)) > 23 or int(found.group(2)) > 59:
        raise EntryError("time", f"expected a time of day such as 07:30, got {quoted(text)}")
    return time(int(found.group(1)), int(found.group(2)))


def run_entry(minutes: str, *, day: str = "", start: str = "", distance: str = "",
              note: str = "", now: datetime | None = None) -> OutsideRun:
    """The run the fields describe, or :class:`EntryError` for the first wrong field. With
    no start time, a run today ended just now, and one on another day started at noon."""
    now = now or datetime.now().astimezone()
    length = parse_minutes(minutes)
    on = parse_day(day, now.date())
    if start.strip():
        began = datetime.combine(on, parse_clock(start)).astimezone()
    elif on == now.date():
        began = now - timedelta(minutes=length)
    else:
        began = datetime.combine(on, time(12, 0)).astimezone()
    metres = None
    if distance.strip():
        try:
            metres = parse_distance(distance)
        except DistanceError as error:
            raise EntryError("distance", str(error)) from None
    if len(note) > MAX_NOTE:
        raise EntryError("note", f"a note of up to {MAX_NOTE} characters, please")
    try:
        return manual_run(length, began, distance_m=metres, note=note.strip(), now=now)
    except Refused as error:
        raise EntryError("time", str(error)) from None
