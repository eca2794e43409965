"""A programme session's title, the same in the calendar, the text export and the FIT
workout: "Week 2, session 3: run 90 s / walk 2 min × 6"."""

from __future__ import annotations

from warmup_tui.common.durations import describe_duration
from warmup_tui.programme.model import ProgrammeSession


def event_title(session: ProgrammeSession) -> str:
    """"Week 2, session 3: run 90 s / walk 2 min × 6"."""
    return f"Week {session.week}, session {session.number}: {session_outline(session)}"


def session_outline(session: ProgrammeSession) -> str:
    block = session.block
    if block is None:
        return ", ".join(f"{part.kind} {short_duration(part.seconds)}"
                         for part in session.intervals)
    run = f"run {short_duration(block.run)}"
    walk = f" / walk {short_duration(block.walk)}" if block.walk > 0 else ""
    times = f" × {block.repeats}" if block.repeats > 1 else ""
    return f"{run}{walk}{times}"


def short_duration(seconds: float) -> str:
    """"90 s" under two minutes, "2 min", "2 min 30 s"."""
    if seconds < 120 and seconds % 60:
        return f"{seconds:g} s"
    return describe_duration(seconds)
