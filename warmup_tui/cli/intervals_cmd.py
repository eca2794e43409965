"""``warmup intervals``: a run-walk session straight from the command line, no file needed."""

from __future__ import annotations

import argparse

from warmup_tui.common.durations import format_duration
from warmup_tui.common.problems import Problem, ProblemsError
from warmup_tui.engine.timeline import build_timeline
from warmup_tui.routines.model import Routine, RunWalk
from warmup_tui.routines.size import routine_size, size_problem
from warmup_tui.runs.fixes import fixes_after_sore_run
from warmup_tui.runs.plan import PlannedRun

ROUTINE_ID = "intervals"


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
    runs = fixes_after_sore_run([PlannedRun(ROUTINE_ID, routine.name,
                                            tuple(build_timeline(routine)))])
    if args.plain or args.json:
        from warmup_tui.cli.headless_runs import run_planned

        return run_planned(runs, args)
    from warmup_tui.cli.app_cmd import open_runs

    return open_runs(runs, args)
