"""The app's "Today" action: thin glue between the home screen and the programme and log
cores (the resume offer is ui/resume_offer.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime

from warmup_tui.coaching.rules import Advice
from warmup_tui.common.config import CoachingSettings
from warmup_tui.common.problems import ProblemsError
from warmup_tui.log.writer import wait_for_writes
from warmup_tui.programme.progress import ProgressSource
from warmup_tui.routines.library import Library
from warmup_tui.runs.advice import CHANGES_PLAN, PlanAdvice, advice_from_log, follow
from warmup_tui.runs.fixes import fixes_after_sore_run
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.progress_source import log_progress
from warmup_tui.runs.rest_days import RestDay
from warmup_tui.runs.today import TodayPlan, load_today

Notify = Callable[..., None]


def _progress(on_notice: Callable[[str], None] | None = None,
              ) -> AbstractContextManager[ProgressSource]:
    return log_progress(on_notice)


def plan(library: Library, on_notice: Callable[[str], None] | None = None) -> TodayPlan | None:
    """Today's warmup and programme session, or None when there is no usable programme;
    ``on_notice`` hears what the log has to say once (a damaged file kept aside)."""
    try:
        with _progress(on_notice) as progress:
            today, _problems = load_today(progress, library=library)
    except (ProblemsError, sqlite3.Error):  # a damaged log: no plan, not a crash at start
        return None
    return today


@dataclass(frozen=True)
class TodayLine:
    """Home's Today: the session's label (None: no plan) and the check-ins' advice."""

    label: str | None = None
    advice: Advice | None = None


def _label(today: TodayPlan) -> str:
    done = " (done for today)" if today.rest is not None and today.rest.asks_first else ""
    if today.warmup is None or today.warmup.routine is None:
        return today.label + done
    return f"{today.warmup.routine.name}, then {today.label}{done}"  # the warmup it will run


def line(library: Library, coaching: CoachingSettings,
         on_notice: Callable[[str], None] | None = None) -> TodayLine:
    """Today's label and the advice for where the plan stands, from one reading of the
    plan (reads the log: call it from a worker)."""
    today = plan(library, on_notice)
    if today is None:
        return TodayLine()
    advice = advice_from_log(today.position, coaching, datetime.now().astimezone())
    if advice is None or (advice.followed and advice.advice.action in CHANGES_PLAN):
        # Followed: Today already shows the moved plan, and the advice, worked out from
        # where the plan now stands, would say to move it again ("ease back to week 1").
        return TodayLine(_label(today))
    return TodayLine(_label(today), advice.advice)


def line_after_writes(library: Library, coaching: CoachingSettings) -> TodayLine:
    """Today's line once the sessions run in this process are in the log, so the one just
    finished counts. Blocks until then: call it from a worker."""
    wait_for_writes()
    return line(library, coaching)


def runs_after_writes(library: Library, notify: Notify
                      ) -> tuple[list[PlannedRun], RestDay | None]:
    """:func:`runs`, once the sessions run in this process are in the log (a worker's call),
    with the rest-day word for today, if any."""
    wait_for_writes()
    return runs(library, notify)


def runs(library: Library, notify: Notify) -> tuple[list[PlannedRun], RestDay | None]:
    try:
        with _progress() as progress:
            today, problems = load_today(progress, library=library)
    except ProblemsError as error:
        for problem in error.problems:
            notify(str(problem), severity="error", timeout=8)
        return [], None
    except sqlite3.Error as error:
        notify(f"The training log cannot be read ({error}), so today's session is not "
               "known", severity="error", timeout=8)
        return [], None
    for problem in problems:
        notify(str(problem), severity="warning", timeout=8)
    return fixes_after_sore_run(today.runs()), today.rest  # a worker's call: reads the log


def waiting_advice(library: Library, coaching: CoachingSettings) -> PlanAdvice | None:
    """Advice from the check-ins that would move today's plan and is not yet followed
    (reads the log: call it from a worker)."""
    today = plan(library)
    if today is None:
        return None
    advice = advice_from_log(today.position, coaching, datetime.now().astimezone())
    return advice if advice is not None and advice.waiting else None


def follow_advice(library: Library, advice: PlanAdvice) -> None:
    """The runner agreed: move the plan (from where it stands now; a worker's call)."""
    today = plan(library)
    if today is not None:
        follow(advice.advice, today.position, datetime.now().astimezone())


