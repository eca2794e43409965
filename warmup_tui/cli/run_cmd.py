"""``warmup run``: a guided session, on screen or headless (``--plain`` / ``--json``)."""

from __future__ import annotations

import argparse
from typing import Any

from warmup_tui.cli.number_options import decimal_option
from warmup_tui.routines.library import Library
from warmup_tui.runs.plan import plan_with_chain, planned_run


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
    parser.add_argument("--speed", type=speed_option, default=1.0, metavar="N",
                        help="run the session clock N times faster (preview); default 1")
    parser.add_argument("--mute", action="store_true", help="no sound")
    parser.add_argument("--voice", action=argparse.BooleanOptionalAction, default=None,
                        help="speak each step's name (default: on when a speech engine "
                             "such as espeak-ng is installed)")


MIN_SPEED = 0.01
MAX_SPEED = 1000.0

# ``--speed``: a number from 0.01 to 1000. The floor keeps every wait (at most a 24-hour
# segment, stretched) within what the clock and sleep() can count; 1e-300 overflowed them.
speed_option = decimal_option(MIN_SPEED, MAX_SPEED)


def run_routine(args: argparse.Namespace) -> int:
    library = Library()
    entry = library.resolve(args.routine)
    if args.plain or args.json:
        from warmup_tui.cli.headless_runs import run_planned

        runs = plan_with_chain(library, entry) if args.chain else [planned_run(entry)]
        return run_planned(runs, args)
    from warmup_tui.cli.app_cmd import open_session

    return open_session(entry, args)
