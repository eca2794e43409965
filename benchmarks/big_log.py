"""Fills a training log with years of sessions, through the log's own schema, for the benchmark.

    XDG_DATA_HOME=/tmp/folder .venv/bin/python benchmarks/big_log.py 100000

Opens the log where the app would (``TrainingLog.open()`` in XDG_DATA_HOME, which creates and
migrates it), then inserts the sessions in one transaction with executemany: completed
sessions of the bundled routines, one every 50 minutes back from now, so every week shown
by ``warmup history`` and the home screen has runs in it. Segments are not filled in: the
history and the home screen read only the sessions table.
"""

from __future__ import annotations

import sys
import time

from warmup_tui.log import TrainingLog

ROUTINES = (  # (id, name, planned seconds, running seconds)
    ("pre-run", "Pre-run warmup", 260.0, 0.0),
    ("first-steps", "First steps", 1800.0, 480.0),
    ("easy-run-walk", "Easy run-walk", 2400.0, 1200.0),
    ("run-walk-30-30", "Run-walk 30/30", 2400.0, 900.0),
)
SPACING = 50 * 60.0  # seconds between session starts


def session_rows(count: int, now: float) -> list[tuple[object, ...]]:
    rows = []
    for k in range(count):
        routine_id, name, planned, running = ROUTINES[k % len(ROUTINES)]
        started = now - (k + 1) * SPACING
        rows.append((routine_id, name, started, started + planned, started + planned,
                     planned, planned, running, 10, 10, 9, "completed"))
    return rows


def fill(count: int) -> str:
    """Adds ``count`` sessions to the log in XDG_DATA_HOME; returns the log's path."""
    with TrainingLog.open() as log:
        conn = log.conn
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO sessions (routine_id, routine_name, started_at, updated_at, ended_at,"
            " planned_seconds, actual_seconds, run_seconds, segments_done, segments_total,"
            " last_index, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            session_rows(count, time.time()))
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the app finds one tidy file
        return str(log.path)


if __name__ == "__main__":
    print(fill(int(sys.argv[1])))
