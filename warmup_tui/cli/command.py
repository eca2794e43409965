"""A command's function, named by its module and imported only when the command runs."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a session's line is read without argparse (see session_line)
    import argparse
    import types
    from typing import TypeAlias

    # A parsed command line: argparse's, or session_line's reading of a session's line.
    Options: TypeAlias = argparse.Namespace | types.SimpleNamespace


class Command:
    """A command's function, imported when it runs: ``Command("run_cmd", "run_routine")``."""

    def __init__(self, module: str, function: str) -> None:
        self.module = f"warmup_tui.cli.{module}"
        self.function = function

    def __call__(self, args: Options) -> int:
        run = getattr(importlib.import_module(self.module), self.function)
        result: int = run(args)
        return result
