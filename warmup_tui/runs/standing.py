"""Where the runner stands, for the end of a session: this week's runs against the goal
(by the one counting rule) and the programme's next session. Reads the log: call it from
a worker."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from warmup_tui.common.config import TrainingSettings
from warmup_tui.common.counting import count_of
from warmup_tui.common.problems import ProblemsError
from warmup_tui.common.weeks import day_start, week_of
from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.log.counting import RunRule
from warmup_tui.log.writer import wait_for_writes
from warmup_tui.routines.library import Library
from warmup_tui.runs.progress_source import log_progress
from warmup_tui.runs.today import load_today


@dataclass(frozen=True)
class Standing:
    runs_this_week: int | None  # None: the log could not be read
    goal: int
    next_session: str | None  # the programme's next session in words; None: no plan

    def lines(self) -> list[str]:
        lines = []
        if self.runs_this_week is not None:
            lines.append(f"This week: {count_of(self.runs_this_week, self.goal, 'run')}"
                         + (" · goal met" if self.runs_this_week >= self.goal else ""))
        if self.next_session is not None:
            lines.append(f"Next in your plan: {self.next_session}")
        return lines


def runs_this_week(training: TrainingSettings, now: datetime) -> int | None:
    """This week's runs (Monday on) that count towards the goal; None with no usable log."""
    # Monday's midnight in local time, as week_of counts the weeks: not at now's offset,
    # which differs from Monday's in a week the clocks change.
    since = day_start(week_of(now))
    rule = RunRule(training.min_run_minutes * 60)
    try:
        with TrainingLog.open() as log:
            rows = log.sessions_counted_since(since)
    except (LogUnavailable, sqlite3.Error):
        return None
    return sum(1 for row in rows if not row.is_preview and rule.counts(row))


def next_session(library: Library, now: datetime) -> str | None:
    try:
        with log_progress() as progress:
            plan, _problems = load_today(progress, library=library, now=now, no_warmup=True)
    except (ProblemsError, sqlite3.Error):
        return None
    return plan.label


def where_you_stand(library: Library, training: TrainingSettings, *,
                    now: datetime | None = None, plan_next: bool = True) -> Standing:
    """Once the sessions run in this process are in the log, so the one just ended counts;
    the programme's next session only with ``plan_next``."""
    wait_for_writes()
    now = now or datetime.now().astimezone()
    return Standing(runs_this_week(training, now), training.weekly_goal,
                    next_session(library, now) if plan_next else None)
