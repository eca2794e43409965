"""A day after a sore run: when the next run's cues should lean on the fixes for sore
calves (slower, at a pace you can talk at; landing under the hips; a flat route).

The cues only change the words; the plan itself moves only when the runner agrees to the
advice (coaching.rules). So the bar is lower than the rules' bar for holding: any run whose
calves went past the easy level (``progress_up_to``) counts, as does any sign of too much
the rules see (a sore morning, a worse morning than the week before, rising scores) or a
red flag. Only the latest run counts, and only for a few days: a runner who has run since
without pain, or who has rested, starts the next run with the usual cues.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from warmup_tui.coaching.checkin import CheckIn
from warmup_tui.coaching.rules import too_much
from warmup_tui.common.config import CoachingSettings

SORE_FOR_DAYS = 3  # a sore run steers the cues of runs up to this many days after it

# The fixes, in our own words, for the run's cue line and the voice.
SLOWER = "Slower today: easy enough to talk in full sentences"
UNDER_HIPS = "Land under your hips, with quick, light steps"
FLAT_ROUTE = "Pick a flat route today: hills load sore calves"
RUN_FIXES = (SLOWER, UNDER_HIPS)


def sore_run(history: Iterable[CheckIn], settings: CoachingSettings,
             today: date) -> CheckIn | None:
    """The latest run of ``history`` (check-ins in any order) when it was sore and within
    the last :data:`SORE_FOR_DAYS` days of ``today``; else None."""
    runs = sorted(history, key=lambda checkin: checkin.when)
    if not runs:
        return None
    latest = runs[-1]
    if not 0 <= (today - latest.when.date()).days <= SORE_FOR_DAYS:
        return None
    sore = (latest.red_flag or latest.calves > settings.progress_up_to
            or too_much(runs, settings, today) is not None)
    return latest if sore else None
