"""Finds the line a key sits on in TOML text, so schema errors can point at it.

tomllib returns plain dicts with no positions; this scanner covers the shapes our
files use (top-level keys, ``[table]`` and ``[[array]]`` headers) and gives up
quietly on anything else, in which case the error names the file alone.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from warmup_tui.common.problems import Problem, ProblemsError

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(?:#.*)?$")
_PARSER_POSITION = re.compile(r"\(at line (\d+), column \d+\)")
_PART = r"(?:\"(?:\\.|[^\"\\])*\"|'[^']*'|[A-Za-z0-9_\-]+)"
# A key, dotted ones included: ``volume``, ``"a b"``, ``sound.volume``.
_KEY = re.compile(rf"^\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")


def key_lines(text: str) -> dict[str, int]:
    """Map of key paths ("name", "steps[1].reps", "runwalk") to 1-based line numbers."""
    lines: dict[str, int] = {}
    table = ""
    counters: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(raw)
        if header:
            name = _nested(header.group(2).strip().strip("\"'"), counters)
            if header.group(1) == "[[":
                index = counters.get(name, -1) + 1
                counters[name] = index
                table = f"{name}[{index}]"
            else:
                table = name
            lines.setdefault(table, number)
            continue
        key = _KEY.match(raw)
        if key:
            path = table
            for part in re.findall(_PART, key.group(1)):  # a.b.c also places a and a.b
                path = f"{path}.{_key_name(part)}" if path else _key_name(part)
                lines.setdefault(path, number)
    return lines


def _key_name(part: str) -> str:
    """The key a TOML key token stands for: quotes removed, escapes (``"\\u005b"``) read."""
    if part.startswith('"'):
        try:
            return str(tomllib.loads(f"k = {part}")["k"])
        except tomllib.TOMLDecodeError:
            return part.strip('"')
    return part.strip("'")


def _nested(name: str, counters: dict[str, int]) -> str:
    """``weeks.sessions`` inside the third ``[[weeks]]`` is ``weeks[2].sessions``."""
    *parents, last = name.split(".")
    path = ""
    for part in parents:
        path = f"{path}.{part}" if path else part
        if path in counters:
            path = f"{path}[{counters[path]}]"
    return f"{path}.{last}" if path else last


def line_of(lines: dict[str, int], path: str) -> int | None:
    """The line for ``path``, or for the nearest enclosing table that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = _parent(path)
    return None


def _parent(path: str) -> str:
    """``steps[1].reps`` -> ``steps[1]`` -> ``steps`` -> ``""``; always shorter, so a key
    holding ``[`` or ``.`` itself cannot keep :func:`line_of` going round."""
    index = re.search(r"\[\d+\]$", path)
    if index:
        return path[: index.start()]
    return path.rpartition(".")[0]


def parse_toml(text: str, file: str) -> dict[str, Any]:
    """The data in TOML text, or a :class:`ProblemsError` whose one line carries the
    parser's line number in our ``FILE:LINE: message`` form."""
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _PARSER_POSITION.search(message)
        line = int(match.group(1)) if match else None
        message = _PARSER_POSITION.sub("", message).strip()
        raise ProblemsError([Problem(file, f"not valid TOML: {message}", line=line)]) from None
    except RecursionError:  # arrays or tables nested thousands deep
        raise ProblemsError([Problem(file, "arrays or tables are nested too deeply "
                                     "to read")]) from None
    except ValueError:  # not a TOMLDecodeError: an integer Python will not read (4300+ digits)
        raise ProblemsError([Problem(file, "holds a number thousands of digits long; "
                                     "too long to read")]) from None
