"""Hand editing: finding the user's text editor and running it on a routine file."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from warmup_tui.common.problems import Problem, ProblemsError

# Tried in order when neither VISUAL nor EDITOR is set.
FALLBACK_EDITORS = ("nano", "vim", "vi")
NO_EDITOR = "no text editor found: set EDITOR, for example: export EDITOR=nano"


def find_editor(env: Mapping[str, str] | None = None) -> list[str]:
    """The editor command as a list: $VISUAL, then $EDITOR (either may carry arguments,
    such as "code --wait"), then the first of nano, vim, vi on PATH.
    ProblemsError with one line saying what to set when there is none."""
    env = os.environ if env is None else env
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                command = shlex.split(value)
            except ValueError:
                raise ProblemsError([Problem(name, f"cannot be read as a command: {value}")]) \
                    from None
            if command:
                return command
    for candidate in FALLBACK_EDITORS:
        found = shutil.which(candidate, path=env.get("PATH"))
        if found:
            return [found]
    raise ProblemsError([Problem("warmup", NO_EDITOR)])


def run_editor(command: list[str], path: Path) -> int:
    """Runs the editor on ``path`` in the foreground and returns its exit status."""
    try:
        return subprocess.run([*command, str(path)], check=False).returncode
    except FileNotFoundError:
        raise ProblemsError([Problem(command[0], "the editor was not found; "
                                     "check VISUAL or EDITOR")]) from None
    except OSError as error:
        raise ProblemsError([Problem(command[0], f"the editor could not start: "
                                     f"{error.strerror}")]) from None
