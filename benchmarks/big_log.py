"""Fills a training log with years of made-up sessions, quickly, for the log-size benchmark
and the big-log tests.

    .venv/bin/python benchmarks/big_log.py PATH [COUNT]   # default 100000 sessions

Sessions come every few hours back from now, seeded so every build is the same mix: pre-run
warmups, programme runs (some stopped, some previews at --speed), free run-walks, and a
few left running by a process that is gone.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warmup_tui.log.store import TrainingLog

GAP_SECONDS = 30 * 60.0  # a session every half hour on average: 100,000 is about 6 years
PROGRAMME_KEYS = [f"w{week}s{n}" for week in range(1, 6) for n in range(1, 5)]  # then w6s1
_SESSION_SQL = (
    "INSERT INTO sessions (routine_id, routine_name, routine_path, programme_id,"
    " programme_session, started_at, updated_at, ended_at, planned_seconds, actual_seconds,"
    " run_seconds, segments_done, segments_total, last_index, last_step, last_side, status,"
    " pid, speed, resumed_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?)")
_SEGMENT_SQL = ("INSERT INTO segments (session_id, position, idx, step, kind, side,"
                " planned_seconds, actual_seconds, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


def session_rows(count: int, now: float, seed: int = 11) -> Iterator[tuple[Any, ...]]:
    """``count`` sessions, oldest first, the newest ending before ``now``."""
    rng = random.Random(seed)
    start = now - count * GAP_SECONDS
    for number in range(count):
        started = start + number * GAP_SECONDS + rng.uniform(0, GAP_SECONDS / 2)
        yield _session(rng, started, number == count - 1)


def _session(rng: random.Random, started: float, last: bool) -> tuple[Any, ...]:
    kind = rng.random()
    programme, key, routine = None, None, "pre-run"
    if kind < 0.45:
        programme, key, routine = "build-to-30", rng.choice(PROGRAMME_KEYS), "build-to-30"
    elif kind < 0.6:
        routine = "easy-run-walk"
    planned = 600.0 if routine == "pre-run" else 1800.0
    status = "completed" if rng.random() < 0.85 else "stopped"
    if rng.random() < 0.002 and not last:
        status = "running"
    actual = planned if status == "completed" else rng.uniform(0, planned)
    runs = routine != "pre-run"
    run_seconds = actual * 0.6 if runs else 0.0
    speed = 10.0 if rng.random() < 0.05 else 1.0
    ended = None if status == "running" else started + actual / speed
    return (routine, routine, None, programme, key, started, ended or started + 60, ended,
            planned, actual, run_seconds, 12 if status == "completed" else 5, 12, 4,
            "Run" if runs else "Glute bridge", None, status, 999_999_999, speed, None)


def fill(path: Path, count: int, *, now: float | None = None, segments: int = 0) -> None:
    """Add ``count`` sessions (and ``segments`` segment rows each) to the log at ``path``."""
    TrainingLog.open(path).close()  # created at the current schema
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        for row in session_rows(count, now or time.time()):
            session_id = conn.execute(_SESSION_SQL, row).lastrowid
            conn.executemany(_SEGMENT_SQL, [
                (session_id, n, n, "Run" if n % 2 else "Walk", "run" if n % 2 else "walk",
                 None, 60.0, 60.0, 0) for n in range(segments)])
        conn.execute("COMMIT")
    finally:
        conn.close()


if __name__ == "__main__":
    fill(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 100_000, segments=20)
