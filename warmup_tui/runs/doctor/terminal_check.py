"""The terminal the app would draw in, and the versions that matter when reporting a bug."""

from __future__ import annotations

import os
import platform
import sqlite3
from collections.abc import Mapping
from importlib import metadata

from warmup_tui import __version__
from warmup_tui.runs.doctor.findings import Finding

MIN_COLUMNS, MIN_ROWS = 60, 20  # the footer fits 60 columns; the countdown needs rows


def check_terminal(env: Mapping[str, str] | None = None) -> Finding:
    env = os.environ if env is None else env
    size = _size()
    colours = colour_support(env)
    data: dict[str, object] = {
        "term": env.get("TERM"), "colorterm": env.get("COLORTERM"),
        "no_color": bool(env.get("NO_COLOR")), "colours": colours,
        "columns": size[0] if size else None, "rows": size[1] if size else None,
    }
    lines = [f"TERM is {env.get('TERM') or 'not set'}; colours: {_colour_words(colours)}"]
    if size is None:
        lines.append("not run in a terminal here, so its size is unknown; the app needs one "
                     f"of at least {MIN_COLUMNS}x{MIN_ROWS}")
        return Finding("terminal", True, tuple(lines), data)
    columns, rows = size
    ok = columns >= MIN_COLUMNS and rows >= MIN_ROWS
    lines.append(f"the terminal is {columns}x{rows}" + (
        "" if ok else f"; make it at least {MIN_COLUMNS}x{MIN_ROWS} so the screen fits"))
    return Finding("terminal", ok, tuple(lines), data)


def colour_support(env: Mapping[str, str]) -> str:
    """"none" (NO_COLOR, or a dumb terminal), "16", "256" or "truecolor"."""
    term = env.get("TERM", "")
    if env.get("NO_COLOR") or term in ("", "dumb"):
        return "none"
    if env.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return "truecolor"
    return "256" if "256color" in term else "16"


def _colour_words(colours: str) -> str:
    return {"none": "none (NO_COLOR is set, or the terminal is dumb); shapes and words "
                    "still tell the phases apart",
            "truecolor": "millions", "256": "256", "16": "16"}[colours]


def _size() -> tuple[int, int] | None:
    for fd in (1, 2, 0):
        try:
            size = os.get_terminal_size(fd)
        except OSError:
            continue
        return size.columns, size.lines
    return None


def check_versions() -> Finding:
    versions = {"warmup": __version__, "python": platform.python_version(),
                "textual": _installed("textual"), "simpleaudio": _audio_library(),
                "sqlite": sqlite3.sqlite_version, "system": platform.platform(terse=True)}
    line = ", ".join(f"{name} {value or 'not installed'}" for name, value in versions.items())
    return Finding("versions", True, (line,), versions)


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _audio_library() -> str | None:
    # Either build of it: the upstream one or the patched one this project installs.
    return _installed("simpleaudio") or _installed("simpleaudio-patched")
