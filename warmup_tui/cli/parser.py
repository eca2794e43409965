"""The command line's parser: every command's options, registered by its own module."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, NoReturn

from warmup_tui import VERSION
from warmup_tui.common.terminal_text import shown


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


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; given the ``command`` a line starts with, only that command's options
    are set up: the others' would cost a session's first frame some milliseconds, and a
    command's parser reads and shows the same with or without them."""
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
    for register in commands_registry.registrars_for(command):
        register(commands)
    return parser
