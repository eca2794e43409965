"""The history report in words, bars and JSON, shared by ``warmup history`` and the
history screen. Plain text only; the screen styles it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from warmup_tui.common.counting import count_of
from warmup_tui.common.distance import format_distance, format_pace
from warmup_tui.common.durations import format_clock
from warmup_tui.common.weeks import local_time, week_of
from warmup_tui.engine.wording import with_side
from warmup_tui.log.checkins import checkins_by_session
from warmup_tui.log.counting import RunRule
from warmup_tui.log.db import Notice
from warmup_tui.log.stats import Progress, WeekStats, progress
from warmup_tui.log.store import SessionRow, TrainingLog

EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
BAR_WIDTH = 24


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> str:
    """A left-aligned bar in eighths of a cell; any value above zero shows at least a sliver."""
    if largest <= 0 or value <= 0:
        return " " * width
    eighths = max(1, round(value / largest * width * 8))
    whole, part = divmod(min(eighths, width * 8), 8)
    text = FULL * whole + (EIGHTHS[part] if part else "")
    return text.ljust(width)


def goal_meter(runs: int, goal: int) -> str:
    """'●●○○' style: one mark per run of the goal, extra runs beyond it shown as '+2'."""
    shown = min(runs, goal)
    extra = f" +{runs - goal}" if runs > goal else ""
    return "●" * shown + "○" * (goal - shown) + extra


def week_label(week: WeekStats) -> str:
    return f"{week.start:%a} {week.start.day:>2} {week.start:%b}"


def summary_lines(stats: Progress) -> list[str]:
    """This week against the goal, and the streak."""
    week = stats.this_week
    head = (f"This week (from {week_label(week).strip()}): "
            f"{count_of(week.runs, stats.goal, 'run')}  {goal_meter(week.runs, stats.goal)}")
    if week.met:
        head += "  goal met"
    else:
        left = stats.runs_left
        head += f"  {left} more to meet the goal"
    if stats.streak:
        weeks = "week" if stats.streak == 1 else "weeks"
        streak = f"Streak: {stats.streak} {weeks} in a row meeting the goal"
    else:
        streak = "Streak: none yet; a week with the goal met starts one"
    return [head, streak]


def chart_lines(stats: Progress) -> list[str]:
    """Running minutes per week as bars, oldest week first."""
    largest = max((w.run_seconds for w in stats.weeks), default=0.0)
    lines = []
    for week in stats.weeks:
        minutes = round(week.run_seconds / 60)
        mark = "✓" if week.met else " "
        runs = f"{week.runs} run" + ("" if week.runs == 1 else "s")
        lines.append(f"{week_label(week)}  {bar(week.run_seconds, largest)} "
                     f"{minutes:>4} min  {runs:<7} {mark}".rstrip())
    return lines


StopPoint = Callable[[SessionRow], str | None]
"""Where a session stopped, in a runner's words ("Run 3 of 8"), when it can be told."""


def session_status(row: SessionRow, alive: Callable[[int], bool],
                   stop_point: StopPoint | None = None) -> str:
    """'completed', 'stopped at Run 3 of 8', 'in progress', 'cut off at Glute bridge'."""
    where = (stop_point(row) if stop_point is not None else None) or (
        with_side(row.last_step, row.last_side) if row.last_step else "")
    if row.status == "running":
        live = row.pid is not None and alive(row.pid)
        word = "in progress" if live else "cut off"
        return f"{word} at {where}" if where and not live else word
    if row.skipped:
        return "skipped"
    if row.status == "stopped":
        return f"stopped at {where}" if where else "stopped"
    return "completed"


def _outside_extras(row: SessionRow, units: str) -> list[str]:
    """Where a run from outside the app came from, and its distance and pace."""
    extras = []
    if row.source != "app":
        extras.append("imported" if row.source == "import" else "logged by hand")
    if row.distance_m:
        pace = format_pace(row.run_seconds, row.distance_m, units)
        extras.append(format_distance(row.distance_m, units) + (f" at {pace}" if pace else ""))
    return extras


