"""History reads the weeks of a long log without a row per session.

The rule that says which sessions are runs is written twice, in Python (``RunRule.why_not``,
which also says why not) and in SQL (``RunRule.sql``, for the log to count runs): here the
two are checked against each other on every kind of session in a real log file. And the
history of a log of thousands of sessions makes a :class:`SessionRow` (the costly part of
reading them) only of the few sessions it lists: a count, not a time.
"""

from __future__ import annotations

import itertools
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from warmup_tui.common.weeks import day_start, week_of
from warmup_tui.log import TrainingLog, default_path
from warmup_tui.log.counting import RunRule
from warmup_tui.log.report import load_history
from warmup_tui.log.rows import SESSION_COLUMNS, SessionRow

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
from big_log import fill  # noqa: E402

# Every value that changes what the rule says, with those at its edges.
SPEEDS = (1.0, 10.0, 0.5)
STATUSES = ("completed", "stopped", "running")
NOTES = (None, "skipped")
SOURCES = ("app", "import", "manual")
PROGRAMME_SESSIONS = (None, "w1s1")
RUN_SECONDS = (0.0, 60.0, 299.9, 300.0, 300.1, 1800.0)
THRESHOLDS = (0.0, 60.0, 300.0, 301.0)


def every_kind_of_session(path: Path) -> None:
    TrainingLog.open(path).close()
    kinds = itertools.product(SPEEDS, STATUSES, NOTES, SOURCES, PROGRAMME_SESSIONS,
                              RUN_SECONDS)
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO sessions (routine_id, routine_name, started_at, updated_at,"
            " ended_at, planned_seconds, segments_total, status, speed, note, source,"
            " programme_session, run_seconds) VALUES ('r', 'r', ?, ?, ?, 600, 3, ?, ?, ?, ?,"
            " ?, ?)",
            [(1000.0 + n, 1000.0 + n, None if status == "running" else 1600.0 + n, status,
              speed, note, source, programme, run)
             for n, (speed, status, note, source, programme, run) in enumerate(kinds)])


def test_the_rule_in_sql_says_what_the_rule_in_python_says() -> None:
    every_kind_of_session(default_path())
    with TrainingLog.open() as log:
        rows = log.sessions()
        assert len(rows) == len(SPEEDS) * len(STATUSES) * len(NOTES) * len(SOURCES) * len(
            PROGRAMME_SESSIONS) * len(RUN_SECONDS)
        for threshold in THRESHOLDS:
            rule = RunRule(threshold)
            condition, args = rule.sql()
            in_sql = dict(log.conn.execute(f"SELECT id, {condition} FROM sessions", args))
            in_python = {row.id: int(rule.counts(row)) for row in rows}
            assert in_sql == in_python, threshold
            assert 0 < sum(in_python.values()) < len(rows)  # both answers are in the mix


def test_history_of_thousands_of_sessions_makes_rows_only_of_those_it_lists(
        monkeypatch: pytest.MonkeyPatch) -> None:
    fill(default_path(), 5_000, now=time.time())  # about fifteen weeks, every half hour
    made: list[int] = []
    make = SessionRow.__init__

    def counted_make(row: SessionRow, *args: Any, **kwargs: Any) -> None:
        made.append(1)
        make(row, *args, **kwargs)

    with TrainingLog.open() as log, log.reading():
        monkeypatch.setattr(SessionRow, "__init__", counted_make)
        history = load_history(4, 8, log=log, newest=20)
        monkeypatch.undo()
        every = [SessionRow(*row) for row in log.conn.execute(
            f"SELECT {', '.join(SESSION_COLUMNS)} FROM sessions"
            " ORDER BY started_at DESC, id DESC")]
    assert history.stats.streak >= 8  # the streak was counted beyond the weeks shown
    assert history.total > 2_000
    assert history.recent == every[:20]
    assert len(made) == 20


def test_history_can_list_more_sessions_than_sqlite_takes_parameters() -> None:
    fill(default_path(), 2_500, now=time.time())
    with TrainingLog.open() as log, log.reading():
        # as built by default before SQLite 3.32 (later builds allow 32,766 or more)
        log.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
        every = log.sessions()
        history = load_history(4, 52, log=log, newest=2_000)
    assert history.total == len(every) and history.recent == every[:2_000]


# Zones whose clocks change at a Monday's midnight. Tehran (2021-03-22, a Monday) went from
# 00:00 to 01:00: that midnight never was, and the week began at the change. The made-up
# zone falls back from 01:00 to 00:00 on Monday 2024-11-04: that midnight came twice, and
# the week began at the first.
MONDAY_MIDNIGHT_CHANGES = [("Asia/Tehran", date(2021, 3, 22)),
                           ("XST3XDT,M3.2.0/2,M11.1.1/1", date(2024, 11, 4))]


@pytest.mark.parametrize(("zone", "monday"), MONDAY_MIDNIGHT_CHANGES)
def test_a_week_read_begins_where_week_of_begins_it_across_a_clock_change(
        monkeypatch: pytest.MonkeyPatch, zone: str, monday: date) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        start = day_start(monday)
        assert week_of(start) == monday
        assert week_of(start - 1) == monday - timedelta(weeks=1)
    finally:
        monkeypatch.undo()
        time.tzset()
