"""Expands a routine into the exact list of segments a session runs. Pure: no I/O, no clock."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from warmup_tui.engine.wording import is_body_side, switch_words
from warmup_tui.routines.model import Routine, RunWalk, Step

Kind = Literal["exercise", "rest", "switch", "walk", "run"]
IntervalKind = Literal["run", "walk"]

DEFAULT_RUN_CUES = (
    "Easy, conversational pace: you could chat in full sentences",
    "Quick, light steps; land midfoot, under your hips",
    "Short strides, relaxed shoulders, soft hands",
    "Hilly route? Balance it with flat running while your legs adapt",
)
DEFAULT_WALK_CUE = "Walk briskly and let your breathing settle"


@dataclass(frozen=True)
class Segment:
    """One stretch of time with a single thing to do."""

    index: int
    step: str
    kind: Kind
    duration: float
    side: str | None = None
    reps: int | None = None
    pace: float | None = None
    cue: str = ""
    set_number: int = 1
    sets: int = 1
    interval: int | None = None
    intervals: int | None = None
    cadence: int | None = None
    # The cue line is said aloud too, after the segment's name (the fixes on a day after a
    # sore run); the usual lines are only shown, so the voice stays short.
    spoken: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "step": self.step,
            "kind": self.kind,
            "side": self.side,
            "duration": self.duration,
            "reps": self.reps,
            "pace": self.pace,
            "cue": self.cue,
            "set": self.set_number,
            "sets": self.sets,
            "interval": self.interval,
            "intervals": self.intervals,
            "cadence": self.cadence,
        }


@dataclass(frozen=True)
class Interval:
    """One stretch of a run-walk block: run or walk for ``seconds``."""

    kind: IntervalKind
    seconds: float


def build_timeline(routine: Routine) -> list[Segment]:
    """Every segment in order: sides and sets of each step, rests between steps
    (none after the last), then the run-walk block."""
    drafts: list[dict[str, Any]] = []
    for position, step in enumerate(routine.steps):
        drafts.extend(_step_segments(step, routine))
        is_last = position == len(routine.steps) - 1
        rest = step.rest if step.rest is not None else routine.rest
        if rest > 0 and not (is_last and routine.runwalk is None):
            drafts.append({"step": "Rest", "kind": "rest", "duration": rest,
                           "cue": "Shake it out and breathe"})
    if routine.runwalk is not None:
        drafts.extend(_runwalk_segments(routine.runwalk))
    return [Segment(index=i, **draft) for i, draft in enumerate(drafts)]


def total_seconds(segments: list[Segment]) -> float:
    return sum(segment.duration for segment in segments)


def _step_segments(step: Step, routine: Routine) -> list[dict[str, Any]]:
    drafts: list[dict[str, Any]] = []
    sides: tuple[str | None, ...] = step.sides or (None,)
    set_rest = step.rest if step.rest is not None else routine.rest
    for set_number in range(1, step.sets + 1):
        for side_number, side in enumerate(sides):
            # A new set straight after the last side (no rest) is a change of side too.
            after_other_side = side_number > 0 or (
                set_number > 1 and set_rest <= 0 and len(sides) > 1
            )
            if after_other_side and routine.switch > 0:
                drafts.append({
                    "step": step.name, "kind": "switch", "duration": routine.switch,
                    "side": side, "cue": _switch_cue(side),
                    "set_number": set_number, "sets": step.sets,
                })
            drafts.append({
                "step": step.name, "kind": "exercise", "duration": step.work_seconds,
                "side": side, "reps": step.reps,
                "pace": step.seconds_per_rep if step.reps is not None else None,
                "cue": step.cue, "set_number": set_number, "sets": step.sets,
            })
        if set_number < step.sets and set_rest > 0:
            drafts.append({"step": "Rest", "kind": "rest", "duration": set_rest,
                           "cue": f"Set {set_number + 1} of {step.sets} of {step.name} next"})
    return drafts


def _switch_cue(side: str | None) -> str:
    # "left"/"right" name a side of the body; other labels ("back", "front") are
    # directions, where "switch to back" says nothing about what to do.
    if side is not None and is_body_side(side):
        return f"Switch to the {side} side"
    return switch_words(side)


def repeated_intervals(run: float, walk: float, repeats: int) -> list[Interval]:
    """A regular block's stretches: run then walk (none when ``walk`` is 0), ``repeats``
    times over."""
    out: list[Interval] = []
    for _ in range(repeats):
        out.append(Interval("run", run))
        if walk > 0:
            out.append(Interval("walk", walk))
    return out


def interval_timeline(intervals: Sequence[Interval], *, warmup: float = 0.0,
                      cooldown: float = 0.0, cadence: int | None = None,
                      cues: tuple[str, ...] = ()) -> list[Segment]:
    """The segments of a run-walk block given as its stretches, between the warmup and
    cooldown walks; a programme's irregular day runs through here as a routine does."""
    drafts = _interval_drafts(intervals, warmup, cooldown, cadence, cues)
    return [Segment(index=i, **draft) for i, draft in enumerate(drafts)]


def _runwalk_segments(block: RunWalk) -> list[dict[str, Any]]:
    intervals = repeated_intervals(block.run, block.walk, block.repeats)
    return _interval_drafts(intervals, block.warmup, block.cooldown, block.cadence, block.cues)


def _interval_drafts(intervals: Sequence[Interval], warmup: float, cooldown: float,
                     cadence: int | None, cues: tuple[str, ...]) -> list[dict[str, Any]]:
    drafts: list[dict[str, Any]] = []
    run_cues = cues or DEFAULT_RUN_CUES
    runs = sum(1 for part in intervals if part.kind == "run")
    if warmup > 0:
        drafts.append({"step": "Warmup walk", "kind": "walk", "duration": warmup,
                       "cue": "Brisk walk: swing your arms and wake your legs up"})
    number = 0  # the run a walk follows: walk n recovers from run n
    for part in intervals:
        if part.kind == "run":
            number += 1
            drafts.append({"step": "Run", "kind": "run", "duration": part.seconds,
                           "cue": run_cues[(number - 1) % len(run_cues)], "cadence": cadence,
                           "interval": number, "intervals": runs})
        else:
            drafts.append({"step": "Walk", "kind": "walk", "duration": part.seconds,
                           "cue": DEFAULT_WALK_CUE, "interval": number, "intervals": runs})
    if cooldown > 0:
        drafts.append({"step": "Cooldown walk", "kind": "walk", "duration": cooldown,
                       "cue": "Easy walk; let your heart rate come down"})
    return drafts


def timeline_of(routine: Routine) -> tuple[list[Segment], float]:
    """The expanded timeline and its total length in seconds."""
    segments = build_timeline(routine)
    return segments, total_seconds(segments)
