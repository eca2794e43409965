"""Durations as people write them ("30s", "1m30s", "2 minutes", "1 minute 30 seconds",
"1h 5m") and as seconds. The one parser for routine files, the editor and the command line."""

from __future__ import annotations

import math
import re
from decimal import Decimal

from warmup_tui.common.value_text import quoted, shown_value

# Also the most a whole routine may last (routine_size.MAX_ROUTINE_SECONDS).
MAX_SECONDS = 12 * 60 * 60

# ASCII digits only, in the forms routines/README.md documents. Python's float() and the
# \d and \s of re would also take "1_000", "1e3", "inf", full-width or Arabic-Indic digits
# and a no-break space, which a reader of the file cannot tell from what they meant.
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_SPACE = "[ \t]*"
_PLAIN = re.compile(rf"{_SPACE}(-?){_SPACE}({_NUMBER}){_SPACE}")
# A number and a unit word; "and" or a comma may join the parts ("1 minute and 30 seconds").
_WORD = "[A-Za-z]+"
_ONE = rf"{_NUMBER}{_SPACE}{_WORD}{_SPACE}"
_JOIN = rf"(?:(?:,|and\b){_SPACE})?"
_PART = re.compile(rf"({_NUMBER}){_SPACE}({_WORD})")
_WHOLE = re.compile(rf"{_SPACE}(-?){_SPACE}({_ONE}(?:{_JOIN}{_ONE})*)")
_UNITS = {
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "h"),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "m"),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), "s"),
}
_FACTOR = {"h": 3600.0, "m": 60.0, "s": 1.0}
_FORMS = 'write it like "30s", "1m30s", "2m" or "1h"'
_EXPECTED = 'expected a duration such as "30s", "1m30s" or a number of seconds'


class DurationError(ValueError):
    """The text is not a duration this app understands."""


def parse_duration(value: object) -> float:
    """Seconds from a TOML value: a number of seconds, or text such as "1m30s".

    Booleans are refused even though Python treats them as numbers. Anything over
    :data:`MAX_SECONDS` is refused here, so every reader of durations gets the limit.
    """
    if isinstance(value, bool):
        raise DurationError(_EXPECTED)
    if isinstance(value, int | float):
        seconds = _as_float(value)
    elif isinstance(value, str):
        seconds = _parse_text(value)
    else:
        raise DurationError(_EXPECTED)
    if math.isnan(seconds):
        raise DurationError("expected a finite number of seconds")
    if seconds > MAX_SECONDS:
        raise DurationError(f"must be at most 12 hours, got {shown_value(value)}")
    return seconds


def _as_float(value: int | float) -> float:
    try:
        return float(value)
    except OverflowError:  # an integer of hundreds of digits
        return math.inf if value > 0 else -math.inf


def _parse_text(text: str) -> float:
    # A sign is read, not refused here, so the checker can say "must be more than zero"
    # instead of calling "-5s" gibberish.
    plain = _PLAIN.fullmatch(text)
    if plain:
        seconds = float(plain.group(2))
        return -seconds if plain.group(1) else seconds
    whole = _WHOLE.fullmatch(text)
    if not whole:
        raise DurationError(f"{quoted(text)} is not a duration; {_FORMS}")
    parts = _PART.findall(whole.group(2))
    unknown = [word for _, word in parts if word.lower() not in _UNITS]
    if unknown:
        raise DurationError(f"{quoted(text)} is not a duration: {quoted(unknown[0])} is not "
                            f"a unit; use hours, minutes or seconds (h, m, s)")
    units = [_UNITS[word.lower()] for _, word in parts]
    if len(set(units)) != len(units) or units != sorted(units, key="hms".index):
        raise DurationError(
            f'{quoted(text)} repeats or misorders its units; write it like "1h5m30s"'
        )
    numbers = [float(number) for number, _ in parts]
    total = sum(number * _FACTOR[unit] for number, unit in zip(numbers, units, strict=True))
    return -total if whole.group(1) else total


def format_duration(seconds: float) -> str:
    """Compact text for a duration, the inverse of :func:`parse_duration`: 90 -> "1m30s"."""
    if seconds != int(seconds):
        # Every digit of the shortest repr, written out without an exponent, so that
        # parse_duration gives back exactly the same float (":g" rounded to 6 digits).
        return f"{Decimal(repr(float(seconds))):f}s"
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours}h")
    if minutes:
        parts.append(f"{minutes}m")
    if secs or not parts:
        parts.append(f"{secs}s")
    return "".join(parts)


def format_clock(seconds: float) -> str:
    """A countdown face: 75 -> "1:15", 3725 -> "1:02:05". Rounds up, as countdowns do."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def describe_duration(seconds: float) -> str:
    """Words for a duration, for labels and speech: 90 -> "1 min 30 s", 120 -> "2 min"."""
    whole = round(seconds)
    minutes, secs = divmod(whole, 60)
    if minutes and secs:
        return f"{minutes} min {secs} s"
    if minutes:
        return f"{minutes} min"
    return f"{secs} s"
