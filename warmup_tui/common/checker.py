"""The generic checker: reads values out of a parsed TOML file and collects one problem,
with its line, for each value that is missing, of the wrong kind or out of range.

Routines, programmes and the settings file all read their data through it.
"""

from __future__ import annotations

import difflib
from typing import Any

from warmup_tui.common.durations import DurationError, parse_duration
from warmup_tui.common.problems import Problem
from warmup_tui.common.toml_lines import line_of
from warmup_tui.common.value_text import shown_value


class Checker:
    """Collects problems for one file while values are read out of its data."""

    def __init__(self, file: str, lines: dict[str, int]) -> None:
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def add(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, message, line_of(self.lines, key), key or None))

    def unknown_keys(self, data: dict[str, Any], allowed: tuple[str, ...], prefix: str) -> None:
        for key in data:
            if key in allowed:
                continue
            path = f"{prefix}.{key}" if prefix else key
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close:
                hint = f'; did you mean "{close[0]}"?'
            else:
                hint = f"; known keys: {', '.join(allowed)}"
            self.add(path, f"unknown key{hint}")

    def text(self, data: dict[str, Any], key: str, path: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.add(path, "missing; every routine and step needs a name")
            return ""
        if not isinstance(value, str):
            self.add(path, f"expected text in quotes, got {kind_of(value)}")
            return ""
        if required and not value.strip():
            self.add(path, "must not be empty")
        return value

    def duration(
        self, data: dict[str, Any], key: str, path: str, *, allow_zero: bool = False
    ) -> float | None:
        if key not in data:
            return None
        try:
            seconds = parse_duration(data[key])
        except DurationError as error:
            self.add(path, str(error))
            return None
        if seconds < 0 or (seconds == 0 and not allow_zero):
            floor = "zero or more" if allow_zero else "more than zero"
            self.add(path, f"must be {floor} seconds, got {shown_value(data[key])}")
            return None
        return seconds

    def whole(self, data: dict[str, Any], key: str, path: str, low: int, high: int) -> int | None:
        if key not in data:
            return None
        value = data[key]
        # A bool is an int in Python, and 2.0 is not how a count is written.
        if type(value) is not int or not low <= value <= high:
            self.add(path, f"expected a whole number from {low} to {high}, "
                     f"got {shown_value(value)}")
            return None
        return value

    def format_version(self, data: dict[str, Any], version: int, what: str) -> None:
        """``format``, when given, must be exactly ``version``: not ``true``, not ``1.0``."""
        if "format" not in data:
            return
        value = data["format"]
        # A bool is an int and 1.0 == 1 in Python; neither is how the format is written.
        if type(value) is not int or value != version:
            self.add("format", f"this app reads {what} format {version}, "
                     f"got {shown_value(value)}")

    def text_list(self, data: dict[str, Any], key: str, path: str, what: str) -> tuple[str, ...]:
        if key not in data:
            return ()
        value = data[key]
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(item, str) and item.strip() for item in value)
        ):
            self.add(path, f'expected a non-empty list of text, such as {what}')
            return ()
        return tuple(value)

    def table(self, value: Any, path: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.add(path, f"expected a table, got {kind_of(value)}")
        return None


def kind_of(value: object) -> str:
    names: dict[type, str] = {
        bool: "true/false", int: "a number", float: "a number", str: "text",
        list: "a list", dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
