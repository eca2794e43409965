"""A log of 100,000 sessions gives the same answers as a plain reading of every row.

``history``, ``program`` and ``today`` read such a log by index and in SQL (only the weeks
shown, a week's runs counted at a time for the streak, the latest completion of each
programme session); here each is checked against the simple rule applied in Python to all
the rows. How fast they are is measured in benchmarks/log_size.py, not here.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from warmup_tui.log import TrainingLog, default_path
from warmup_tui.log.checkins import sessions_with_checkins
from warmup_tui.log.counting import RunRule
from warmup_tui.log.history_json import session_json, week_json, write_history_json
from warmup_tui.log.report import load_history
from warmup_tui.log.rows import SessionRow
from warmup_tui.log.stats import counted_at, progress
from warmup_tui.log.store import _COLUMNS
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.progress import locate
from warmup_tui.runs.programme_resume import programme_timeline
from warmup_tui.runs.resume import pid_alive, stop_points

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
from big_log import fill  # noqa: E402

COUNT = 100_000


def warmup(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "warmup_tui", *args], capture_output=True,
                          text=True, cwd=REPO, env=os.environ.copy(), timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def warmup_json(*args: str) -> Any:
    return json.loads(warmup(*args, "--json"))


def every_row() -> list[SessionRow]:
    with sqlite3.connect(default_path()) as conn:
        return [SessionRow(*row) for row in conn.execute(
            f"SELECT {_COLUMNS} FROM sessions ORDER BY started_at DESC, id DESC")]


def reference_history(rows: list[SessionRow], goal: int, weeks: int) -> dict[str, Any]:
    stats = progress(rows, goal, weeks=weeks)
    window = datetime.combine(stats.weeks[0].start, datetime.min.time()).astimezone()
    shown = [row for row in rows if counted_at(row) >= window.timestamp()]
    where = stop_points(programme_timeline())
    return {"goal": stats.goal, "streak": stats.streak,
            "this_week": week_json(stats.this_week),
            "weeks": [week_json(week) for week in stats.weeks],
            "sessions": [{**session_json(row, pid_alive, RunRule(), where), "checkin": None}
                         for row in shown]}


def streamed_history(log: TrainingLog, goal: int, weeks: int) -> dict[str, Any]:
    """What ``warmup history --json`` writes, read back."""
    history = load_history(goal, weeks, log=log)
    out = io.StringIO()
    write_history_json(out, history, sessions_with_checkins(log, history.since), pid_alive,
                       stop_points(programme_timeline()))
    return json.loads(out.getvalue())


def reference_position(rows: list[SessionRow], programme_id: str) -> dict[str, Any]:
    completions = sorted(
        ((row.programme_session, datetime.fromtimestamp(row.ended_at).astimezone())
         for row in rows if row.programme_id == programme_id and row.status == "completed"
         and row.programme_session is not None and row.speed == 1
         and row.ended_at is not None), key=lambda item: item[1])
    now = datetime.now().astimezone()
    position = locate(resolve_programme(programme_id), completions, None, now)
    assert position.this_week > 0 and position.furthest is not None  # the case is real
    return {"next": position.next.key if position.next else None,
            "done": len(position.done), "this_week": position.this_week}


@pytest.fixture
def big_log(isolated_home: Path) -> list[SessionRow]:
    fill(default_path(), COUNT)
    rows = every_row()
    assert len(rows) == COUNT
    return rows


def test_history_over_a_big_log_matches_reading_every_row(
        big_log: list[SessionRow], isolated_home: Path) -> None:
    # goals met every week, most weeks (about 160 runs a week), and rarely
    for goal, weeks in ((4, 8), (4, 1), (150, 52), (165, 8), (185, 3)):
        with TrainingLog.open() as log:
            got = streamed_history(log, goal, weeks)
        assert got == reference_history(big_log, goal, weeks), (goal, weeks)
    assert load_history(4).stats.streak > 52  # the streak reaches back years, week by week

    config = isolated_home / ".config" / "warmup-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[training]\nweekly_goal = 14\n")
    assert warmup_json("history", "--weeks", "12") == reference_history(big_log, 14, 12)


def test_program_and_today_over_a_big_log_match_reading_every_row(
        big_log: list[SessionRow]) -> None:
    expected = reference_position(big_log, "build-to-30")
    shown = warmup_json("program")
    assert shown["next"]["key"] == expected["next"]
    assert shown["progress"]["done"] == expected["done"]
    assert shown["progress"]["this_week"] == expected["this_week"]

    warmup("today", "--plain", "--speed", "1000", "--mute")  # runs what it found was next
    with sqlite3.connect(default_path()) as conn:
        ran = conn.execute("SELECT programme_session FROM sessions WHERE id > ?"
                           " AND programme_id = 'build-to-30'", (COUNT,)).fetchall()
    assert ran == [(expected["next"],)]
