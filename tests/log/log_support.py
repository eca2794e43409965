"""Helpers for the training-log tests: real routines, a real Session, a FakeClock."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.events import Event, EventSink
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment, build_timeline
from warmup_tui.log import LogRecorder, TrainingLog
from warmup_tui.log.db import default_path, migrate
from warmup_tui.routines.library import Library

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


def start_recorded(routine_id: str, notices: list[str],
                   **options: Any) -> tuple[Session, FakeClock, LogRecorder]:
    """A real session of ``routine_id`` on a fake clock, started through a recorder that
    tells ``notices`` what it has to say; ``options`` go to the recorder."""
    segments = timeline(routine_id)
    clock = FakeClock()
    recorder = LogRecorder(routine_id, segments, wall=wall_of(clock), on_notice=notices.append,
                           **options)
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    return session, clock, recorder


def run_to_end(session: Session, clock: FakeClock, *sinks: EventSink) -> None:
    while session.state != "finished":
        clock.advance(max(session.wake_in() or 1.0, 0.001))
        deliver(session.poll(), *sinks)


def record(routine_id: str, when: float, *, stop_after: float | None = None,
           speed: float = 1.0, programme: tuple[str, str] | None = None,
           log: TrainingLog | None = None) -> LogRecorder:
    """Run a real session of ``routine_id`` started at Unix time ``when``, through the
    recorder; stopped after ``stop_after`` seconds when given, else run to the end."""
    segments = timeline(routine_id)
    clock = FakeClock()
    recorder = LogRecorder(routine_id, segments, wall=wall_of(clock, when), speed=speed,
                           programme_id=programme[0] if programme else None,
                           programme_session=programme[1] if programme else None, log=log)
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    if stop_after is None:
        run_to_end(session, clock, recorder)
    else:
        run_for(session, clock, stop_after, recorder, step=5.0)
        deliver(session.stop(), recorder)
    assert recorder.wait_written(timeout=30)  # the writer thread has made every write
    return recorder


def older_log_with_one_session(version: int, routine_id: str, routine_name: str,
                               source: str | None = None) -> None:
    """The log at the default path as an older app left it: schema ``version`` and one
    completed session (``source``, a column since version 4, when given)."""
    path = default_path()
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=version)
    columns = ("routine_id, routine_name, started_at, updated_at, ended_at, planned_seconds,"
               " actual_seconds, run_seconds, segments_total, status, session_key")
    values: list[object] = [routine_id, routine_name, 100, 200, 200, 100, 100, 60, 3,
                            "completed", "abc"]
    if source is not None:
        columns += ", source"
        values.append(source)
    marks = ", ".join("?" * len(values))
    conn.execute(f"INSERT INTO sessions ({columns}) VALUES ({marks})", values)
    conn.close()
