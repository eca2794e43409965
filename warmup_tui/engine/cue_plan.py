"""Which cues a segment carries, and when each is due. Pure functions of the timeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from warmup_tui.engine.timeline import Segment

PIP_SECONDS = (3, 2, 1)
MIN_SECONDS_FOR_PIPS = 5.0
MIN_SECONDS_FOR_HALFWAY = 20.0

Anchor = Literal["start", "end"]
CueName = Literal["pip", "halfway", "rep", "switch_sides", "last_interval"]


@dataclass(frozen=True)
class PlannedCue:
    """A cue due ``offset`` seconds after the segment's start, or before its end."""

    cue: CueName
    value: int | None
    anchor: Anchor
    offset: float

    @property
    def key(self) -> tuple[str, int | None]:
        return (self.cue, self.value)

    @property
    def at_start(self) -> bool:
        """Due the very moment its segment starts (the start's own sound stands in)."""
        return self.anchor == "start" and self.offset == 0


def plan_at(segments: Sequence[Segment], index: int) -> list[PlannedCue]:
    """The cues of ``segments[index]``, judged against the segment before it in the
    timeline, never the one run before it: a jump back does not change what is due."""
    previous = segments[index - 1] if index > 0 else None
    return plan_cues(segments[index], previous)


def plan_cues(segment: Segment, previous: Segment | None) -> list[PlannedCue]:
    """Every cue for one segment, in the order they fall due."""
    planned: list[PlannedCue] = []
    if _is_side_switch(segment, previous):
        planned.append(PlannedCue("switch_sides", None, "start", 0.0))
    if (
        segment.kind == "run"
        and segment.intervals
        and segment.intervals > 1
        and segment.interval == segment.intervals
    ):
        planned.append(PlannedCue("last_interval", None, "start", 0.0))
    if segment.reps and segment.pace:
        planned.extend(
            PlannedCue("rep", n, "start", (n - 1) * segment.pace)
            for n in range(1, segment.reps + 1)
        )
    elif segment.kind in ("exercise", "run") and segment.duration >= MIN_SECONDS_FOR_HALFWAY:
        planned.append(PlannedCue("halfway", None, "start", segment.duration / 2))
    if segment.duration >= MIN_SECONDS_FOR_PIPS:
        planned.extend(PlannedCue("pip", n, "end", float(n)) for n in PIP_SECONDS)
    return planned


def _is_side_switch(segment: Segment, previous: Segment | None) -> bool:
    if segment.kind == "switch":
        return True
    return (
        segment.kind == "exercise"
        and segment.side is not None
        and previous is not None
        and previous.kind == "exercise"
        and previous.step == segment.step
        and previous.side != segment.side
    )
