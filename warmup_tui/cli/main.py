"""Parses the command line and hands over to a command; no traceback ever reaches the user."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from warmup_tui import VERSION
from warmup_tui.common import paths, signals
from warmup_tui.common.cannot_write import CannotWrite
from warmup_tui.common.problems import ProblemsError
from warmup_tui.common.terminal_text import shown

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_CANNOT_WRITE = 1


class _Parser(argparse.ArgumentParser):
    """argparse, with its complaints made safe to show: it echoes some arguments as typed
    ("unrecognized arguments: ..."). Sub-command parsers are made of the same class."""

    def __init__(self, *args: Any, epilog_from: Callable[[], str] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A long epilog from a command's own module, read only when help is shown.
        self.epilog_from = epilog_from

    def error(self, message: str) -> NoReturn:
        super().error(shown(message))

    def format_help(self) -> str:
        if self.epilog_from is not None:
            self.epilog = self.epilog_from()
        return super().format_help()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="warmup",
        description="A guided pre-run warmup and run-walk interval timer. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=VERSION)
    parser.set_defaults(func=None)
    # Imported here, not at the top: --version answers before any command is known (see
    # main). The registry loads a command's own module only when that command runs.
    from warmup_tui.cli import commands_registry

    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for register in commands_registry.REGISTRARS:
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command line; the signal handlers are already installed (``__main__``)."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["--version"]:
        print(VERSION)  # argparse's answer, without loading every command first
        return EXIT_OK
    # A bare ``warmup`` opens home: building every command's parser would only delay its
    # first frame (no options, so each setting takes its default).
    args = build_parser().parse_args(words) if words else argparse.Namespace(func=None)
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
    except CannotWrite as error:  # the disk's fault, not the input's
        print(f"warmup: {error}", file=sys.stderr)
        return EXIT_CANNOT_WRITE
    except KeyboardInterrupt as stop:  # a signal, or Ctrl+C: 128 + its number
        return signals.exit_code(stop)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the last line of defence: one line, details to a file
        if signals.received() is not None:
            # The signal's exception, wrapped on its way up (Python turns one raised while
            # a class is made into a RuntimeError): this is the signal's exit, not a fault.
            return signals.exit_code()
        report = paths.cache_dir() / "last-error.txt"
        try:
            report.parent.mkdir(parents=True, exist_ok=True)
            report.write_text(traceback.format_exc(), encoding="utf-8")
            where = f" (details in {report})"
        except OSError:
            where = ""
        print(shown(f"warmup: something went wrong: {error}{where}"), file=sys.stderr)
        return 1
