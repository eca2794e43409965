"""``warmup run``: a guided session, on screen or headless (``--plain`` / ``--json``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from warmup_tui.clock import make_clock
from warmup_tui.events import EventSink
from warmup_tui.headless import JsonLines, PlainLines, run_headless
from warmup_tui.library import Entry, Library
from warmup_tui.problems import Problem, ProblemsError
from warmup_tui.timeline import Segment, build_timeline

EXIT_INTERRUPTED = 130


def register(commands: Any) -> None:
    run = commands.add_parser("run", help="run a routine, guided step by step")
    run.add_argument("routine", help="routine name or path to a .toml file")
    add_session_options(run)
    run.add_argument("--chain", action="store_true",
                     help="headless: carry on into the routine named by 'then'")
    run.set_defaults(func=run_routine)


def add_session_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that runs a session."""
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--plain", action="store_true", help="no screen: one line per event")
    mode.add_argument("--json", action="store_true", help="no screen: one JSON object per event")
    parser.add_argument("--speed", type=_speed, default=1.0, metavar="N",
                        help="run the session clock N times faster (preview); default 1")
    parser.add_argument("--mute", action="store_true", help="no sound")
    parser.add_argument("--voice", action=argparse.BooleanOptionalAction, default=None,
                        help="speak each step's name (default: on when a speech engine "
                             "such as espeak-ng is installed)")


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError("expected a number above 0 and at most 1000")
    return value


def run_routine(args: argparse.Namespace) -> int:
    library = Library()
    entry = library.resolve(args.routine)
    if args.plain or args.json:
        return run_entries_headless(_chain(library, entry) if args.chain else [entry], args)
    from warmup_tui.cli.app_cmd import open_session

    return open_session(entry, args)


def _chain(library: Library, first: Entry) -> list[Entry]:
    entries = [first]
    while entries[-1].routine and entries[-1].routine.then:
        entries.append(library.resolve(entries[-1].routine.then))
    return entries


def headless_sinks(args: argparse.Namespace, routine_id: str,
                   segments: list[Segment] | None = None, *,
                   record: bool = True) -> list[EventSink]:
    """The output sink for ``--plain``/``--json``, plus sound unless muted, plus the
    training log when ``segments`` are given and ``record`` (a caller that records the
    run itself passes False, and still gives the segments so the voice is prepared)."""
    out: EventSink = (JsonLines(sys.stdout, routine_id) if args.json
                      else PlainLines(sys.stdout, routine_id))
    from warmup_tui.audio.headless import headless_cue_sounds

    sound = headless_cue_sounds(mute=args.mute)
    # Sound first: a cue should start before the line describing it is written.
    sinks = [out] if sound is None else [sound, out]
    from warmup_tui.audio.voice_headless import headless_voice

    voice = headless_voice(sound, args.voice, segments)
    if voice is not None:
        sinks.insert(1, voice)  # after the cue sink: the words follow the tone
    from warmup_tui.log.headless import headless_recorder

    return sinks + headless_recorder(args, routine_id, segments if record else None)


def run_segments_headless(routine_id: str, segments: list[Segment],
                          args: argparse.Namespace) -> None:
    sinks = headless_sinks(args, routine_id, segments)
    run_headless(segments, make_clock(args.speed), sinks)


def run_entries_headless(entries: list[Entry], args: argparse.Namespace) -> int:
    try:
        for entry in entries:
            if entry.routine is None:
                raise ProblemsError([Problem(entry.id, "cannot be loaded")])
            run_segments_headless(entry.id, build_timeline(entry.routine), args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return 0
