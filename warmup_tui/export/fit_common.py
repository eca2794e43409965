"""What every FIT file we write shares: the message numbers, the file_id message, and
text cut to what a FIT string field holds. Garmin's own SDK does the encoding."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from garmin_fit_sdk import Profile

_NUMBERS: dict[str, int] = Profile["mesg_num"]
FILE_ID = _NUMBERS["FILE_ID"]
SESSION = _NUMBERS["SESSION"]
LAP = _NUMBERS["LAP"]
RECORD = _NUMBERS["RECORD"]
EVENT = _NUMBERS["EVENT"]
WORKOUT = _NUMBERS["WORKOUT"]
WORKOUT_STEP = _NUMBERS["WORKOUT_STEP"]
ACTIVITY = _NUMBERS["ACTIVITY"]
DEVICE_INFO = _NUMBERS["DEVICE_INFO"]

# A FIT string field holds at most 255 bytes, its closing NUL included.
_MAX_TEXT_BYTES = 254
# Garmin's tools write "development" for files not made by one of their devices.
_MANUFACTURER = "development"


def file_id(kind: str, created: datetime) -> dict[str, Any]:
    """The first message of a FIT file: ``kind`` is "workout" or "activity"."""
    return {"mesg_num": FILE_ID, "type": kind, "manufacturer": _MANUFACTURER, "product": 0,
            "serial_number": 1, "time_created": created}


def fit_text(text: str, limit: int = _MAX_TEXT_BYTES) -> str:
    """``text`` cut, on a character boundary, to ``limit`` bytes of UTF-8; a NUL, which
    would end a FIT string early, is dropped."""
    data = text.replace("\x00", "").encode("utf-8")[:limit]
    return data.decode("utf-8", errors="ignore")
