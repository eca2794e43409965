"""Distances typed by the runner ("5km", "3.1mi", "800m") and shown back in the unit of
their setting (``training.units``: "km" or "mi"), with the pace they make."""

from __future__ import annotations

import re

from warmup_tui.common.value_text import quoted

METRES_PER_UNIT = {"km": 1000.0, "mi": 1609.344, "m": 1.0}
LONGEST_METRES = 1_000_000.0  # 1000 km: any run, and then some
_DISTANCE = re.compile(r"([0-9]{1,7}(?:\.[0-9]{1,3})?) ?(km|mi|m)")


class DistanceError(ValueError):
    """``str()`` says in one line what was wrong and what was expected."""


def parse_distance(text: str) -> float:
    """Metres in ``text``: a number and a unit, km, mi or m ("5km", "3.1 mi", "800m")."""
    found = _DISTANCE.fullmatch(text.strip().lower())
    if found is None:
        raise DistanceError(f"expected a distance such as 5km, 3.1mi or 800m, got {quoted(text)}")
    metres = float(found.group(1)) * METRES_PER_UNIT[found.group(2)]
    if not 0 < metres <= LONGEST_METRES:
        raise DistanceError(f"expected a distance above 0 and up to 1000 km, got {quoted(text)}")
    return metres


def format_distance(metres: float, units: str) -> str:
    """'5.02 km' or '3.12 mi'."""
    unit = units if units in ("km", "mi") else "km"
    return f"{metres / METRES_PER_UNIT[unit]:.2f} {unit}"


def format_pace(seconds: float, metres: float, units: str) -> str | None:
    """'6:00 /km': time per unit of distance; None when there is no distance to divide by."""
    unit = units if units in ("km", "mi") else "km"
    if metres <= 0 or seconds <= 0:
        return None
    per_unit = round(seconds / (metres / METRES_PER_UNIT[unit]))
    minutes, rest = divmod(per_unit, 60)
    return f"{minutes}:{rest:02d} /{unit}"
