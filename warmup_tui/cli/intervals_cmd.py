"""``warmup intervals``: a run-walk session straight from the command line, no file needed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from warmup_tui.cli.number_options import whole_option
from warmup_tui.cli.run_cmd import add_session_options
from warmup_tui.common.durations import DurationError, format_duration, parse_duration
from warmup_tui.common.problems import Problem, ProblemsError
from warmup_tui.common.value_text import quoted
from warmup_tui.engine.timeline import build_timeline
from warmup_tui.routines.model import Routine, RunWalk
from warmup_tui.routines.schema import CADENCE_RANGE, MAX_REPEATS
from warmup_tui.routines.size import routine_size, size_problem
from warmup_tui.runs.plan import PlannedRun

ROUTINE_ID = "intervals"


def register(commands: Any) -> None:
    quick = commands.add_parser(
        "intervals", help="a run-walk session from options alone, such as --run 1m --walk 2m")
    quick.add_argument("--run", type=_duration(zero=False), required=True, metavar="TIME",
                       help="length of each run, such as 1m, 90s or 1m30s")
    quick.add_argument("--walk", type=_duration(zero=True), default=0.0, metavar="TIME",
                       help="length of each walk after a run; default none")
    quick.add_argument("--repeats", type=whole_option(1, MAX_REPEATS), required=True, metavar="N",
                       help="how many times to run (and walk)")
    quick.add_argument("--warmup", type=_duration(zero=True), default=0.0, metavar="TIME",
                       help="a brisk walk before the first run; default none")
    quick.add_argument("--cooldown", type=_duration(zero=True), default=0.0, metavar="TIME",
                       help="an easy walk after the last interval; default none")
    quick.add_argument("--cadence", type=whole_option(*CADENCE_RANGE), metavar="SPM",
                       help="steps per minute for the metronome during runs")
    add_session_options(quick)
    quick.set_defaults(func=run_intervals)


def quick_routine(args: argparse.Namespace) -> Routine:
    """The options as a routine with one ``[runwalk]`` block, the same as a file holding it."""
    walk = f" / walk {format_duration(args.walk)}" if args.walk else ""
    return Routine(
        name=f"Run {format_duration(args.run)}{walk} x {args.repeats}",
        runwalk=RunWalk(run=args.run, repeats=args.repeats, walk=args.walk,
                        warmup=args.warmup, cooldown=args.cooldown, cadence=args.cadence),
    )


def run_intervals(args: argparse.Namespace) -> int:
    routine = quick_routine(args)
    too_big = size_problem(routine_size(routine))
    if too_big is not None:  # checked before build_timeline, as for a routine file
        raise ProblemsError([Problem("warmup intervals", too_big)])
    runs = [PlannedRun(ROUTINE_ID, routine.name, tuple(build_timeline(routine)))]
    if args.plain or args.json:
        from warmup_tui.cli.headless_runs import run_planned

        return run_planned(runs, args)
    from warmup_tui.cli.app_cmd import open_runs

    return open_runs(runs, args)


def _duration(*, zero: bool) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            seconds = parse_duration(text)
        except DurationError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        if seconds < 0 or (seconds == 0 and not zero):
            floor = "zero or more" if zero else "more than zero"
            raise argparse.ArgumentTypeError(f"must be {floor} seconds, got {quoted(text)}")
        return seconds

    return parse


