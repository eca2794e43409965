"""Reading routine files from disk and writing them back safely."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from warmup_tui.common.checker import Checker
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.safe_write import write_atomic
from warmup_tui.common.toml_lines import key_lines, parse_toml
from warmup_tui.common.user_file import read_user_text
from warmup_tui.routines.model import Routine, routine_to_dict
from warmup_tui.routines.schema import build_routine


@dataclass(frozen=True)
class LoadedRoutine:
    """A routine together with the file it came from and the text as read."""

    routine: Routine
    path: Path
    text: str


def read_text(path: Path) -> str:
    """The file's text, or :class:`ProblemsError` with one line saying why it can't be read."""
    text = read_user_text(path, "routine file")
    if not text.strip():
        raise ProblemsError([Problem(display_path(path),
                                     "is empty; a routine needs at least a name and steps")])
    return text


def parse_routine(text: str, file: str) -> Routine:
    """A routine from TOML text; every problem is raised at once in a :class:`ProblemsError`."""
    data = parse_toml(text, file)
    checker = Checker(file, key_lines(text))
    routine = build_routine(data, checker)
    if routine is None:
        raise ProblemsError(checker.problems)
    return routine


def load_routine(path: Path) -> LoadedRoutine:
    """Read and check one routine file."""
    path = Path(path)
    text = read_text(path)
    return LoadedRoutine(parse_routine(text, display_path(path)), path, text)


def routine_to_toml(routine: Routine) -> str:
    return tomli_w.dumps(routine_to_dict(routine))


def has_comments(text: str) -> bool:
    """Whether hand-written TOML holds comments that a save through tomli-w would drop."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return "#" in text
    # A '#' outside strings starts a comment; strip quoted text and look again.
    unquoted = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\])*"|\'[^\']*\'', "", text)
    return "#" in unquoted


def save_routine(routine: Routine, path: Path) -> None:
    """Write atomically, keeping the previous file as ``NAME.toml.bak``."""
    write_atomic(Path(path), routine_to_toml(routine))
