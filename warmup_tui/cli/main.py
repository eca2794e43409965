"""Parses the command line and hands over to a command; no traceback ever reaches the user."""

from __future__ import annotations

import argparse
import signal
import sys
import traceback
from collections.abc import Sequence
from types import FrameType
from typing import NoReturn

from warmup_tui import __version__, paths
from warmup_tui.cli import commands_registry
from warmup_tui.problems import ProblemsError
from warmup_tui.terminal_text import shown

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    """argparse, with its complaints made safe to show: it echoes some arguments as typed
    ("unrecognized arguments: ..."). Sub-command parsers are made of the same class."""

    def error(self, message: str) -> NoReturn:
        super().error(shown(message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="warmup",
        description="A guided pre-run warmup and run-walk interval timer. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"warmup-tui {__version__}")
    parser.set_defaults(func=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for register in commands_registry.REGISTRARS:
        register(commands)
    return parser


def _interrupt(signum: int, frame: FrameType | None) -> None:
    # SIGTERM and SIGHUP end a headless run the same way Ctrl+C does.
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.func is None:
            from warmup_tui.cli.app_cmd import open_home

            return open_home(args)
        result: int = args.func(args)
        return result
    except ProblemsError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the last line of defence: one line, details to a file
        report = paths.cache_dir() / "last-error.txt"
        try:
            report.parent.mkdir(parents=True, exist_ok=True)
            report.write_text(traceback.format_exc(), encoding="utf-8")
            where = f" (details in {report})"
        except OSError:
            where = ""
        print(shown(f"warmup: something went wrong: {error}{where}"), file=sys.stderr)
        return 1
