"""Activities from FIT files (Garmin and most watches), read with Garmin's own SDK."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from garmin_fit_sdk import Decoder, Stream

from warmup_tui.activities.model import Activity, NotAnActivity, sport_name

_FILE_TYPES = {"workout": "a FIT workout (a plan), not a finished activity",
               "settings": "a FIT settings file, not an activity",
               "monitoring_a": "a FIT monitoring file (daily steps), not an activity",
               "monitoring_b": "a FIT monitoring file (daily steps), not an activity",
               "course": "a FIT course (a route to follow), not an activity"}


def is_fit(data: bytes) -> bool:
    """A FIT file says so in bytes 8 to 11 of its header."""
    return len(data) >= 12 and data[8:12] == b".FIT"


def read_fit(data: bytes) -> Activity:
    """The activity in a FIT file; its first session when it holds several (multisport)."""
    # The CRC first: a file cut short or damaged in copying must not give half a run.
    if not Decoder(Stream.from_byte_array(bytearray(data))).check_integrity():
        raise NotAnActivity("is a damaged or cut-short FIT file (its checksum is wrong)")
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    if errors:
        raise NotAnActivity(f"is a FIT file that cannot be read ({errors[0]})")
    file_type = _first(messages, "file_id_mesgs").get("type")
    if file_type != "activity":
        raise NotAnActivity(f"is {_FILE_TYPES.get(str(file_type), 'a FIT file of another kind')}"
                            if file_type else "is a FIT file that does not say what it holds")
    session = _first(messages, "session_mesgs")
    if not session:
        raise NotAnActivity("is a FIT activity with no session in it (not finished on the watch?)")
    return _activity(session)


def _first(messages: Any, name: str) -> dict[Any, Any]:
    """The first message of a kind, or an empty one (the SDK's types are loose)."""
    found = messages.get(name) or [{}]
    first: dict[Any, Any] = found[0]
    return first


def _activity(session: dict[Any, Any]) -> Activity:
    start = session.get("start_time")
    elapsed = session.get("total_elapsed_time")
    if not isinstance(start, datetime) or not isinstance(elapsed, int | float):
        raise NotAnActivity("is a FIT activity without a start time or a length")
    moving = session.get("total_timer_time")
    sport = sport_name(str(session["sport"])) if session.get("sport") is not None else None
    return Activity(
        format="FIT",
        sport=sport,
        start=start.astimezone(UTC),
        elapsed_seconds=float(elapsed),
        moving_seconds=float(moving) if isinstance(moving, int | float) else float(elapsed),
        distance_m=_number(session.get("total_distance")),
        avg_heart_rate=_whole(session.get("avg_heart_rate")),
        avg_cadence=_steps_per_minute(session, sport),
    )


def _steps_per_minute(session: dict[Any, Any], sport: str | None) -> int | None:
    """FIT counts a run's cadence in strides (one foot); the app counts steps (both)."""
    cadence = _number(session.get("avg_running_cadence") or session.get("avg_cadence"))
    if cadence is None:
        return None
    if sport != "running":
        return round(cadence)
    fraction = _number(session.get("avg_fractional_cadence")) or 0.0
    return round((cadence + fraction) * 2)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and value == value else None


def _whole(value: object) -> int | None:
    number = _number(value)
    return round(number) if number is not None else None
