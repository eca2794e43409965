"""One shape for every complaint about user input: where it is, and what is wrong."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """A single thing wrong with a file the user wrote.

    Rendered as ``FILE:LINE: key.path: message``; line and key are left out when unknown.
    """

    file: str
    message: str
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.key:
            return f"{where}: {_shown(self.key)}: {_shown(self.message)}"
        return f"{where}: {_shown(self.message)}"


def _shown(text: str) -> str:
    """Control characters from a file (an escape sequence as a key's name, a line break)
    are written out as ``\\x1b``, never sent to the terminal, and the line stays one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


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
