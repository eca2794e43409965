"""Check-ins in the log: how the calves felt during each run and the next morning, one row
per session (schema 5), read back as :class:`warmup_tui.coaching.checkin.CheckIn`.

A check-in is saved in parts, as the runner gives them: the summary's answers after the
run, the morning score the next day. Each save changes only the fields it is given.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from warmup_tui.coaching.answers import FIELDS, Answers
from warmup_tui.coaching.checkin import CheckIn
from warmup_tui.log.rows import SESSION_COLUMNS, SessionRow
from warmup_tui.log.store import TrainingLog


def save_answers(log: TrainingLog, session_id: int, answers: Answers, *,
                 morning_asked: bool = False) -> None:
    """Add ``answers`` to session ``session_id``'s check-in, making it if there is none.
    ``morning_asked`` marks the morning question as put, answered or skipped."""
    given = answers.given()
    if morning_asked or "morning" in given:
        given["morning_asked"] = 1
    given["updated_at"] = time.time()
    names = ", ".join(given)
    marks = ", ".join("?" for _ in given)
    updates = ", ".join(f"{name} = excluded.{name}" for name in given)
    with log.transaction():
        log.conn.execute(
            f"INSERT INTO checkins (session_id, {names}) VALUES (?, {marks})"
            f" ON CONFLICT (session_id) DO UPDATE SET {updates}",
            (session_id, *given.values()))


_SELECT = ("SELECT s.id, s.started_at, COALESCE(c.calves, 0), c.morning, c.effort, c.hills,"
           " c.red_flag, c.note FROM checkins c JOIN sessions s ON s.id = c.session_id")


def checkins(log: TrainingLog, *, since: float | None = None) -> list[CheckIn]:
    """Every check-in with a calf score during the run or a red flag, oldest run first
    (those with only a note or an effort say nothing about the calves, so the rules never
    see them; a red flag without a score is read as 0 during the run)."""
    sql = _SELECT + " WHERE (c.calves IS NOT NULL OR c.red_flag = 1) AND s.speed = 1"
    args: list[Any] = []
    if since is not None:
        sql += " AND s.started_at >= ?"
        args.append(since)
    return [_checkin(row) for row in log.conn.execute(sql + " ORDER BY s.started_at", args)]


def checkin_of(log: TrainingLog, session_id: int) -> CheckIn | None:
    """Session ``session_id``'s check-in, if it has one with a calf score."""
    row = log.conn.execute(_SELECT + " WHERE s.id = ? AND c.calves IS NOT NULL",
                           (session_id,)).fetchone()
    return _checkin(row) if row else None


def checkins_by_session(log: TrainingLog, session_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The stored check-in fields of each of ``session_ids`` that has a check-in."""
    if not session_ids:
        return {}
    marks = ", ".join("?" for _ in session_ids)
    rows = log.conn.execute(
        f"SELECT session_id, {', '.join(FIELDS)} FROM checkins"
        f" WHERE session_id IN ({marks})", session_ids)
    return {session_id: _fields(fields) for session_id, *fields in rows}


_SESSION_AND_CHECKIN = (
    ", ".join(f"s.{name}" for name in SESSION_COLUMNS) + ", c.session_id IS NOT NULL, "
    + ", ".join(f"c.{name}" for name in FIELDS))


def sessions_with_checkins(log: TrainingLog, since: float
                           ) -> Iterator[tuple[SessionRow, dict[str, Any] | None]]:
    """Each session counted from ``since`` on (as ``sessions_counted_since``, newest
    started first) with its check-in's fields, or None: read one at a time, so a log of
    years is never held whole."""
    for row in log.conn.execute(
            f"SELECT {_SESSION_AND_CHECKIN} FROM sessions s INDEXED BY sessions_counted"
            " LEFT JOIN checkins c ON c.session_id = s.id"
            f" WHERE COALESCE(s.ended_at, s.started_at) >= ?"
            " ORDER BY s.started_at DESC, s.id DESC", (since,)):
        width = len(SESSION_COLUMNS)
        found = _fields(row[width + 1:]) if row[width] else None
        yield SessionRow(*row[:width]), found


def calf_scores_since(log: TrainingLog, since: float, runs: int) -> list[int]:
    """The calf scores of the latest ``runs`` sessions counted from ``since`` on that have
    one, oldest first (the history's trend)."""
    rows = log.conn.execute(
        "SELECT c.calves FROM sessions s INDEXED BY sessions_counted"
        " JOIN checkins c ON c.session_id = s.id"
        " WHERE COALESCE(s.ended_at, s.started_at) >= ? AND c.calves IS NOT NULL"
        " ORDER BY s.started_at DESC, s.id DESC LIMIT ?", (since, runs))
    return [calves for (calves,) in rows][::-1]


def _fields(stored: Sequence[Any]) -> dict[str, Any]:
    calves, morning, effort, hills, red_flag, note = stored
    return {"calves": calves, "morning": morning, "effort": effort,
            "hills": bool(hills), "red_flag": bool(red_flag), "note": note}


def morning_question_for(log: TrainingLog, before: float) -> int | None:
    """The latest completed run started before ``before`` (the start of today) whose
    check-in has not had its morning question yet, if it is the latest run of all: the
    morning question is about the last run only, asked once."""
    row = log.conn.execute(
        "SELECT s.id, s.started_at, c.morning_asked FROM sessions s LEFT JOIN checkins c"
        " ON c.session_id = s.id WHERE s.status = 'completed' AND s.run_seconds > 0"
        " AND s.speed = 1 ORDER BY s.started_at DESC, s.id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    session_id, started_at, asked = row
    return None if asked or started_at >= before else int(session_id)


def session_id_for_key(log: TrainingLog, key: str) -> int | None:
    """The id of the app's session recorded under ``key`` (LogRecorder.key), once written."""
    row = log.conn.execute("SELECT id FROM sessions WHERE session_key = ?", (key,)).fetchone()
    return int(row[0]) if row else None


def latest_run_id(log: TrainingLog) -> int | None:
    """The most recent completed run (not a preview), to check in for."""
    row = log.conn.execute(
        "SELECT id FROM sessions WHERE status = 'completed' AND run_seconds > 0 AND speed = 1"
        " ORDER BY started_at DESC, id DESC LIMIT 1").fetchone()
    return int(row[0]) if row else None


def _checkin(row: tuple[Any, ...]) -> CheckIn:
    session_id, started_at, calves, morning, effort, hills, red_flag, note = row
    return CheckIn(when=datetime.fromtimestamp(started_at).astimezone(), calves=calves,
                   morning=morning, effort=effort, hills=bool(hills),
                   red_flag=bool(red_flag), note=note or "", session_id=session_id)
