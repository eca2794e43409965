"""Runs done outside the app into the training log: an activity file from a watch
(``warmup import``), or a run the runner tells us about (``warmup log``, the history
screen's "Add a run"). Either can stand for the programme's next session when its
running time covers that session's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from warmup_tui.activities.model import Activity
from warmup_tui.activities.reader import read_activity
from warmup_tui.common.distance import format_distance, format_pace
from warmup_tui.common.durations import format_clock
from warmup_tui.common.problems import ProblemsError
from warmup_tui.log.outside import AlreadyLogged, OutsideRun, add_outside_run, find_external
from warmup_tui.log.store import TrainingLog
from warmup_tui.programme.progress import locate, recent_enough
from warmup_tui.runs.today import choose_programme

LONGEST_MINUTES = 24 * 60
RUN_ID = "run"


class Refused(Exception):
    """This run does not go into the log; ``str()`` says why in one line."""


@dataclass(frozen=True)
class Saved:
    """A run now in the log, or found there already (``already``)."""

    session_id: int
    run: OutsideRun
    already: bool = False


def activity_run(activity: Activity, *, as_run: bool = False) -> OutsideRun:
    """The log's form of an activity; :class:`Refused` for another sport, unless ``as_run``."""
    if not activity.is_running and not as_run:
        raise Refused(f"is a {activity.sport} activity, not a run; "
                      "add --as run to count it as one")
    return OutsideRun(
        source="import", routine_id=RUN_ID, routine_name=f"Run ({activity.format} file)",
        started_at=activity.start.timestamp(), elapsed_seconds=activity.elapsed_seconds,
        running_seconds=activity.moving_seconds, distance_m=activity.distance_m,
        avg_heart_rate=activity.avg_heart_rate, avg_cadence=activity.avg_cadence,
        sport="running" if as_run else activity.sport, external_key=activity.key)


def manual_run(minutes: float, start: datetime, *, distance_m: float | None = None,
               note: str | None = None, now: datetime | None = None) -> OutsideRun:
    """A run told by the runner; :class:`Refused` when it cannot be true (no time, too long,
    or not over yet)."""
    now = now or datetime.now().astimezone()
    if not 0 < minutes <= LONGEST_MINUTES:
        raise Refused(f"a run of {minutes:g} minutes? Give 1 to {LONGEST_MINUTES} minutes")
    if start + timedelta(minutes=minutes) > now + timedelta(minutes=1):
        raise Refused(f"a run starting {start:%Y-%m-%d %H:%M} for {minutes:g} minutes "
                      "is not over yet; log it once you have run it")
    return OutsideRun(
        source="manual", routine_id=RUN_ID, routine_name="Run (logged by hand)",
        started_at=start.timestamp(), elapsed_seconds=minutes * 60,
        running_seconds=minutes * 60, distance_m=distance_m, sport="running",
        note=note or None)


def as_next_session(log: TrainingLog, run: OutsideRun, now: datetime | None = None
                    ) -> OutsideRun:
    """``run`` as the next session of the runner's programme; :class:`Refused` when it is
    shorter than that session's running, or the programme is finished or cannot load."""
    now = now or datetime.now().astimezone()
    try:
        chosen = choose_programme()
    except ProblemsError as error:
        raise Refused(f"the programme cannot be loaded: {error.problems[0]}") from None
    programme = chosen.programme
    anchor = chosen.state.anchors.get(programme.id)
    completions = log.completed_programme_sessions(programme.id, all_since=recent_enough(now))
    session = locate(programme, completions, anchor, now).next
    if session is None:
        raise Refused(f"{programme.name} is finished; there is no next session to count it as")
    needed = session.running_seconds()
    if run.running_seconds < needed:
        raise Refused(f"ran {format_clock(run.running_seconds)}, but {session.title} of "
                      f"{programme.name} has {format_clock(needed)} of running")
    if anchor is not None and run.started_at + run.elapsed_seconds <= anchor.set_at.timestamp():
        raise Refused(f"ended before you moved to {anchor.session} in {programme.name}, "
                      "so it cannot count as that session")
    return replace(run, routine_id=programme.id, programme_id=programme.id,
                   programme_session=session.key,
                   routine_name=f"{programme.name}, {session.title}")


def save_run(log: TrainingLog, run: OutsideRun, *, programme: bool = False,
             now: datetime | None = None) -> Saved:
    """Write ``run`` (as the next programme session, given ``programme``), all or nothing.
    A run whose key is in the log already is found before the programme is asked, which
    may have moved on since it went in."""
    if run.external_key is not None:
        found = find_external(log, run.external_key)
        if found is not None:
            return Saved(found, run, already=True)
    try:
        if programme:
            run = as_next_session(log, run, now)
        return Saved(add_outside_run(log, run), run)
    except AlreadyLogged as found:
        return Saved(found.session_id, run, already=True)


def import_file(log: TrainingLog, path: Path, *, as_run: bool = False,
                programme: bool = False, now: datetime | None = None) -> Saved:
    """One activity file into the log; :class:`Refused` with one line when it stays out."""
    try:
        activity = read_activity(path)
    except ProblemsError as error:
        raise Refused(error.problems[0].message) from None
    return save_run(log, activity_run(activity, as_run=as_run), programme=programme, now=now)


def run_summary(run: OutsideRun, units: str) -> str:
    """"Mon 2 Nov 07:30, 30:00 running, 5.00 km at 6:00 /km (week 1, session 1)"."""
    started = datetime.fromtimestamp(run.started_at).astimezone()
    parts = [f"{started:%a} {started.day} {started:%b %Y} {started:%H:%M}",
             f"{format_clock(run.running_seconds)} running"]
    if run.distance_m:
        pace = format_pace(run.running_seconds, run.distance_m, units)
        parts.append(format_distance(run.distance_m, units) + (f" at {pace}" if pace else ""))
    text = ", ".join(parts)
    if run.programme_session is not None:
        text += f"; counted as {run.routine_name}"
    return text
