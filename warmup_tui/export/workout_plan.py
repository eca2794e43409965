"""A session as a structured workout: named, timed steps, with the run-walk block as one
repeat. The FIT workout and the plain-text workout are both drawn from this.

Every segment the app runs becomes one step, in order (sides and rep steps included, a
rep step timed at its reps x pace, as the app times it), so a watch runs the same session
the app would. The run-walk block is folded into the shortest stretch that repeats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from warmup_tui.engine.timeline import Segment

Intensity = Literal["warmup", "active", "rest", "cooldown"]


@dataclass(frozen=True)
class WorkStep:
    """One timed step. ``cadence`` is in steps per minute (the app's unit). The notes (the
    app's cue) play no part in telling steps apart: the run cues take turns, the runs do
    not differ."""

    name: str
    seconds: float
    intensity: Intensity
    notes: str = field(default="", compare=False)
    cadence: int | None = None


@dataclass(frozen=True)
class Repeat:
    """``steps`` done ``times`` over."""

    times: int
    steps: tuple[WorkStep, ...]


Item = WorkStep | Repeat


@dataclass(frozen=True)
class Workout:
    name: str
    items: tuple[Item, ...]
    running: bool

    def expanded(self) -> list[WorkStep]:
        """Every step in the order it is done, repeats unrolled."""
        out: list[WorkStep] = []
        for item in self.items:
            if isinstance(item, Repeat):
                out.extend(list(item.steps) * item.times)
            else:
                out.append(item)
        return out

    def total_seconds(self) -> float:
        return sum(step.seconds for step in self.expanded())


def workout_from_segments(name: str, segments: Sequence[Segment]) -> Workout:
    """The workout of a routine's or a programme session's segments."""
    first = next((i for i, s in enumerate(segments) if s.interval is not None), None)
    if first is None:
        items: list[Item] = [_step(s, before_block=True) for s in segments]
    else:
        last = max(i for i, s in enumerate(segments) if s.interval is not None)
        items = [_step(s, before_block=True) for s in segments[:first]]
        items.extend(folded([_step(s, before_block=False) for s in segments[first:last + 1]]))
        items.extend(_step(s, before_block=False) for s in segments[last + 1:])
    running = any(segment.kind == "run" for segment in segments)
    return Workout(name, tuple(items), running)


def folded(steps: list[WorkStep]) -> list[Item]:
    """``steps`` as one repeat of the shortest stretch they are made of, when they
    repeat at all; as they are otherwise."""
    for period in range(1, len(steps) // 2 + 1):
        if len(steps) % period == 0 and steps == steps[:period] * (len(steps) // period):
            return [Repeat(len(steps) // period, tuple(steps[:period]))]
    return list(steps)


def _step(segment: Segment, *, before_block: bool) -> WorkStep:
    return WorkStep(name=step_name(segment), seconds=segment.duration,
                    intensity=_intensity(segment, before_block), notes=segment.cue,
                    cadence=segment.cadence if segment.kind == "run" else None)


def _intensity(segment: Segment, before_block: bool) -> Intensity:
    if segment.kind == "walk" and segment.interval is None:
        # the walks either side of the run-walk block
        return "warmup" if before_block else "cooldown"
    if segment.kind in ("rest", "switch", "walk"):
        return "rest"
    return "active"


def step_name(segment: Segment) -> str:
    """"Run", "Walk", "Warmup walk", "Rest", "Glute bridge", "Hip flexor stretch, left",
    "Monster walk, back: 10 reps", "Switch sides"."""
    if segment.kind == "switch":
        return "Switch sides"
    name = segment.step
    if segment.side:
        name = f"{name}, {segment.side}"
    if segment.reps is not None:
        name = f"{name}: {segment.reps} reps"
    return name
