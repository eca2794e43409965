"""One shape for every complaint about user input: where it is, and what is wrong."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from warmup_tui.common.terminal_text import shown


@dataclass(frozen=True)
class Problem:
    """A single thing wrong with a file the user wrote.

    Rendered as ``FILE:LINE: key.path: message``; line and key are left out when unknown.
    The rendering is always one line safe for a terminal: a file name, key or value from
    the file that carries control characters shows them written out (``terminal_text``).
    """

    file: str
    message: str
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.key:
            return shown(f"{where}: {self.key}: {self.message}")
        return shown(f"{where}: {self.message}")


class ProblemsError(Exception):
    """Raised when input cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path | str) -> str:
    """The path as the user most likely typed it: relative to the working folder when inside it."""
    p = Path(path)
    # abspath, not resolve: the name the user gave is kept even when it is a symlink
    # (a dangling or looping link is then reported under its own name, not its target's).
    try:
        return str(Path(os.path.abspath(p)).relative_to(os.getcwd()))
    except (ValueError, OSError):
        return str(p)
