"""Changing one setting in the user's settings file, keeping every other line and comment:
the file is the user's, so only the one value changes (or its line is added)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from warmup_tui.common.config import DEFAULT_CONFIG
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.safe_write import write_atomic
from warmup_tui.common.toml_lines import parse_toml
from warmup_tui.common.user_file import exists, read_user_text

_HEADER = re.compile(r"[ \t]*\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\][ \t]*(#.*)?")
_ANY_HEADER = re.compile(r"[ \t]*\[")
# key = "text" / 'text' / bare value, then anything (a comment) kept as written
_VALUE = r"(\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^#\s]*)"


def with_setting(text: str, table: str, key: str, value: str) -> str:
    """``text`` with ``key`` in ``[table]`` set to the string ``value``."""
    lines = text.splitlines(keepends=True)
    wanted = f"{key} = {json.dumps(value)}"
    header = next((i for i, line in enumerate(lines)
                   if (found := _HEADER.fullmatch(line.rstrip("\r\n")))
                   and found.group(1) == table), None)
    if header is None:
        ending = "" if not text or text.endswith("\n") else "\n"
        return f"{text}{ending}\n[{table}]\n{wanted}\n"
    assignment = re.compile(rf"([ \t]*{re.escape(key)}[ \t]*=[ \t]*){_VALUE}(.*)", re.DOTALL)
    for index in range(header + 1, len(lines)):
        if _ANY_HEADER.match(lines[index]):
            break
        found = assignment.fullmatch(lines[index])
        if found:
            lines[index] = f"{found.group(1)}{json.dumps(value)}{found.group(3)}"
            return "".join(lines)
    lines.insert(header + 1, wanted + "\n")
    return "".join(lines)


def write_setting(path: Path, table: str, key: str, value: str) -> None:
    """Set one string setting in the file at ``path`` (made from the commented defaults when
    there is none). A link (into a dotfiles folder) is written through, and stays a link.
    Raises ProblemsError, and changes nothing, when the result would not read back."""
    text = read_user_text(path, "settings file") if exists(path) else DEFAULT_CONFIG
    changed = with_setting(text, table, key, value)
    shown = display_path(path)
    try:
        data = parse_toml(changed, shown)
    except ProblemsError:
        data = {}
    section = data.get(table)
    if not isinstance(section, dict) or section.get(key) != value:
        raise ProblemsError([Problem(shown, f"cannot set {table}.{key} here without "
                                     "rewriting your lines; set it by hand")])
    write_atomic(path.resolve() if path.is_symlink() else path, changed)
