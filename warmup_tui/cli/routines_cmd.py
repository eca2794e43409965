"""``warmup list``, ``warmup show`` and ``warmup validate``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from warmup_tui.common.durations import format_clock
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.terminal_text import shown, shown_lines
from warmup_tui.engine.timeline import Segment, build_timeline, total_seconds
from warmup_tui.routines.library import Entry, Library
from warmup_tui.routines.schema import THEN_PROGRAMME
from warmup_tui.runs.headless import segment_title

EXIT_INVALID = 2


def list_routines(args: argparse.Namespace) -> int:
    entries = Library().entries()
    if args.json:
        print(json.dumps([_entry_json(entry) for entry in entries], indent=2))
        return 0
    width = max((len(shown(entry.id)) for entry in entries), default=4)
    for entry in entries:
        name = shown(entry.id)
        if entry.routine is None:
            problem = entry.problems[0] if entry.problems else "cannot be loaded"
            print(f"{name:<{width}}  {entry.source:<7}  {'--':>7}  ! {problem}")
            continue
        total = format_clock(total_seconds(build_timeline(entry.routine)))
        print(f"{name:<{width}}  {entry.source:<7}  {total:>7}  "
              f"{shown(entry.routine.name)}: {shown(entry.routine.description)}".rstrip(": "))
    return 0


def _entry_json(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {"id": entry.id, "source": entry.source, "path": str(entry.path)}
    if entry.routine is None:
        data.update(name=None, total_seconds=None, description=None,
                    errors=[str(p) for p in entry.problems])
    else:
        data.update(
            name=entry.routine.name,
            total_seconds=total_seconds(build_timeline(entry.routine)),
            description=entry.routine.description,
            errors=[],
        )
    return data


def show_routine(args: argparse.Namespace) -> int:
    entry = Library().resolve(args.routine)
    assert entry.routine is not None
    segments = build_timeline(entry.routine)
    if args.json:
        print(json.dumps(timeline_json(entry, segments), indent=2))
        return 0
    print(f"{shown(entry.routine.name)} ({shown(entry.id)}, {entry.source})")
    if entry.routine.description:
        print(shown_lines(entry.routine.description))
    print()
    for seg in segments:
        reps = f"{seg.reps} reps" if seg.reps else ""
        print(f"{seg.index + 1:>3}  {seg.kind:<8}  {format_clock(seg.duration):>6}  "
              f"{reps:<8}  {shown(segment_title(seg))}")
    count = f"{len(segments)} segment" + ("" if len(segments) == 1 else "s")
    print(f"\nTotal {format_clock(total_seconds(segments))} in {count}"
          + (f"; then {_then_words(entry.routine.then)}" if entry.routine.then else ""))
    return 0


def _then_words(then: str) -> str:
    return "your programme's next session" if then == THEN_PROGRAMME else shown(then)


def timeline_json(entry: Entry, segments: list[Segment]) -> dict[str, Any]:
    assert entry.routine is not None
    return {
        "id": entry.id,
        "name": entry.routine.name,
        "source": entry.source,
        "path": str(entry.path),
        "then": entry.routine.then,
        "total_seconds": total_seconds(segments),
        "segments": [seg.to_json() for seg in segments],
    }


def validate_files(args: argparse.Namespace) -> int:
    library = Library()
    problems: list[Problem] = []
    for ref in args.files:
        try:
            entry = library.resolve(ref)
            print(f"{shown(display_path(entry.path))}: ok")
        except ProblemsError as error:
            problems.extend(error.problems)
    if problems:
        raise ProblemsError(problems)
    return 0
