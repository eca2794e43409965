"""``warmup history`` over a long log holds what it prints at a time, not the log.

The JSON is written a session at a time, and the text and the screen keep only the newest
sessions they show. Here the document is checked byte for byte against the whole one built
from every row as before (``json.dumps(..., indent=2)`` of one dict), and the memory the
JSON writer takes (tracemalloc's peak, a count, not a time) against the log's size.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from datetime import date, datetime
from pathlib import Path

from log_support import record

from warmup_tui.common.weeks import week_of
from warmup_tui.log import TrainingLog, default_path
from warmup_tui.log.checkins import checkins_by_session, sessions_with_checkins
from warmup_tui.log.counting import RunRule
from warmup_tui.log.history_json import session_json, week_json, write_history_json
from warmup_tui.log.report import load_history
from warmup_tui.log.rows import SessionRow
from warmup_tui.log.stats import WeekStats, counted_at, progress
from warmup_tui.log.store import _COLUMNS
from warmup_tui.runs.programme_resume import programme_timeline
from warmup_tui.runs.resume import pid_alive, stop_points

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
from big_log import fill  # noqa: E402

# Notes a runner could type, and some a hostile file could hold: quotes, a newline (JSON
# escapes it, so the writer's newlines stay its own), a tab, ESC, non-ASCII, an emoji.
NOTES = ['hill "repeats"', "two\nlines", "tab\there", "\x1b[2J", "Lauf am Fluss, 5 °C", "🏃",
         "back\\slash", ""]


def every_row(path: Path) -> list[SessionRow]:
    with sqlite3.connect(path) as conn:
        return [SessionRow(*row) for row in conn.execute(
            f"SELECT {_COLUMNS} FROM sessions ORDER BY started_at DESC, id DESC")]


def add_checkins(path: Path, every: int) -> None:
    """A check-in on every ``every``-th session and on the newest few, with all its fields."""
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT MAX(id) FROM sessions").fetchone()[0]
        conn.executemany(
            "INSERT INTO checkins (session_id, calves, morning, effort, hills, red_flag, note,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
            [(n, n % 11, None if n % 3 else n % 7, (None, "chat", "words", "none")[n % 4],
              n % 2, int(n % 5 == 0), NOTES[n % len(NOTES)])
             for n in range(1, count + 1) if n % every == 0 or n > count - 8])


def week_of_rows(rows: list[SessionRow], monday: date, goal: int) -> WeekStats:
    """A week's figures as history worked them out before: from a list of its rows."""
    listed = [row for row in rows if not row.is_preview and week_of(counted_at(row)) == monday]
    return WeekStats(monday, len(listed), sum(1 for row in listed if RunRule().counts(row)),
                     sum(row.run_seconds for row in listed), goal)


def whole_document(rows: list[SessionRow], path: Path, goal: int, weeks: int) -> str:
    """The JSON as history built it before: every row read, one dict, one dumps."""
    stats = progress(rows, goal, weeks=weeks)  # for the streak and which weeks
    shown_weeks = [week_of_rows(rows, week.start, goal) for week in stats.weeks]
    window = datetime.combine(stats.weeks[0].start, datetime.min.time()).astimezone()
    shown = [row for row in rows if counted_at(row) >= window.timestamp()]
    with TrainingLog.open(path) as log:
        found = checkins_by_session(log, [row.id for row in shown])
    where = stop_points(programme_timeline())
    document = {
        "goal": stats.goal, "streak": stats.streak, "this_week": week_json(shown_weeks[-1]),
        "weeks": [week_json(week) for week in shown_weeks],
        "sessions": [{**session_json(row, pid_alive, RunRule(), where),
                      "checkin": found.get(row.id)} for row in shown]}
    return json.dumps(document, indent=2) + "\n"


def warmup(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "warmup_tui", *args], capture_output=True,
                          text=True, cwd=REPO, env=os.environ.copy(), timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_history_json_is_the_same_document_as_built_whole() -> None:
    fill(default_path(), 3_000, now=time.time())  # about two months, every half hour
    add_checkins(default_path(), every=7)
    rows = every_row(default_path())
    for weeks in (1, 8, 520):
        assert warmup("history", "--json", "--weeks", str(weeks)) == whole_document(
            rows, default_path(), 4, weeks), weeks


def test_history_json_of_an_empty_log_is_the_same_document() -> None:
    TrainingLog.open().close()
    assert warmup("history", "--json") == whole_document([], default_path(), 4, 8)


def test_history_text_keeps_the_newest_and_counts_the_rest() -> None:
    fill(default_path(), 3_000, now=time.time())
    add_checkins(default_path(), every=7)
    rows = every_row(default_path())
    lines = warmup("history", "--weeks", "520").splitlines()
    listed = lines[lines.index("Recent sessions") + 1:]
    assert len(listed) == 21
    assert listed[-1] == f"  ... and {len(rows) - 20} earlier (--json lists them all)"
    newest_with_calves = [row.id for row in rows if row.id % 7 == 0 or row.id > 3_000 - 8]
    scores = " → ".join(str(n % 11) for n in reversed(newest_with_calves[:6]))
    assert f"Check-ins, last runs: calves {scores} (out of 10" in "\n".join(lines)
    with TrainingLog.open() as log:
        history = load_history(4, 520, log=log, newest=20)
    assert history.recent == rows[:20] and history.total == len(rows)


class Discard(io.TextIOBase):
    """Output that keeps nothing, so the writer's own memory is what is measured."""

    def __init__(self) -> None:
        self.written = 0

    def write(self, text: str) -> int:
        self.written += len(text)
        return len(text)


def json_writer_peak(path: Path, sessions: int) -> tuple[int, int]:
    """tracemalloc's peak while history reads a log of ``sessions`` and writes its JSON,
    with the characters written."""
    fill(path, sessions, now=time.time())
    add_checkins(path, every=3)
    out = Discard()
    with TrainingLog.open(path) as log:
        tracemalloc.start()
        try:
            history = load_history(4, 520, log=log)
            write_history_json(out, history, sessions_with_checkins(log, history.since),
                               pid_alive, stop_points(programme_timeline()))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return peak, out.written


def test_json_writer_memory_does_not_grow_with_the_log(tmp_path: Path) -> None:
    small_peak, small_written = json_writer_peak(tmp_path / "small.sqlite3", 2_000)
    big_peak, big_written = json_writer_peak(tmp_path / "big.sqlite3", 20_000)
    assert big_written > 9 * small_written  # ten times the sessions, all of them written
    # Holding the sessions would take ten times the memory; writing them as they come
    # takes about the same (the 520 weeks and the programme's timelines are the floor).
    assert big_peak < 1.5 * small_peak, (small_peak, big_peak)


def test_the_weeks_and_the_sessions_are_read_from_one_moment_of_the_log() -> None:
    fill(default_path(), 50, now=time.time() - 3 * 3600)
    with TrainingLog.open() as log, log.reading():
        history = load_history(4, 1, log=log)
        record("first-steps", time.time() - 3600)  # another process writes meanwhile
        listed = list(sessions_with_checkins(log, history.since))
    assert len(listed) == history.total == sum(week.sessions for week in history.stats.weeks
                                               ) + sum(row.is_preview for row, _ in listed)
    with TrainingLog.open() as log:
        assert load_history(4, 1, log=log).total == history.total + 1  # it went in
