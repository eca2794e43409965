"""``warmup export``: the next session or a routine as a FIT workout or as text, the rest
of the programme as a calendar, a session from the log as a FIT activity.

Every bad option is one line and exit 2, before anything is read or written; a file the
disk refuses is exit 1, with the file as it was (``safe_write``).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from warmup_tui.cli.warn import warn
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.safe_write import write_atomic
from warmup_tui.common.terminal_text import shown, shown_lines
from warmup_tui.common.value_text import quoted
from warmup_tui.engine.timeline import build_timeline
from warmup_tui.export.session_title import event_title
from warmup_tui.export.training_days import BadDays, default_days, parse_days
from warmup_tui.export.workout_plan import Workout, workout_from_segments
from warmup_tui.programme.model import Programme, session_segments
from warmup_tui.programme.progress import Position, locate, recent_enough
from warmup_tui.routines.library import Library
from warmup_tui.runs.progress_source import log_progress
from warmup_tui.runs.today import choose_programme

NEXT = "next"
PROGRAM = "program"


def _refuse(where: str, message: str) -> ProblemsError:
    return ProblemsError([Problem(where, message)])


def export(args: argparse.Namespace) -> int:
    _check_options(args)
    if args.session is not None:
        return _export_activity(args)
    if args.what == PROGRAM:
        return _export_calendar(args)
    workout, title = _next_workout() if args.what == NEXT else _routine_workout(args.what)
    if args.text:
        from warmup_tui.export.workout_text import workout_text

        print(shown_lines(workout_text(workout, title)), end="")
        return 0
    from warmup_tui.export.fit_workout import workout_fit

    _save(Path(args.fit), workout_fit(workout, datetime.now().astimezone()))
    print(f"Saved {shown(title)} to {shown(display_path(args.fit))} as a FIT workout")
    return 0


def _check_options(args: argparse.Namespace) -> None:
    if args.what is None and args.session is None:
        raise _refuse("warmup export", "say what to export: next, program, a routine, "
                      "or --session ID")
    chosen = [name for name, value in (("--fit", args.fit), ("--ics", args.ics),
                                       ("--text", args.text)) if value]
    if len(chosen) != 1:
        raise _refuse("warmup export", "choose one of --fit FILE, --ics FILE and --text"
                      if chosen else "say where it goes: --fit FILE, --ics FILE or --text")
    if args.session is not None and (args.what is not None or not args.fit):
        raise _refuse("--session", "a session from the log goes alone, as a FIT "
                      "activity: warmup export --session ID --fit FILE")
    if (args.what == PROGRAM) != bool(args.ics):
        raise _refuse("--ics", "the calendar is of the programme: "
                      "warmup export program --ics FILE")
    calendar_only = [name for name, value in (("--days", args.days), ("--at", args.at),
                                              ("--from", args.start)) if value is not None]
    if calendar_only and not args.ics:
        raise _refuse(calendar_only[0], "goes with --ics, for the calendar")
    if args.fit or args.ics:
        _check_target(Path(args.fit or args.ics))


def _check_target(path: Path) -> None:
    """A file in a folder that exists; the write itself says when the disk refuses."""
    if path.is_dir():
        raise _refuse(display_path(path), "is a folder; name a file in it")
    if not path.parent.is_dir():
        raise _refuse(display_path(path), f"no folder {display_path(path.parent)}")


def _save(path: Path, data: bytes) -> None:
    write_atomic(path, data, keep_backup=False)  # CannotWrite: exit 1 (cli.main)


# ----- workouts --------------------------------------------------------------------------


def _routine_workout(ref: str) -> tuple[Workout, str]:
    entry = Library().resolve(ref)  # ProblemsError for an unknown routine or a bad file
    assert entry.routine is not None
    name = entry.routine.name
    return workout_from_segments(name, build_timeline(entry.routine)), name


def _next_workout() -> tuple[Workout, str]:
    programme, position = _where_in_programme()
    session = position.next or programme.sessions()[-1]  # done: its last, to keep it up
    title = event_title(session)
    return workout_from_segments(f"{programme.name}, {session.title}",
                                 session_segments(session)), title


def _where_in_programme() -> tuple[Programme, Position]:
    chosen = choose_programme()
    for problem in chosen.problems:
        warn(str(problem))
    programme = chosen.programme
    if not programme.sessions():
        raise _refuse(programme.id, "has no sessions")
    now = datetime.now().astimezone()
    with log_progress(on_notice=warn) as progress:
        completions = progress.completed_programme_sessions(
            programme.id, all_since=recent_enough(now))
    return programme, locate(programme, completions, chosen.state.anchors.get(programme.id),
                             now)


# ----- the calendar ----------------------------------------------------------------------


@dataclass(frozen=True)
class _CalendarOptions:
    days: tuple[int, ...] | None
    at: time
    start: date


def _calendar_options(args: argparse.Namespace) -> _CalendarOptions:
    try:
        days = parse_days(args.days) if args.days is not None else None
    except BadDays as error:
        raise _refuse("--days", str(error)) from None
    at = time(7, 0)
    if args.at is not None:
        found = _TIME_OF_DAY.fullmatch(args.at)
        if found is None:
            raise _refuse("--at", "expected a time of day from 00:00 to 23:59, such as 07:00,"
                          f" got {quoted(args.at)}")
        at = time(int(found[1]), int(found[2]))
    return _CalendarOptions(days, at, _start_date(args.start))


_TIME_OF_DAY = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _start_date(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        if _DATE.fullmatch(text) is None:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise _refuse("--from", f"expected a date such as 2026-12-07, got {quoted(text)}"
                      ) from None


def _export_calendar(args: argparse.Namespace) -> int:
    from warmup_tui.export.calendar import Schedule, programme_calendar

    options = _calendar_options(args)
    programme, position = _where_in_programme()
    if position.next is None:
        print(f"{shown(programme.name)} is done: no sessions left to put in a calendar")
        return 0
    left = programme.sessions()[programme.sessions().index(position.next):]
    days = options.days or default_days(programme.sessions_per_week)
    schedule = Schedule(options.start, days, options.at)
    _save(Path(args.ics), programme_calendar(programme, left, schedule,
                                             datetime.now().astimezone()))
    print(f"Saved {len(left)} session{'s' if len(left) != 1 else ''} of "
          f"{shown(programme.name)} to {shown(display_path(args.ics))}")
    return 0


# ----- a session from the log ------------------------------------------------------------


def _export_activity(args: argparse.Namespace) -> int:
    from warmup_tui.export.fit_activity import activity_fit
    from warmup_tui.log import LogUnavailable, TrainingLog

    if not args.session.isascii() or not args.session.isdigit() or len(args.session) > 18:
        raise _refuse("--session", f"expected a session number from warmup history --json, "
                      f"got {quoted(args.session)}")
    number = int(args.session)
    try:
        with TrainingLog.open(on_notice=warn) as log:
            row = log.session(number)
            segments = log.segments(number) if row is not None else []
    except LogUnavailable as error:
        raise _refuse("--session", str(error)) from None
    if row is None:
        raise _refuse("--session", f"no session {number} in the training log")
    try:
        data = activity_fit(row, segments)
    except ValueError as error:
        raise _refuse("--session", f"session {number} has nothing to export: {error}") from None
    if row.is_preview:
        warn(f"session {number} was a --speed {row.speed:g} preview: its laps are in "
             "session time, not the time it took")
    _save(Path(args.fit), data)
    print(f"Saved session {number} ({shown(row.routine_name)}) to "
          f"{shown(display_path(args.fit))} as a FIT activity")
    return 0