def session_line(row: SessionRow, alive: Callable[[int], bool], units: str = "km",
                 rule: RunRule | None = None, stop_point: StopPoint | None = None) -> str:
    started = local_time(row.started_at)
    when = f"{started:%a} {started.day:>2} {started:%b} {started:%H:%M}"
    name = row.routine_id + (f" {row.programme_session}" if row.programme_session else "")
    extras = []
    if row.run_seconds > 0:
        extras.append(f"ran {format_clock(row.run_seconds)}")
    if row.is_preview:
        extras.append(f"preview x{row.speed:g}")
    if row.resumed_from is not None:
        extras.append("resumed")
    extras += _outside_extras(row, units)
    why = (rule or RunRule()).why_not(row)
    if why is not None and row.status == "completed" and not row.is_preview:
        extras.append(f"not counted: {why}")  # stopped and preview say so already
    tail = f"  ({', '.join(extras)})" if extras else ""
    return (f"{when}  {name:<20} {format_clock(row.actual_seconds):>6}  "
            f"{session_status(row, alive, stop_point)}{tail}")


def history_json(stats: Progress, rows: Sequence[SessionRow], alive: Callable[[int], bool],
                 rule: RunRule | None = None, stop_point: StopPoint | None = None,
                 checkins: dict[int, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The JSON form; its fields are listed in ``warmup history --help``."""
    found = checkins or {}
    return {
        "goal": stats.goal,
        "streak": stats.streak,
        "this_week": _week_json(stats.this_week),
        "weeks": [_week_json(week) for week in stats.weeks],
        "sessions": [{**_session_json(row, alive, rule or RunRule(), stop_point),
                      "checkin": found.get(row.id)} for row in rows],
    }


def _week_json(week: WeekStats) -> dict[str, Any]:
    return {"start": week.start.isoformat(), "sessions": week.sessions, "runs": week.runs,
            "run_seconds": round(week.run_seconds, 1), "met": week.met}


def _iso(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return local_time(timestamp).isoformat(timespec="seconds")


def _session_json(row: SessionRow, alive: Callable[[int], bool], rule: RunRule,
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


@dataclass(frozen=True)
class History:
    """Everything the history report shows: the weeks and the sessions within them."""

    stats: Progress
    recent: list[SessionRow]
    rule: RunRule = field(default_factory=RunRule)
    checkins: dict[int, dict[str, Any]] = field(default_factory=dict)
    """The stored check-in of each session in ``recent`` that has one, by session id."""

    def calf_trend(self, runs: int = 6) -> str | None:
        """'calves 2 → 4 → 6': the calf scores of the last few runs checked in, oldest
        first; None before any."""
        scores = [self.checkins[row.id]["calves"] for row in reversed(self.recent)
                  if self.checkins.get(row.id, {}).get("calves") is not None]
        if not scores:
            return None
        return "calves " + " → ".join(str(score) for score in scores[-runs:])


def load_history(goal: int, weeks: int = 8, *, log: TrainingLog | None = None,
                 on_notice: Notice | None = None, now: datetime | None = None,
                 rule: RunRule | None = None) -> History:
    """Read the log (the default one unless given). Raises LogUnavailable."""
    rule = rule or RunRule()
    if log is None:
        with TrainingLog.open(on_notice=on_notice) as opened:
            return _history(opened, goal, weeks, now, rule)
    return _history(log, goal, weeks, now, rule)


def _history(log: TrainingLog, goal: int, weeks: int, now: datetime | None,
             rule: RunRule) -> History:
    # Only the sessions of the weeks shown are read; older weeks matter only to the streak,
    # and for those the log counts the runs of one week at a time, by index, going back
    # only as far as the streak does. Years of sessions cost no more than a few weeks.
    now = now or datetime.now().astimezone()
    first = week_of(now) - timedelta(weeks=weeks - 1)
    # Listed by the same moment the weeks count them by, so a run that crossed into this
    # week is both counted and shown under it.
    rows = log.sessions_counted_since(_midnight(first))

    def runs_in_week(monday: date) -> int:
        """The week's runs, counted up to the goal: the streak asks only whether it was met,
        and a log of years of sessions need not be read whole to tell."""
        runs = 0
        for row in log.sessions_counted_between(_midnight(monday),
                                                _midnight(monday + timedelta(weeks=1))):
            runs += rule.counts(row)
            if runs >= goal:
                break
        return runs

    return History(progress(rows, goal, weeks=weeks, now=now, runs_in_week=runs_in_week,
                            rule=rule), rows, rule,
                   checkins_by_session(log, [row.id for row in rows]))


def _midnight(day: date) -> float:
    """The Unix time local midnight starts ``day``."""
    return datetime.combine(day, time.min).astimezone().timestamp()
