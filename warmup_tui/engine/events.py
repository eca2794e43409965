"""What a session reports as it runs, and the JSON form of each report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from warmup_tui.engine.cue_plan import CueName, PlannedCue
from warmup_tui.engine.timeline import Segment

__all__ = ["CueName", "Event", "EventName", "EventSink", "PlannedCue", "completes_session"]

EventName = Literal["segment_start", "segment_end", "cue", "pause", "resume", "session_end",
                    "heads_up"]


@dataclass(frozen=True)
class Event:
    """One thing that happened in a session.

    ``t`` is session time (seconds since the start, on the session clock) at which the
    event was due; after a stall it may be earlier than the moment it was delivered.
    """

    name: EventName
    t: float
    segment: Segment | None = None
    cue: CueName | None = None
    value: int | None = None
    skipped: bool = False
    late: bool = False
    completed: bool = False
    """On ``session_end``: the last segment ran out (see :func:`completes_session`), so
    the session was finished, not stopped."""
    planned: tuple[PlannedCue, ...] = ()
    """On ``segment_start``: every cue planned for that segment, so a sink never plans them
    again; on ``cue``: the planned cue that fell due."""
    last: Segment | None = None
    """On ``session_end``: the segment that ended last (None when none did)."""
    ahead: Event | None = None
    """On ``heads_up``: the event about to be sent (see ``engine.heads_up``)."""

    def to_json(self, wall: float) -> dict[str, Any]:
        seg = self.segment
        data: dict[str, Any] = {
            "t": round(self.t, 3),
            "wall": round(wall, 3),
            "event": self.name,
            "index": seg.index if seg else None,
            "step": seg.step if seg else None,
            "kind": seg.kind if seg else None,
            "side": seg.side if seg else None,
            "duration": seg.duration if seg else None,
        }
        if self.name == "segment_start" and seg is not None and seg.spoken:
            data["coaching"] = seg.cue  # said aloud: today's fixes after a sore run
        if self.cue is not None:
            data["cue"] = self.cue
        if self.value is not None:
            data["value"] = self.value
        if self.name == "segment_end":
            data["skipped"] = self.skipped
        if self.name == "session_end":
            data["completed"] = self.completed
        if self.late:
            data["late"] = True
        return data


def completes_session(event: Event, segments_total: int) -> bool:
    """Whether ``event`` finishes a session of ``segments_total`` segments: the end of the
    last segment, run out rather than skipped. The one rule for "completed" (the summary,
    the log, the programme, the weekly goal and the voice all follow it), so stopping or
    skipping in the cooldown is "stopped early" everywhere."""
    seg = event.segment
    return (event.name == "segment_end" and seg is not None and not event.skipped
            and seg.index == segments_total - 1)


class EventSink(Protocol):
    """Anything that reacts to session events: sounds, the log, headless output."""

    def handle(self, event: Event) -> None: ...
