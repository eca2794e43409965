"""Weeks, the weekly goal and the streak, worked out from the sessions in the log.

Weeks run Monday to Sunday, in local time. A session belongs to the week it ended in
(one still going, to the week it started in), so a run counts in the week it was
completed: the same rule ``warmup program`` uses for programme sessions this week
(:func:`week_of`). Which sessions are runs is the one rule in counting.py; running time
counts every real-time session, stopped ones too, because the running in them happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from warmup_tui.common.weeks import week_of
from warmup_tui.log.counting import RunRule
from warmup_tui.log.rows import SessionRow


@dataclass(frozen=True)
class WeekStats:
    start: date  # the Monday
    sessions: int
    runs: int
    run_seconds: float
    goal: int

    @property
    def met(self) -> bool:
        return self.runs >= self.goal

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)


@dataclass(frozen=True)
class Progress:
    """The recent weeks (oldest first, this week last) and the streak."""

    goal: int
    weeks: list[WeekStats]
    streak: int

    @property
    def this_week(self) -> WeekStats:
        return self.weeks[-1]

    @property
    def runs_left(self) -> int:
        return max(0, self.goal - self.this_week.runs)


class WeekSums:
    """A week's sessions, runs and running time, added up one session at a time."""

    __slots__ = ("run_seconds", "runs", "sessions")

    def __init__(self) -> None:
        self.sessions = 0
        self.runs = 0
        # 0, not 0.0, as sum() starts: a week with nothing in it shows 0 in the JSON
        self.run_seconds: float = 0

    def add(self, counts: bool, run_seconds: float) -> None:
        """One real-time session: whether it counts as a run, and its running time."""
        self.sessions += 1
        self.runs += counts
        self.run_seconds += run_seconds


def counted_at(row: SessionRow) -> float:
    """When a session counts towards a week: when it ended, so a run counts in the week
    it was completed; a session with no end yet, when it started."""
    return row.ended_at if row.ended_at is not None else row.started_at


def progress(
    sessions: Iterable[SessionRow],
    goal: int,
    *,
    weeks: int = 8,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    runs_in_week: Callable[[date], int] | None = None,
    rule: RunRule | None = None,
) -> Progress:
    """The last ``weeks`` weeks up to and including the one holding ``now``.

    ``sessions`` may be only those counted in the weeks shown when ``runs_in_week`` gives
    the runs of any earlier week (the Monday given) for the streak: a long log is then
    never read whole (``load_history`` asks the log, which counts them by index)."""
    rule = rule or RunRule()
    # Sums, not rows, per week: ``sessions`` may be a cursor over years of the log, and
    # what is kept stays as small as the weeks.
    tally: dict[date, WeekSums] = {}
    for row in sessions:
        if row.is_preview:
            continue
        monday = week_of(counted_at(row), tz)
        sums = tally.get(monday)
        if sums is None:
            sums = tally[monday] = WeekSums()
        sums.add(rule.counts(row), row.run_seconds)
    return progress_of_sums(tally, goal, weeks=weeks, now=now, tz=tz,
                            runs_in_week=runs_in_week)


def progress_of_sums(
    tally: Mapping[date, WeekSums],
    goal: int,
    *,
    weeks: int = 8,
    now: datetime | None = None,
    tz: tzinfo | None = None,
    runs_in_week: Callable[[date], int] | None = None,
) -> Progress:
    """:func:`progress` from each week's sums already added up (by the Monday; previews
    left out), as ``load_history`` has the log hand them over without a row per session."""
    goal = max(1, goal)  # a goal of nothing would make every week, forever, a streak
    now = now or datetime.now(tz).astimezone(tz)
    this_monday = week_of(now, tz)

    def stats(monday: date) -> WeekStats:
        sums = tally.get(monday, WeekSums())
        return WeekStats(monday, sums.sessions, sums.runs, sums.run_seconds, goal)

    shown = [stats(this_monday - timedelta(weeks=back)) for back in range(weeks - 1, -1, -1)]

    def met(monday: date) -> bool:
        if runs_in_week is None or monday >= shown[0].start:
            return stats(monday).met
        return runs_in_week(monday) >= goal

    return Progress(goal, shown, _streak(met, this_monday))


def _streak(met: Callable[[date], bool], this_monday: date) -> int:
    """Weeks in a row that met the goal, ending last week; this week joins once it is met."""
    monday = this_monday if met(this_monday) else this_monday - timedelta(weeks=1)
    count = 0
    while met(monday):
        count += 1
        monday -= timedelta(weeks=1)
    return count
