"""The rest of a programme as iCalendar events (the ``icalendar`` library), one per
session left, on the runner's chosen days.

Each event's UID names the programme and the session, never the date, so importing a new
export again moves the events that are there instead of adding copies; its SEQUENCE grows
with the time of the export, which calendars take as "this is the newer version".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from warmup_tui.common.durations import describe_duration
from warmup_tui.export.session_title import event_title
from warmup_tui.export.training_days import run_dates
from warmup_tui.programme.model import Programme, ProgrammeSession

PRODUCT = "-//warmup-tui//programme export//EN"
_UNSAFE_IN_UID = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Schedule:
    """When the runs go: from ``start`` on, on ``days`` (Monday is 0), at ``at``."""

    start: date
    days: tuple[int, ...]
    at: time


def programme_calendar(programme: Programme, sessions: Sequence[ProgrammeSession],
                       schedule: Schedule, now: datetime) -> bytes:
    """An iCalendar file of ``sessions`` laid out on ``schedule``; ``now`` stamps it."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", programme.name)
    dates = run_dates(schedule.start, schedule.days, len(sessions))
    for session, day in zip(sessions, dates, strict=True):
        calendar.add_component(_event(programme, session, datetime.combine(day, schedule.at),
                                      now))
    data: bytes = calendar.to_ical()
    return data


def _event(programme: Programme, session: ProgrammeSession, start: datetime,
           now: datetime) -> Event:
    event = Event()
    event.add("uid", session_uid(programme, session))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("last-modified", now.astimezone(UTC))
    event.add("sequence", int(now.timestamp()) // 60)
    event.add("summary", event_title(session))
    event.add("dtstart", start)  # local time wherever the runner is: no time zone
    event.add("dtend", start + timedelta(seconds=session.total_seconds()))
    event.add("description", _description(programme, session))
    event.add("categories", ["Running"])
    return event


def session_uid(programme: Programme, session: ProgrammeSession) -> str:
    """The same for a session however often it is exported: "build-to-30-w2s3@warmup-tui"."""
    return f"{_UNSAFE_IN_UID.sub('-', programme.id)}-{session.key}@warmup-tui"


def _description(programme: Programme, session: ProgrammeSession) -> str:
    lines = []
    note = programme.weeks[session.week - 1].note
    if note:
        lines.append(note)
    walks = []
    if session.warmup:
        walks.append(f"Start with a {describe_duration(session.warmup)} brisk walk")
    if session.cooldown:
        walks.append(f"finish with a {describe_duration(session.cooldown)} easy walk")
    if walks:
        lines.append(", and ".join(walks) + ".")
    lines.append(f"{describe_duration(session.total_seconds())} in all. "
                 f"{programme.name}, {session.title}.")
    return "\n".join(lines)
