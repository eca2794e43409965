"""Durations as people write them ("30s", "1m30s", "2m", "1h") and as seconds."""

from __future__ import annotations

import math
import re
from decimal import Decimal

MAX_SECONDS = 24 * 60 * 60

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)")
_WHOLE = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*[hms]\s*)+$")


class DurationError(ValueError):
    """The text is not a duration this app understands."""


def parse_duration(value: object) -> float:
    """Seconds from a TOML value: a number of seconds, or text such as "1m30s".

    Booleans are refused even though Python treats them as numbers.
    """
    if isinstance(value, bool):
        raise DurationError('expected a duration such as "30s", "1m30s" or a number of seconds')
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        seconds = _parse_text(value)
    else:
        raise DurationError('expected a duration such as "30s", "1m30s" or a number of seconds')
    if math.isnan(seconds) or math.isinf(seconds):
        raise DurationError("expected a finite number of seconds")
    return seconds


def _parse_text(text: str) -> float:
    stripped = text.strip().lower()
    try:
        return float(stripped)
    except ValueError:
        pass
    # A sign is read, not refused here, so the checker can say "must be more than zero"
    # instead of calling "-5s" gibberish.
    negative = stripped.startswith("-")
    body = stripped[1:].lstrip() if negative else stripped
    if not _WHOLE.match(body):
        raise DurationError(
            f'"{text}" is not a duration; write it like "30s", "1m30s", "2m" or "1h"'
        )
    units = [unit for _, unit in _PART.findall(body)]
    if len(set(units)) != len(units) or units != sorted(units, key="hms".index):
        raise DurationError(f'"{text}" repeats or misorders its units; write it like "1h5m30s"')
    factor = {"h": 3600.0, "m": 60.0, "s": 1.0}
    total = sum(float(num) * factor[unit] for num, unit in _PART.findall(body))
    return -total if negative else total


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
