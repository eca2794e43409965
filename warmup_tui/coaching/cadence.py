"""A metronome suggestion from the runner's own cadence: their recent runs' steps a minute,
plus 5 %.

Heiderscheit et al. 2011 (Med Sci Sports Exerc 43:296-302): a step rate 5 % above the
runner's own lowered the load at the knee, so the suggestion starts from the runner, not
from a fixed 180. It is shown, never set: the runner chooses whether to change the
metronome. The median of the last few runs keeps one odd run (a walk logged as a run, a
watch that lost the foot pod) from moving it; values no runner's average could be are left
out first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median

RECENT_RUNS = 5  # the suggestion follows the runner's last few runs...
RECENT_DAYS = 8 * 7  # ...within the last eight weeks, as cadence changes with fitness
RAISE_PERCENT = 5  # quicker steps than the runner's own
PLAUSIBLE = (120, 230)  # steps a minute a run can average; outside it, a walk or bad data
METRONOME_RANGE = (120, 220)  # what the [training] cadence setting takes


@dataclass(frozen=True)
class CadenceSuggestion:
    """The runner's own cadence (the median of ``runs`` recent runs) and 5 % more, both
    in steps a minute."""

    own: int
    suggested: int
    runs: int


def suggest_cadence(runs: Iterable[tuple[datetime, int]], today: date
                    ) -> CadenceSuggestion | None:
    """From (when, average steps a minute) of the runner's runs, in any order; None when
    no recent run tells a cadence."""
    earliest = today - timedelta(days=RECENT_DAYS)
    recent = sorted(((when, steps) for when, steps in runs
                     if earliest <= when.date() <= today
                     and PLAUSIBLE[0] <= steps <= PLAUSIBLE[1]), reverse=True)
    last = [steps for _when, steps in recent[:RECENT_RUNS]]
    if not last:
        return None
    own = math.floor(median(last) + 0.5)  # halves up, as people round
    raised = (own * (100 + RAISE_PERCENT) + 50) // 100  # whole steps, halves up
    low, high = METRONOME_RANGE
    suggested = min(high, max(low, raised))
    return CadenceSuggestion(own, suggested, len(last))
