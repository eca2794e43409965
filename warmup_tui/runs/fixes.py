"""On a day after a sore run, the run's cues lean on the fixes for sore calves.

The runs keep their shape; only the cue lines of the running part change, and they are
marked ``spoken`` so the voice says them as well as the screen and the headless output
showing them (coaching.sore_run has the words and the rule for a sore run). Reading the
check-ins is a log read: :func:`fixes_after_sore_run` runs on a worker or headless, never
on the event loop.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from warmup_tui.coaching.rules import HISTORY_DAYS
from warmup_tui.coaching.sore_run import FLAT_ROUTE, RUN_FIXES, sore_run
from warmup_tui.common.config import CoachingSettings, load_settings
from warmup_tui.engine.timeline import Segment
from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.log.checkins import checkins
from warmup_tui.runs.plan import PlannedRun


def fixes_after_sore_run(runs: Sequence[PlannedRun], *, now: datetime | None = None,
                         settings: CoachingSettings | None = None) -> list[PlannedRun]:
    """``runs`` with the fixes' cues when the log's latest run was sore (see
    :func:`warmup_tui.coaching.sore_run.sore_run`); as they are otherwise, and when the
    log cannot be read (the run goes ahead with its usual cues)."""
    if not any(run.has_running for run in runs):
        return list(runs)  # a warmup on its own: no log to open before its first frame
    now = now or datetime.now().astimezone()
    if settings is None:
        settings = load_settings(create=False)[0].coaching
    since = (now - timedelta(days=HISTORY_DAYS)).timestamp()
    try:
        with TrainingLog.open() as log:
            history = checkins(log, since=since)
    except (LogUnavailable, sqlite3.Error):
        return list(runs)
    if sore_run(history, settings, now.date()) is None:
        return list(runs)
    return lean_on_fixes(runs)


def lean_on_fixes(runs: Sequence[PlannedRun]) -> list[PlannedRun]:
    """Every run with running in it gets the fixes at its run segments' starts; the first
    of them also says to pick a flat route before its first run."""
    leaned: list[PlannedRun] = []
    flat_route_said = False
    for run in runs:
        if not run.has_running:
            leaned.append(run)
            continue
        segments = _with_fixes(run.segments, flat_route=not flat_route_said)
        leaned.append(replace(run, segments=segments))
        flat_route_said = True
    return leaned


def _with_fixes(segments: Sequence[Segment], *, flat_route: bool) -> tuple[Segment, ...]:
    """The run segments' cues take turns among the fixes. The flat route goes on the walk
    just before the first run (the warmup walk, while there is still time to choose), or
    on the first run itself when no walk leads up to it."""
    first_run = next(i for i, segment in enumerate(segments) if segment.kind == "run")
    walk_first = first_run > 0 and segments[first_run - 1].kind == "walk"
    flat_at = (first_run - 1 if walk_first else first_run) if flat_route else None
    fixed: list[Segment] = []
    given = 0  # fixes given so far, so they take turns from the first
    for index, segment in enumerate(segments):
        if index == flat_at:
            fixed.append(replace(segment, cue=FLAT_ROUTE, spoken=True))
        elif segment.kind == "run":
            fixed.append(replace(segment, cue=RUN_FIXES[given % len(RUN_FIXES)],
                                 spoken=True))
            given += 1
        else:
            fixed.append(segment)
    return tuple(fixed)
