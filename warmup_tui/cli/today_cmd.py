"""``warmup today``: the pre-run warmup, then the next session of the runner's programme.

Headless (``--plain``/``--json``) runs the two back to back; the programme session is
recorded in the training log with its programme and session key, so the programme moves
on (previews at ``--speed`` are logged but never count as done).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from warmup_tui.cli.program_cmd import log_progress
from warmup_tui.cli.run_cmd import EXIT_INTERRUPTED, add_session_options, headless_sinks
from warmup_tui.clock import make_clock
from warmup_tui.headless import run_headless
from warmup_tui.program_today import load_today
from warmup_tui.run_plan import PlannedRun


def register(commands: Any) -> None:
    today = commands.add_parser(
        "today", help="warm up, then run the next session of your programme")
    add_session_options(today)
    today.set_defaults(func=run_today)


def _notice(message: str) -> None:
    print(f"warmup: {message}", file=sys.stderr)


def run_today(args: argparse.Namespace) -> int:
    with log_progress() as progress:
        plan, problems = load_today(progress)
    for problem in problems:
        _notice(str(problem))
    if plan.maintenance:
        _notice(f"{plan.programme.name} is complete; today repeats its last session")
    runs = plan.runs()
    if not (args.plain or args.json):
        from warmup_tui.cli.app_cmd import open_runs

        return open_runs(runs, args)
    return run_planned_headless(runs, args)


def run_planned_headless(runs: list[PlannedRun], args: argparse.Namespace) -> int:
    """Each run in turn, with no pause between them, each recorded in the training log."""
    from warmup_tui.log import LogRecorder

    try:
        for number, run in enumerate(runs):
            if number and args.plain:
                print(f"{runs[number - 1].name} done. Next: {run.describe()}", flush=True)
            # record=False: this recorder, which knows the programme session, is the only
            # one writing this run to the log. The segments still go, so the voice
            # renders this run's phrases before they are due.
            sinks = headless_sinks(args, run.routine_id, list(run.segments), record=False)
            recorder = LogRecorder(run.routine_id, run.segments, routine_name=run.name,
                                   programme_id=run.programme_id,
                                   programme_session=run.programme_session,
                                   speed=args.speed, on_notice=_notice)
            try:
                run_headless(list(run.segments), make_clock(args.speed), [*sinks, recorder])
            finally:
                recorder.close()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return 0
