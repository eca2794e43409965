"""The morning question: on the first start of a later day, how the calves feel after the
last run. Asked once per run, answered or skipped."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from warmup_tui.coaching.answers import Answers
from warmup_tui.coaching.days import on_day
from warmup_tui.common.weeks import day_start
from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.log.checkins import morning_question_for, save_answers


@dataclass(frozen=True)
class MorningQuestion:
    session_id: int
    ran: str  # when the run was, as seen from today: "yesterday", "on Sunday"


def morning_due(now: datetime | None = None) -> MorningQuestion | None:
    """The last run, when it was on an earlier day than ``now`` and its morning question
    was never put; None otherwise, or when the log cannot be read."""
    now = now or datetime.now().astimezone()
    start_of_today = day_start(now.date())  # right on a day the clocks go forward at 0:00
    try:
        with TrainingLog.open() as log:
            session_id = morning_question_for(log, start_of_today)
            row = None if session_id is None else log.session(session_id)
    except (LogUnavailable, sqlite3.Error):
        return None
    if row is None:
        return None
    return MorningQuestion(row.id, on_day(row.started().date(), now.date()))


def save_morning(session_id: int, score: int | None) -> str | None:
    """The morning score (None: skipped; the question is not put again); a line saying
    why it was not saved, or None. Blocks: call it from a worker."""
    try:
        with TrainingLog.open() as log:
            save_answers(log, session_id, Answers(morning=score), morning_asked=True)
    except (LogUnavailable, sqlite3.Error) as error:
        return f"morning score not saved: {error}"
    return None
