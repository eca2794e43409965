"""A value from a user's file or command line, as a one-line message may quote it.

Messages quote what the user wrote so they can find it, but a file may hold anything: a
400-digit number (whose ``str`` Python refuses past 4300 digits), a megabyte of text, or
control characters that would act on the terminal. These helpers keep the quote short,
printable and in the file's own spelling (``true``, not ``True``).
"""

from __future__ import annotations

MAX_SHOWN_CHARS = 40
MAX_SHOWN_DIGITS = 15


def quoted(text: str) -> str:
    """``text`` in double quotes, cut short, with unprintable characters escaped."""
    short = text[:MAX_SHOWN_CHARS]
    shown = "".join(char if char.isprintable() else _escape(char) for char in short)
    return f'"{shown}..."' if len(text) > MAX_SHOWN_CHARS else f'"{shown}"'


def shown_value(value: object) -> str:
    """Any TOML value, written the way the file writes it, in a few dozen characters."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if abs(value) >= 10**MAX_SHOWN_DIGITS:
            return f"a number over {MAX_SHOWN_DIGITS} digits long"
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _escape(char: str) -> str:
    # repr gives \x1b, \u202e, \xa0: visible, and names the character exactly.
    return repr(char)[1:-1]
