"""The training log's rows as Python sees them: a stored session, what a new one starts
with, where one stands, its segments, and the record kept for them while the log is busy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any, Literal

Status = Literal["running", "completed", "stopped"]
Source = Literal["app", "import", "manual"]
# A warmup the runner skipped (the skip key) is kept "stopped", marked by this note: the
# schema's status check predates skipping, and a note is free on an app session.
SKIPPED_NOTE = "skipped"


@dataclass(frozen=True)
class SessionRow:
    """One session as stored. Times are Unix seconds; durations are session seconds."""

    id: int
    routine_id: str
    routine_name: str
    routine_path: str | None
    programme_id: str | None
    programme_session: str | None
    started_at: float
    updated_at: float
    ended_at: float | None
    planned_seconds: float
    actual_seconds: float
    run_seconds: float
    segments_done: int
    segments_total: int
    last_index: int | None
    last_step: str | None
    last_side: str | None
    status: Status
    pid: int | None
    speed: float
    resumed_from: int | None
    # From schema 4 on: runs done outside the app (log/outside.py). An app session has
    # source "app" and None in the rest.
    source: Source = "app"
    distance_m: float | None = None
    avg_heart_rate: int | None = None
    avg_cadence: int | None = None
    sport: str | None = None
    note: str | None = None
    external_key: str | None = None

    @property
    def is_preview(self) -> bool:
        """Run on a sped-up clock: listed, but not counted towards the goal."""
        return self.speed != 1.0

    @property
    def skipped(self) -> bool:
        """A warmup the runner skipped on purpose, not a session stopped early."""
        return self.source == "app" and self.status == "stopped" and self.note == SKIPPED_NOTE

    def started(self) -> datetime:
        return datetime.fromtimestamp(self.started_at).astimezone()


SESSION_COLUMNS = tuple(field.name for field in fields(SessionRow))
"""The columns a :class:`SessionRow` is made of, in its order."""
@dataclass(frozen=True)
class NewSession:
    """What is known when a session starts."""

    routine_id: str
    routine_name: str
    started_at: float
    planned_seconds: float
    segments_total: int
    pid: int
    routine_path: str | None = None
    programme_id: str | None = None
    programme_session: str | None = None
    speed: float = 1.0
    resumed_from: int | None = None


@dataclass(frozen=True)
class Progress:
    """Where a session stands; written whole each time, so a missed write is caught up."""

    updated_at: float
    actual_seconds: float
    run_seconds: float
    segments_done: int
    last_index: int | None
    last_step: str | None
    last_side: str | None
    status: Status = "running"
    ended_at: float | None = None
    note: str | None = None  # SKIPPED_NOTE for a skipped warmup


@dataclass(frozen=True)
class SegmentRow:
    position: int
    index: int
    step: str
    kind: str
    side: str | None
    planned_seconds: float
    actual_seconds: float
    skipped: bool


def kept_record(key: str, new: NewSession, progress: Progress,
                segments: Sequence[SegmentRow]) -> dict[str, Any]:
    """A session's state as spool.py keeps it while the log is busy."""
    return {"key": key, "session": asdict(new), "progress": asdict(progress),
            "segments": [asdict(segment) for segment in segments]}


def from_kept_record(record: dict[str, Any]
                     ) -> tuple[str, NewSession, Progress, list[SegmentRow]]:
    """The inverse of :func:`kept_record`; raises KeyError, TypeError or ValueError."""
    key = record["key"]
    if not isinstance(key, str) or not key:
        raise ValueError("no session key")
    return (key, NewSession(**record["session"]), Progress(**record["progress"]),
            [SegmentRow(**segment) for segment in record["segments"]])
