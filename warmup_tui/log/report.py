"""The history report in words, bars and JSON, shared by ``warmup history`` and the
history screen. Plain text only; the screen styles it."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from warmup_tui.common.counting import count_of
from warmup_tui.common.distance import format_distance, format_pace
from warmup_tui.common.durations import format_clock
from warmup_tui.common.weeks import day_start, local_time, week_of
from warmup_tui.engine.wording import with_side
from warmup_tui.log.checkins import calf_scores_since
from warmup_tui.log.counting import RunRule
from warmup_tui.log.db import Notice
from warmup_tui.log.rows import SessionRow
from warmup_tui.log.stats import Progress, WeekStats, WeekSums, progress_of_sums
from warmup_tui.log.store import TrainingLog
from warmup_tui.log.week_reads import each_counted_since, runs_between, sessions_by_id

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


CALF_TREND_RUNS = 6
NEWEST_KEPT = 30


@dataclass(frozen=True)
class History:
    """What the history report shows: the weeks, and the newest few sessions within them.
    All of those sessions, for the JSON, are read one at a time with
    :func:`warmup_tui.log.checkins.sessions_with_checkins` from ``since``."""

    stats: Progress
    recent: list[SessionRow]
    """The newest sessions of the weeks shown, up to the number asked for."""
    total: int
    """How many sessions the weeks shown hold, ``recent`` and the earlier ones."""
    since: float
    """When the first week shown starts, as Unix time."""
    rule: RunRule = field(default_factory=RunRule)
    calf_scores: list[int] = field(default_factory=list)
    """The calf scores of the last few runs checked in within the weeks, oldest first."""

    def calf_trend(self) -> str | None:
        """'calves 2 → 4 → 6': the calf scores of the last few runs checked in, oldest
        first; None before any."""
        if not self.calf_scores:
            return None
        return "calves " + " → ".join(str(score) for score in self.calf_scores)


def load_history(goal: int, weeks: int = 8, *, log: TrainingLog | None = None,
                 on_notice: Notice | None = None, now: datetime | None = None,
                 rule: RunRule | None = None, newest: int = NEWEST_KEPT) -> History:
    """Read the log (the default one unless given), keeping the ``newest`` sessions.
    Raises LogUnavailable."""
    rule = rule or RunRule()
    if log is None:
        with TrainingLog.open(on_notice=on_notice) as opened, opened.reading():
            return _history(opened, goal, weeks, now, rule, newest)
    return _history(log, goal, weeks, now, rule, newest)


def _history(log: TrainingLog, goal: int, weeks: int, now: datetime | None,
             rule: RunRule, newest: int) -> History:
    # Only the sessions of the weeks shown are read, as a few numbers each (the rule
    # applied in SQLite), and only the newest few whole; older weeks matter only to the
    # streak, and for those the log counts the runs of one week at a time, by index,
    # going back only as far as the streak does. Years of sessions cost no more memory
    # than a few weeks, and little more time.
    now = now or datetime.now().astimezone()
    first = week_of(now) - timedelta(weeks=weeks - 1)
    mondays = [first + timedelta(weeks=back) for back in range(weeks + 1)]
    starts = [day_start(monday) for monday in mondays]  # and where the last week ends
    tally: dict[date, WeekSums] = {}
    newest_ids: list[int] = []
    total = 0
    # Listed by the same moment the weeks count them by, so a run that crossed into this
    # week is both counted and shown under it.
    for session in each_counted_since(log, starts[0], rule):
        total += 1
        if len(newest_ids) < newest:
            newest_ids.append(session.id)
        week = bisect_right(starts, session.counted_at) - 1  # as week_of(counted_at)
        if session.real_time and week < weeks:  # none later than this week is shown
            sums = tally.get(mondays[week])
            if sums is None:
                sums = tally[mondays[week]] = WeekSums()
            sums.add(session.counts, session.run_seconds)

    def runs_in_week(monday: date) -> int:
        """The week's runs, counted up to the goal: the streak asks only whether it was met,
        and a log of years of sessions need not be read whole to tell."""
        return runs_between(log, day_start(monday), day_start(monday + timedelta(weeks=1)),
                            rule, cap=max(1, goal))

    stats = progress_of_sums(tally, goal, weeks=weeks, now=now, runs_in_week=runs_in_week)
    return History(stats, sessions_by_id(log, newest_ids), total, starts[0], rule,
                   calf_scores_since(log, starts[0], CALF_TREND_RUNS))

