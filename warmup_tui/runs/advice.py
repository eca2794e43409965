"""The coaching advice for where the runner stands in their plan, and following it.

The rules (coaching.rules) turn the log's check-ins into advice; this module names the
plan's week in it, tells whether the runner already followed it, and makes the anchor that
follows it. Nothing here changes the plan: the caller saves the anchor only when the runner
agrees (Today's question, ``warmup program --accept-advice``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from warmup_tui.coaching.cadence import RECENT_DAYS, CadenceSuggestion, suggest_cadence
from warmup_tui.coaching.days import coming_day, until_day
from warmup_tui.coaching.rules import HISTORY_DAYS, Advice, advise
from warmup_tui.common.config import CoachingSettings
from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.log.checkins import checkins
from warmup_tui.log.outside import run_cadences
from warmup_tui.programme.progress import Anchor, Position, repeat_week, skip_to
from warmup_tui.programme.state import load_state, save_state

CHANGES_PLAN = ("hold", "back", "rest")


@dataclass(frozen=True)
class PlanAdvice:
    """Advice for the plan, and whether the runner has already followed it."""

    advice: Advice
    followed: bool

    @property
    def waiting(self) -> bool:
        """Advice that would change the plan and is still to be agreed to."""
        return self.advice.action in CHANGES_PLAN and not self.followed


def current_week(position: Position) -> int | None:
    """The plan's week the runner is in: the week of the furthest session done, else the
    week they are about to start."""
    session = position.furthest or position.next
    return session.week if session is not None else None


def plan_advice(log: TrainingLog, position: Position, settings: CoachingSettings,
                now: datetime) -> PlanAdvice:
    since = (now - timedelta(days=HISTORY_DAYS)).timestamp()
    history = checkins(log, since=since)
    advice = advise(history, settings, now.date(), week=current_week(position))
    if not _followed(advice, position):
        return PlanAdvice(advice, followed=False)
    # The plan has moved since that run: the advice names the week the run was in, not
    # one more step back from where the move put the runner.
    week = _week_of_latest_run(log, advice, position)
    if week is not None:
        advice = advise(history, settings, now.date(), week=week)
    return PlanAdvice(advice, followed=True)


def _week_of_latest_run(log: TrainingLog, advice: Advice, position: Position) -> int | None:
    """The plan's week of the latest run the advice rests on, when it counted as a
    session of the programme followed now."""
    latest = max(advice.based_on, key=lambda checkin: checkin.when)
    row = None if latest.session_id is None else log.session(latest.session_id)
    if row is None or row.programme_id != position.programme.id or not row.programme_session:
        return None
    session = position.programme.session(row.programme_session)
    return session.week if session is not None else None


def advice_from_log(position: Position, settings: CoachingSettings,
                    now: datetime) -> PlanAdvice | None:
    """:func:`plan_advice` from the training log; None when the log cannot be read (the
    plan is then shown without advice, and the log's own trouble is said elsewhere)."""
    try:
        with TrainingLog.open() as log:
            return plan_advice(log, position, settings, now)
    except LogUnavailable:
        return None


def cadence_from_log(now: datetime) -> CadenceSuggestion | None:
    """The metronome suggestion from the runner's recent runs' cadence, to show (never
    set); None when no recent run tells one or the log cannot be read."""
    since = (now - timedelta(days=RECENT_DAYS + 1)).timestamp()
    try:
        with TrainingLog.open() as log:
            return suggest_cadence(run_cadences(log, since=since), now.date())
    except LogUnavailable:
        return None


def _followed(advice: Advice, position: Position) -> bool:
    """An anchor set after the run the advice rests on: the runner already moved the plan
    (by accepting, or by --repeat-week or --skip-to themselves)."""
    anchor = position.anchor
    if anchor is None or not advice.based_on:
        return False
    latest = max(checkin.when for checkin in advice.based_on)
    return anchor.set_at > latest


def anchor_for(advice: Advice, position: Position, now: datetime) -> Anchor | None:
    """The plan's new start that follows ``advice``: a hold repeats the week, a step back
    or a rest goes back a week; None when the advice does not move the plan."""
    week = current_week(position)
    if advice.action == "hold":
        return repeat_week(position, now)
    if advice.action in ("back", "rest") and week is not None:
        return skip_to(position.programme, max(1, week - 1), now, position)
    return None


def advice_json(advice: Advice) -> dict[str, Any]:
    return {"action": advice.action, "reason": advice.reason,
            "based_on": [{"session": checkin.session_id, "when": checkin.when.isoformat(),
                          "calves": checkin.calves, "morning": checkin.morning}
                         for checkin in advice.based_on]}


def follow(advice: Advice, position: Position, now: datetime) -> bool:
    """Move the plan as ``advice`` says (the runner agreed); False when it moves nothing."""
    anchor = anchor_for(advice, position, now)
    if anchor is None:
        return False
    state, _problems = load_state()
    save_state(state.with_anchor(position.programme.id, anchor))
    return True


def rest_word(advice: Advice, today: date) -> str:
    """What Today says once the runner has followed advice to rest: no session today."""
    if advice.rest_until is None:
        return "Plan moved as advised."
    back_on = advice.rest_until + timedelta(days=1)
    return (f"Plan moved as advised. Rest {until_day(advice.rest_until, today)}; the next "
            f"session is there for you from {coming_day(back_on, today)}.")
