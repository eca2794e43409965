"""Numbers and durations typed as command-line options (argparse ``type`` functions):
ASCII digits only, refused in one line otherwise.

Python's int() and float() also take "1_000", "1e3", "inf", full-width and Arabic-Indic
digits and surrounding no-break spaces; an option reads only the forms its help shows.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import TypeVar

from warmup_tui.common.durations import DurationError, parse_duration
from warmup_tui.common.value_text import quoted

_WHOLE = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_Number = TypeVar("_Number", int, float)


def whole_option(low: int, high: int, unit: str = "") -> Callable[[str], int]:
    """An argparse ``type``: a whole number from ``low`` to ``high`` in digits 0-9."""
    expected = f"expected a whole number from {low} to {high}{' ' + unit if unit else ''}"
    # The length cap first: int() refuses over 4300 digits with a ValueError of its own.
    return _digits_option(_WHOLE, len(str(high)) + 1, int, (low, high), expected,
                          shown=lambda text: str(int(text)))


def decimal_option(low: float, high: float) -> Callable[[str], float]:
    """An argparse ``type``: a number such as 2 or 0.5, from ``low`` to ``high``."""
    expected = f"expected a number from {low:g} to {high:g} in digits 0-9, such as 2 or 0.5"
    return _digits_option(_DECIMAL, 40, float, (low, high), expected, shown=str)


def _digits_option(form: re.Pattern[str], longest: int, read: Callable[[str], _Number],
                   bounds: tuple[_Number, _Number], expected: str, *,
                   shown: Callable[[str], str]) -> Callable[[str], _Number]:
    """The parser both take: text of ``form`` up to ``longest`` characters, read as a
    number within ``bounds``; one out of range is ``shown`` in the message."""
    low, high = bounds

    def parse(text: str) -> _Number:
        if not form.fullmatch(text) or len(text) > longest:
            raise argparse.ArgumentTypeError(f"{expected}, got {quoted(text)}")
        value = read(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{expected}, got {shown(text)}")
        return value

    return parse


MIN_SPEED = 0.01
MAX_SPEED = 1000.0

# ``--speed``: a number from 0.01 to 1000. The floor keeps every wait (at most a 24-hour
# segment, stretched) within what the clock and sleep() can count; 1e-300 overflowed them.
speed_option = decimal_option(MIN_SPEED, MAX_SPEED)


def programme_week(text: str) -> int:
    """``--skip-to WEEK``; the programme's modules load only when it is given."""
    from warmup_tui.programme.files import MAX_WEEKS

    return whole_option(1, MAX_WEEKS)(text)


def duration_option(*, zero: bool) -> Callable[[str], float]:
    """An argparse ``type``: a duration such as 1m30s, above zero unless ``zero``."""
    def parse(text: str) -> float:
        try:
            seconds = parse_duration(text)
        except DurationError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        if seconds < 0 or (seconds == 0 and not zero):
            floor = "zero or more" if zero else "more than zero"
            raise argparse.ArgumentTypeError(f"must be {floor} seconds, got {quoted(text)}")
        return seconds

    return parse
