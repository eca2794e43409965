"""Helpers for the training-log tests: real routines, a real Session, a FakeClock."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from warmup_tui.clock import FakeClock
from warmup_tui.events import Event, EventSink
from warmup_tui.library import Library
from warmup_tui.session import Session
from warmup_tui.timeline import Segment, build_timeline

# 2024-03-04 was a Monday; sessions in the tests happen in the weeks around it.
MONDAY_NOON_UTC = 1_709_553_600.0


def timeline(routine_id: str) -> list[Segment]:
    entry = Library().resolve(routine_id)
    assert entry.routine is not None
    return build_timeline(entry.routine)


def wall_of(clock: FakeClock, origin: float = MONDAY_NOON_UTC) -> Callable[[], float]:
    """Wall time that moves with the fake clock, starting at ``origin``."""
    start = clock.now()
    return lambda: origin + (clock.now() - start)


def deliver(events: Iterable[Event], *sinks: EventSink) -> None:
    for event in events:
        for sink in sinks:
            sink.handle(event)


def run_for(session: Session, clock: FakeClock, seconds: float, *sinks: EventSink,
            step: float = 1.0) -> None:
    """Advance the clock in small steps, polling like a front end does."""
    left = seconds
    while left > 1e-9 and session.state != "finished":
        move = min(step, left)
        clock.advance(move)
        left -= move
        deliver(session.poll(), *sinks)


def run_to_end(session: Session, clock: FakeClock, *sinks: EventSink) -> None:
    while session.state != "finished":
        clock.advance(max(session.wake_in() or 1.0, 0.001))
        deliver(session.poll(), *sinks)
