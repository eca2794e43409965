"""An activity read from a file: what a run needs to enter the training log."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

# GPS time starts in 1980 and FIT's in 1989; an activity from before 1990 is a clock that
# was never set (or a file's placeholder time), not a run.
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
LONGEST = timedelta(days=7)  # longer than any run, ultras included: a bad clock

_SPORTS = {
    "running": "running", "run": "running", "trail_running": "running",
    "treadmill_running": "running", "trail running": "running",
    "cycling": "cycling", "biking": "cycling", "bike": "cycling", "ride": "cycling",
    "walking": "walking", "walk": "walking", "hiking": "hiking", "hike": "hiking",
    "swimming": "swimming", "swim": "swimming", "other": "other",
}


class NotAnActivity(Exception):
    """The file holds no usable activity; ``str()`` is one line saying why."""


def sport_name(raw: str | None) -> str | None:
    """A file's sport in one spelling ("Running", "run" and "running" are "running")."""
    if raw is None or not raw.strip():
        return None
    text = raw.strip().lower()
    return _SPORTS.get(text, text)


@dataclass(frozen=True)
class Activity:
    """One finished activity. ``start`` is aware (UTC); ``moving_seconds`` leaves out the
    time stopped (the watch's timer time, or the time spent moving in a GPX track)."""

    format: str
    sport: str | None
    start: datetime
    elapsed_seconds: float
    moving_seconds: float
    distance_m: float | None = None
    avg_heart_rate: int | None = None
    avg_cadence: int | None = None
    """Steps per minute (both feet), as the app's metronome counts them."""

    @property
    def is_running(self) -> bool:
        """A run, or an activity whose file names no sport (most GPX tracks)."""
        return self.sport in (None, "running")

    @property
    def key(self) -> str:
        """The same activity imported twice, even from two formats, has the same key: its
        start to the second and its elapsed time to the second. A file's own ids (FIT's
        serial number and creation time) exist in one format only, and a watch exports
        one activity as FIT, TCX and GPX alike."""
        start = round(self.start.timestamp())
        text = f"activity:{start}:{round(self.elapsed_seconds)}"
        return hashlib.sha256(text.encode()).hexdigest()[:32]


def refuse_too_early(start: datetime) -> None:
    if start < EARLIEST:
        raise NotAnActivity(f"has impossible times: it starts on {start:%Y-%m-%d}, "
                            "before GPS watches kept time")


def checked(activity: Activity, now: datetime | None = None) -> Activity:
    """``activity`` itself, or :class:`NotAnActivity` when its times cannot be true."""
    now = now or datetime.now(UTC)
    refuse_too_early(activity.start)
    if activity.start > now + timedelta(days=1):
        raise NotAnActivity(f"has impossible times: it starts on {activity.start:%Y-%m-%d}, "
                            "in the future")
    if activity.elapsed_seconds <= 0 or activity.moving_seconds <= 0:
        raise NotAnActivity("has no time in it: it starts and ends at the same moment")
    if activity.elapsed_seconds > LONGEST.total_seconds():
        raise NotAnActivity("has impossible times: it lasts more than a week")
    if activity.moving_seconds > activity.elapsed_seconds + 1:
        raise NotAnActivity("has impossible times: more moving time than time in all")
    return activity
