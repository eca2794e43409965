"""A session done in the app as a FIT *activity*, with a lap per segment, for Strava,
Garmin Connect and the like (a treadmill run-walk, say).

The laps are the segments the log kept, back to back from the session's start, each as
long as it ran: a pause is left out of the times, as a watch's timer leaves it out. The
file holds what Garmin's cookbook asks of an activity: file_id, device_info, timer
events, a record a second, the laps, one session and one activity message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from garmin_fit_sdk import FIT_EPOCH_S, Encoder

from warmup_tui import __version__
from warmup_tui.export.fit_common import (
    ACTIVITY,
    DEVICE_INFO,
    EVENT,
    LAP,
    RECORD,
    SESSION,
    file_id,
    fit_text,
)
from warmup_tui.log.rows import SegmentRow, SessionRow


@dataclass(frozen=True)
class Lap:
    start: datetime
    seconds: float
    kind: str

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds)


def laps_of(session: SessionRow, segments: Sequence[SegmentRow]) -> list[Lap]:
    """A lap per segment that took any time, in the order they were done."""
    laps: list[Lap] = []
    at = datetime.fromtimestamp(session.started_at, UTC)
    for segment in segments:
        if segment.actual_seconds > 0:
            laps.append(Lap(at, segment.actual_seconds, segment.kind))
            at = laps[-1].end
    return laps


def activity_fit(session: SessionRow, segments: Sequence[SegmentRow]) -> bytes:
    """The FIT activity file of ``session``; raises ValueError when no segment took time."""
    laps = laps_of(session, segments)
    if not laps:
        raise ValueError("no segment of it was done")
    running = any(lap.kind == "run" for lap in laps)
    sport = "running" if running else "training"
    start, end = laps[0].start, laps[-1].end
    timer = sum(lap.seconds for lap in laps)
    encoder = Encoder()
    for message in [
        file_id("activity", start), _device(start), _timer(start, "start"),
        *_records(start, end), _timer(end, "stop_all"),
        *(_lap(i, lap, intensity, sport, last=i == len(laps) - 1)
          for i, (lap, intensity) in enumerate(zip(laps, lap_intensities(laps), strict=True))),
        _session(start, end, timer, sport, len(laps)),
        _activity(end, timer),
    ]:
        encoder.write_mesg(message)
    return encoder.close()


def _device(start: datetime) -> dict[str, Any]:
    return {"mesg_num": DEVICE_INFO, "timestamp": start, "device_index": "creator",
            "manufacturer": "development", "product": 0,
            "product_name": fit_text(f"warmup-tui {__version__}", 20), "serial_number": 1}


def _timer(at: datetime, kind: str) -> dict[str, Any]:
    return {"mesg_num": EVENT, "timestamp": at, "event": "timer", "event_type": kind}


def _records(start: datetime, end: datetime) -> list[dict[str, Any]]:
    """A record a second: the session has no distance or heart rate, only its time."""
    seconds = int((end - start).total_seconds())
    return [{"mesg_num": RECORD, "timestamp": start + timedelta(seconds=second)}
            for second in range(seconds + 1)]


def lap_intensities(laps: Sequence[Lap]) -> list[str]:
    """As in the workouts: walks before the first run are the warmup, after the last the
    cooldown; other walks, rests and switches are rest; runs and exercises active."""
    runs = [i for i, lap in enumerate(laps) if lap.kind == "run"]
    out = []
    for i, lap in enumerate(laps):
        if lap.kind == "walk" and runs and not runs[0] < i < runs[-1]:
            out.append("warmup" if i < runs[0] else "cooldown")
        else:
            out.append("rest" if lap.kind in ("walk", "rest", "switch") else "active")
    return out


def _lap(index: int, lap: Lap, intensity: str, sport: str, *, last: bool) -> dict[str, Any]:
    return {"mesg_num": LAP, "message_index": index, "timestamp": lap.end,
            "start_time": lap.start, "total_elapsed_time": lap.seconds,
            "total_timer_time": lap.seconds, "event": "lap", "event_type": "stop",
            "lap_trigger": "session_end" if last else "time", "sport": sport,
            "intensity": intensity}


def _session(start: datetime, end: datetime, timer: float, sport: str,
             laps: int) -> dict[str, Any]:
    return {"mesg_num": SESSION, "message_index": 0, "timestamp": end, "start_time": start,
            "total_elapsed_time": timer, "total_timer_time": timer, "sport": sport,
            "sub_sport": "generic", "first_lap_index": 0, "num_laps": laps,
            "event": "session", "event_type": "stop", "trigger": "activity_end"}


def _activity(end: datetime, timer: float) -> dict[str, Any]:
    offset = end.astimezone().utcoffset() or timedelta(0)
    local = int((end + offset).timestamp()) - FIT_EPOCH_S  # local time, as FIT counts it
    return {"mesg_num": ACTIVITY, "timestamp": end, "total_timer_time": timer,
            "num_sessions": 1, "type": "manual", "event": "activity",
            "event_type": "stop", "local_timestamp": local}
