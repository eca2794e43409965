"""Parses the command line and hands over to a command; no traceback ever reaches the user."""

from __future__ import annotations

import gc
import sys
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING

from warmup_tui import VERSION
from warmup_tui.common import paths, signals
from warmup_tui.common.cannot_write import CannotWrite
from warmup_tui.common.problems import ProblemsError
from warmup_tui.common.terminal_text import shown

if TYPE_CHECKING:  # argparse loads only for lines session_line does not read
    from warmup_tui.cli.command import Options

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_CANNOT_WRITE = 1


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command line; the signal handlers are already installed (``__main__``)."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["--version"]:
        print(VERSION)  # argparse's answer, without loading every command first
        return EXIT_OK
    args = _parsed(words)
    try:
        if args is None or args.func is None:
            from warmup_tui.cli.app_cmd import open_home

            return open_home(args)  # collects garbage again from its first frame
        if not _session_on_screen(args):
            gc.enable()  # held back by __main__ while the command line loaded
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


def _session_on_screen(args: Options) -> bool:
    """A session shown in the app (a command with --plain and --json, given neither): it
    collects no garbage until its first frame (the app turns collection back on then)."""
    return hasattr(args, "plain") and not (args.plain or args.json)


def _parsed(words: list[str]) -> Options | None:
    """The parsed command line; None for a bare ``warmup``, which opens home: importing
    argparse and building a parser would only delay its first frame (no options, so each
    setting takes its default). The usual session line is read without argparse, which
    would stay in its memory; otherwise only the command the line names is set up."""
    if not words:
        return None
    from warmup_tui.cli.session_line import session_line

    session = session_line(words)
    if session is not None:
        return session
    from warmup_tui.cli.parser import build_parser

    return build_parser(words[0]).parse_args(words)
