"""``warmup history --json``: the history as one JSON document, written a session at a
time. A log of years holds as many sessions as the weeks asked for, so the document is
never built whole: what is held at once is one session, whatever the log's size."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TextIO

from warmup_tui.common.weeks import local_time
from warmup_tui.log.counting import RunRule
from warmup_tui.log.report import History, StopPoint
from warmup_tui.log.rows import SessionRow
from warmup_tui.log.stats import WeekStats


def write_history_json(out: TextIO, history: History,
                       sessions: Iterable[tuple[SessionRow, dict[str, Any] | None]],
                       alive: Callable[[int], bool], stop_point: StopPoint | None = None
                       ) -> None:
    """Write the document, then a newline: the weeks of ``history``, then ``sessions``
    (each with its check-in, newest first) as they come. Byte for byte what
    ``json.dumps(document, indent=2)`` would give. Its fields are listed in
    ``warmup history --help``."""
    stats = history.stats
    head = json.dumps({"goal": stats.goal, "streak": stats.streak,
                       "this_week": week_json(stats.this_week),
                       "weeks": [week_json(week) for week in stats.weeks]}, indent=2)
    out.write(head.removesuffix("\n}") + ',\n  "sessions": [')
    separator = _newline(2)
    for row, checkin in sessions:
        fields = session_json(row, alive, history.rule, stop_point)
        out.write(separator + _session_text(fields, checkin))
        separator = "," + _newline(2)
    out.write("]\n}\n" if separator == _newline(2) else "\n  ]\n}\n")


def _session_text(fields: dict[str, Any], checkin: dict[str, Any] | None) -> str:
    """One of "sessions", laid out as indent=2 lays it out two levels in."""
    checkin_text = "null" if checkin is None else _flat_object(checkin, 4)
    return (_flat_object(fields, 3).removesuffix(_newline(2) + "}")
            + f',{_newline(3)}"checkin": {checkin_text}{_newline(2)}}}')


def _flat_object(fields: dict[str, Any], depth: int) -> str:
    """A non-empty dict of plain values (no dicts or lists in it) as json.dumps(indent=2)
    writes it with its keys ``depth`` levels in. The C encoder, told to put a newline and
    the indent between items, does it several times faster than the indenting encoder
    (pure Python); a newline inside a string is always escaped, so the only ones are
    those between items."""
    return "{" + _newline(depth) + _encoder(depth)(fields)[1:-1] + _newline(depth - 1) + "}"


@cache
def _newline(depth: int) -> str:
    return "\n" + "  " * depth


@cache
def _encoder(depth: int) -> Callable[[Any], str]:
    return json.JSONEncoder(separators=("," + _newline(depth), ": ")).encode


def week_json(week: WeekStats) -> dict[str, Any]:
    return {"start": week.start.isoformat(), "sessions": week.sessions, "runs": week.runs,
            "run_seconds": round(week.run_seconds, 1), "met": week.met}


def _iso(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return local_time(timestamp).isoformat(timespec="seconds")


def session_json(row: SessionRow, alive: Callable[[int], bool], rule: RunRule,
                  stop_point: StopPoint | None) -> dict[str, Any]:
    status: str = row.status
    if status == "running":
        status = "running" if row.pid is not None and alive(row.pid) else "cut_off"
    elif row.skipped:
        status = "skipped"
    return {
        "id": row.id,
        "routine": row.routine_id,
        "routine_name": row.routine_name,
        "programme": row.programme_id,
        "programme_session": row.programme_session,
        "started_at": _iso(row.started_at),
        "ended_at": _iso(row.ended_at),
        "status": status,
        "planned_seconds": round(row.planned_seconds, 1),
        "actual_seconds": round(row.actual_seconds, 1),
        "run_seconds": round(row.run_seconds, 1),
        "segments_done": row.segments_done,
        "segments_total": row.segments_total,
        "last_step": row.last_step,
        "last_side": row.last_side,
        "stopped_at": stop_point(row) if stop_point is not None else None,
        "speed": row.speed,
        "counts_as_run": rule.counts(row),
        "counted": rule.counts(row),
        "why": rule.why_not(row),
        "resumed_from": row.resumed_from,
        "source": row.source,
        "distance_m": None if row.distance_m is None else round(row.distance_m, 1),
        "avg_heart_rate": row.avg_heart_rate,
        "avg_cadence": row.avg_cadence,
        "sport": row.sport,
        "note": row.note,
    }


JSON_FIELDS = """\
JSON (--json): one object.
  goal               runs a week that meet the goal (training.weekly_goal in the config)
  streak             weeks in a row that met it, up to last week; this week once met
  this_week, weeks[] start (the Monday, YYYY-MM-DD), sessions, runs, run_seconds, met;
                     weeks oldest first, this week last
  sessions[]         newest first, those counted in the weeks shown (by when they ended):
    id, routine, routine_name, programme, programme_session (e.g. "w2s3") or null,
    started_at, ended_at (local ISO 8601, ended_at null while running),
    status (completed | stopped | skipped | running | cut_off), planned_seconds, actual_seconds
    (time spent in segments, pauses left out), run_seconds (of that, running),
    segments_done, segments_total, last_step, last_side (where it was or stopped),
    stopped_at (that place in words, such as "Run 3 of 8"; null once completed),
    speed (above 1 for a --speed preview), counted (what the goal counts: completed in
    real time, and a programme session or at least training.min_run_minutes of
    running), why (null when counted, else the reason, such as "under 5 minutes of
    running"), counts_as_run (the same as counted), resumed_from (id of the cut-off
    session), source (app | import | manual: warmup import or warmup log), distance_m,
    avg_heart_rate, avg_cadence (steps a minute), sport, note (null when not known),
    checkin (null, or calves, morning: 0-10 or null; effort: chat | words | none or
    null; hills, red_flag: true or false; note: warmup checkin or the summary)"""
