"""How big a routine is once expanded, counted without expanding it.

A small file can ask for a huge session: ``sets = 100`` of a step with 50,000 ``sides``
is ten million segments. The checker refuses such a routine from these counts, before
:func:`~warmup_tui.engine.timeline.build_timeline` would build anything. The counts follow the
timeline's rules exactly; a test compares them with the built timeline.
"""

from __future__ import annotations

from dataclasses import dataclass

from warmup_tui.common.durations import MAX_SECONDS
from warmup_tui.routines.model import Routine, RunWalk, Step

MAX_SEGMENTS = 3000
MAX_ROUTINE_SECONDS = MAX_SECONDS  # one limit for a duration and for the whole


@dataclass(frozen=True)
class Size:
    """The number of segments and the seconds they add up to."""

    segments: int = 0
    seconds: float = 0.0

    def __add__(self, other: Size) -> Size:
        return Size(self.segments + other.segments, self.seconds + other.seconds)


def routine_size(routine: Routine) -> Size:
    """What :func:`~warmup_tui.engine.timeline.build_timeline` would make of ``routine``."""
    size = Size()
    for position, step in enumerate(routine.steps):
        size += _step_size(step, routine)
        is_last = position == len(routine.steps) - 1
        rest = step.rest if step.rest is not None else routine.rest
        if rest > 0 and not (is_last and routine.runwalk is None):
            size += Size(1, rest)
    if routine.runwalk is not None:
        size += _runwalk_size(routine.runwalk)
    return size


def size_problem(size: Size) -> str | None:
    """Why a session of this size is refused, or None when it is fine."""
    if size.segments > MAX_SEGMENTS:
        return (f"expands to {size.segments:,} segments; a routine may have at most "
                f"{MAX_SEGMENTS:,}")
    if size.seconds > MAX_ROUTINE_SECONDS:
        return (f"lasts {size.seconds / 3600:.1f} hours; a routine may last at most "
                f"{MAX_ROUTINE_SECONDS // 3600} hours")
    return None


def _step_size(step: Step, routine: Routine) -> Size:
    sides = max(1, len(step.sides))
    sets = step.sets
    set_rest = step.rest if step.rest is not None else routine.rest
    size = Size(sets * sides, sets * sides * step.work_seconds)
    if routine.switch > 0:
        # A switch before every side but the first; between sets too when no rest
        # separates them, as the last side of one set is not the first of the next.
        switches = sets * (sides - 1)
        if sides > 1 and set_rest <= 0:
            switches += sets - 1
        size += Size(switches, switches * routine.switch)
    if set_rest > 0:
        size += Size(sets - 1, (sets - 1) * set_rest)
    return size


def _runwalk_size(block: RunWalk) -> Size:
    walks = block.repeats if block.walk > 0 else 0
    size = Size(block.repeats + walks, block.repeats * block.run + walks * block.walk)
    for extra in (block.warmup, block.cooldown):
        if extra > 0:
            size += Size(1, extra)
    return size
