"""Runs done outside the app, written into the log as completed sessions: one imported
from a watch's activity file, or one the runner logs by hand.

Such a run is a session like the app's own (completed, real time, its running time in
``run_seconds``), so the weekly goal and the programme count it by the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from warmup_tui.log.rows import Source
from warmup_tui.log.store import TrainingLog


@dataclass(frozen=True)
class OutsideRun:
    """A finished run from outside the app. Times are Unix seconds."""

    source: Source
    routine_id: str
    routine_name: str
    started_at: float
    elapsed_seconds: float
    running_seconds: float
    distance_m: float | None = None
    avg_heart_rate: int | None = None
    avg_cadence: int | None = None
    sport: str | None = None
    note: str | None = None
    external_key: str | None = None
    programme_id: str | None = None
    programme_session: str | None = None


class AlreadyLogged(Exception):
    """The run's external key is in the log already; ``session_id`` is the row it is in."""

    def __init__(self, session_id: int) -> None:
        super().__init__(f"already in the log (session {session_id})")
        self.session_id = session_id


def find_external(log: TrainingLog, key: str) -> int | None:
    """The id of the session imported with ``key``, if there is one."""
    row = log.conn.execute("SELECT id FROM sessions WHERE external_key = ?", (key,)).fetchone()
    return int(row[0]) if row else None


def add_outside_run(log: TrainingLog, run: OutsideRun) -> int:
    """Write ``run`` as one completed session, in one transaction; its id. Raises
    :class:`AlreadyLogged` when a session with its external key is there already (also
    one another process wrote a moment ago: the unique index decides)."""
    ended_at = run.started_at + run.elapsed_seconds
    with log.transaction():  # BEGIN IMMEDIATE: no other writer between look and insert
        if run.external_key is not None:
            found = find_external(log, run.external_key)
            if found is not None:
                raise AlreadyLogged(found)
        cursor = log.conn.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_at, updated_at,"
            " ended_at, planned_seconds, actual_seconds, run_seconds, segments_done,"
            " segments_total, status, programme_id, programme_session, source,"
            " distance_m, avg_heart_rate, avg_cadence, sport, note, external_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (run.routine_id, run.routine_name, run.started_at, ended_at, ended_at,
             run.running_seconds, run.running_seconds, run.running_seconds,
             run.programme_id, run.programme_session, run.source, run.distance_m,
             run.avg_heart_rate, run.avg_cadence, run.sport, run.note, run.external_key))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def run_cadences(log: TrainingLog, *, since: float) -> list[tuple[datetime, int]]:
    """(when, average steps a minute) of each run since ``since`` whose file told its
    cadence, oldest first; other sports count another thing (a bike's pedal turns)."""
    rows = log.conn.execute(
        "SELECT started_at, avg_cadence FROM sessions WHERE avg_cadence IS NOT NULL"
        " AND started_at >= ? AND (sport IS NULL OR sport = 'running') ORDER BY started_at",
        (since,))
    return [(datetime.fromtimestamp(started_at).astimezone(), int(steps))
            for started_at, steps in rows]
