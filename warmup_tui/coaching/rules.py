"""The pain-monitoring rules: from a runner's check-ins to one piece of advice for the plan.

The model is Silbernagel et al. 2007 (Am J Sports Med 35:897-906), used in calf and tendon
rehabilitation: pain during a run may reach 5/10 if it has settled by the next morning and
morning pain and stiffness do not grow from week to week; otherwise, reduce the load. The
limits are the runner's ``[coaching]`` settings. In order:

1. The latest check-in has a red flag (pain that changed how they ran, swelling, a sudden
   sharp pain): stop running and see a professional. Never a diagnosis.
2. The latest run shows a sign of too much (above ``hold_up_to`` during it, above
   ``morning_up_to`` the next morning, a morning worse than every morning of the week
   before, or scores rising over ``rising_runs`` runs): rest for ``rest_days`` days after
   that run, then ease back a week.
3. No run for more than a week: hold, as a week off is not a week trained.
4. Up to ``progress_up_to`` during the latest run and settled the next morning: progress.
5. Otherwise (up to ``hold_up_to``, settled the next morning): hold.

A missing morning score counts as settled. The question is asked once per run and can be
skipped; a runner whose calves still hurt the next day has the most reason to answer it,
and holding back every runner who skips it would make the question a chore. The reason
says when there is no morning score, so the runner knows what the advice rests on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Literal

from warmup_tui.coaching.checkin import CheckIn
from warmup_tui.coaching.days import on_day, short_date, until_day, week_start
from warmup_tui.common.config import CoachingSettings

Action = Literal["progress", "hold", "back", "rest", "see-someone"]

HISTORY_DAYS = 28  # the rules look at a few weeks: the latest run, the week before, a trend
STALE_AFTER_DAYS = 7  # more days than this since the last run is a week with no runs
NOISE_FLOOR = 1  # 0 and 1 both mean "hardly anything": going from one to the other is no rise


@dataclass(frozen=True)
class Advice:
    """What to do next with the plan, why, in plain words, and the check-ins it rests on."""

    action: Action
    reason: str
    based_on: tuple[CheckIn, ...] = ()
    rest_until: date | None = None  # "rest": the last rest day, today or later


@dataclass(frozen=True)
class _Sign:
    """A sign of too much load: what it is in words, and the check-ins that show it."""

    words: str
    based_on: tuple[CheckIn, ...]


def advise(history: Iterable[CheckIn], settings: CoachingSettings, today: date, *,
           week: int | None = None) -> Advice:
    """The advice for ``today`` from every check-in so far (in any order). ``week`` is the
    plan's week the runner is in, to name it in the reason ("Hold week 3: ...")."""
    runs = sorted(history, key=lambda checkin: checkin.when)
    if not runs:
        return Advice("progress", "Go on with the plan: no check-ins yet.")
    latest = runs[-1]
    if latest.red_flag:
        return _see_someone(latest, today)
    sign = too_much(runs, settings, today)
    if sign is not None:
        return _back_or_rest(sign, latest, settings, today, week)
    ran = latest.when.date()
    if (today - ran).days > STALE_AFTER_DAYS:
        return Advice("hold", f"{_hold(week)}: no runs since {short_date(ran)}; "
                      "repeat it before moving on.", (latest,))
    scores = _scores(latest, today)
    if latest.calves <= min(settings.progress_up_to, settings.hold_up_to):
        return Advice("progress", f"Go on with the plan: {scores}.", (latest,))
    return Advice("hold", f"{_hold(week)}: {scores}.", (latest,))


def too_much(runs: Sequence[CheckIn], settings: CoachingSettings,
             today: date) -> _Sign | None:
    """The first sign, in the latest run of ``runs`` (oldest first), that the load is too
    much, or None."""
    latest = runs[-1]
    if latest.calves > settings.hold_up_to or (
            latest.morning is not None and latest.morning > settings.morning_up_to):
        return _Sign(_scores(latest, today), (latest,))
    return _worse_morning(runs, today) or _rising(runs, settings, today)


def _worse_morning(runs: Sequence[CheckIn], today: date) -> _Sign | None:
    """The latest morning above every morning of the calendar week before its run's."""
    latest = runs[-1]
    if latest.morning is None:
        return None
    this_week = week_start(latest.when.date())
    week_before = [run for run in runs if run.morning is not None
                   and this_week - timedelta(days=7) <= run.when.date() < this_week]
    if not week_before:
        return None  # nothing to compare with
    worst_before = max(run.morning for run in week_before if run.morning is not None)
    if latest.morning <= max(worst_before, NOISE_FLOOR):
        return None
    words = (f"calves {latest.morning}/10 the morning after your run "
             f"{on_day(latest.when.date(), today)}, up from {worst_before}/10 at most "
             "the week before")
    return _Sign(words, (*week_before, latest))


def _rising(runs: Sequence[CheckIn], settings: CoachingSettings, today: date) -> _Sign | None:
    """Scores during the run up at each of the last few runs, to above the easy level."""
    last = runs[-settings.rising_runs:]
    scores = [run.calves for run in last]
    rising = all(later > earlier for earlier, later in pairwise(scores))
    if len(last) < settings.rising_runs or not rising or scores[-1] <= settings.progress_up_to:
        return None
    steps = ", ".join(f"{score}/10" for score in scores[:-1])
    words = (f"calves rising over your last {len(last)} runs: {steps}, then {scores[-1]}/10 "
             f"{on_day(last[-1].when.date(), today)}")
    return _Sign(words, tuple(last))


def _back_or_rest(sign: _Sign, latest: CheckIn, settings: CoachingSettings, today: date,
                  week: int | None) -> Advice:
    """Rest days first (counted from the day after the run), then a week back."""
    last_rest_day = latest.when.date() + timedelta(days=settings.rest_days)
    back = _back(week)
    if today <= last_rest_day and settings.rest_days > 0:
        rest = f"Rest {until_day(last_rest_day, today)}, then {back[0].lower()}{back[1:]}"
        return Advice("rest", f"{rest}: {sign.words}.", sign.based_on, last_rest_day)
    return Advice("back", f"{back}: {sign.words}.", sign.based_on)


def _see_someone(latest: CheckIn, today: date) -> Advice:
    when = on_day(latest.when.date(), today)
    return Advice(
        "see-someone",
        f"Stop running and see a doctor or physiotherapist: {when} you noted pain that "
        "changed how you ran, swelling or a sudden sharp pain. This app cannot tell what "
        "it is.",
        (latest,))


def _scores(run: CheckIn, today: date) -> str:
    """'calves 6/10 on Tuesday, still 3/10 the next morning'."""
    ran = run.when.date()
    during = f"calves {run.calves}/10 {on_day(ran, today)}"
    if run.morning is None:
        return f"{during}, no morning score {'yet' if (today - ran).days <= 1 else 'given'}"
    still = "still " if run.morning > 0 else ""
    return f"{during}, {still}{run.morning}/10 the next morning"


def _hold(week: int | None) -> str:
    return f"Hold week {week}" if week is not None else "Hold this level"


def _back(week: int | None) -> str:
    if week is None:
        return "Ease back a week"
    return f"Ease back to week {week - 1}" if week > 1 else "Start week 1 again"
