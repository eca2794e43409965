"""The routine model: what a routine file says, as plain frozen data.

Reading and checking files lives in ``routine_schema`` and ``routine_file``; this module
only knows the shape of a routine and how to turn it back into TOML-ready data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from warmup_tui.common.durations import format_duration

FORMAT_VERSION = 1
DEFAULT_PACE = 3.0
DEFAULT_SWITCH = 5.0


@dataclass(frozen=True)
class Step:
    """One exercise: a timed hold (``duration``) or paced reps (``reps`` x ``pace``)."""

    name: str
    duration: float | None = None
    reps: int | None = None
    pace: float | None = None
    cue: str = ""
    sides: tuple[str, ...] = ()
    sets: int = 1
    rest: float | None = None

    @property
    def seconds_per_rep(self) -> float:
        return self.pace if self.pace is not None else DEFAULT_PACE

    @property
    def work_seconds(self) -> float:
        """How long one side of one set lasts."""
        if self.reps is not None:
            return self.reps * self.seconds_per_rep
        return self.duration or 0.0


@dataclass(frozen=True)
class RunWalk:
    """Run-walk intervals: warmup walk, ``repeats`` x (run, walk), cooldown walk."""

    run: float
    repeats: int
    walk: float = 0.0
    warmup: float = 0.0
    cooldown: float = 0.0
    cadence: int | None = None
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Routine:
    """A whole routine file."""

    name: str
    description: str = ""
    rest: float = 0.0
    switch: float = DEFAULT_SWITCH
    then: str | None = None
    steps: tuple[Step, ...] = ()
    runwalk: RunWalk | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def _seconds(value: float) -> str | int:
    return format_duration(value)


def step_to_dict(step: Step) -> dict[str, Any]:
    data: dict[str, Any] = {"name": step.name}
    if step.duration is not None:
        data["duration"] = _seconds(step.duration)
    if step.reps is not None:
        data["reps"] = step.reps
    if step.pace is not None:
        data["pace"] = _seconds(step.pace)
    if step.sides:
        data["sides"] = list(step.sides)
    if step.sets != 1:
        data["sets"] = step.sets
    if step.rest is not None:
        data["rest"] = _seconds(step.rest)
    if step.cue:
        data["cue"] = step.cue
    return data


def runwalk_to_dict(block: RunWalk) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if block.warmup:
        data["warmup"] = _seconds(block.warmup)
    data["run"] = _seconds(block.run)
    if block.walk:
        data["walk"] = _seconds(block.walk)
    data["repeats"] = block.repeats
    if block.cooldown:
        data["cooldown"] = _seconds(block.cooldown)
    if block.cadence is not None:
        data["cadence"] = block.cadence
    if block.cues:
        data["cues"] = list(block.cues)
    return data


def routine_to_dict(routine: Routine) -> dict[str, Any]:
    """TOML-ready data; loading it back gives an equal routine."""
    data: dict[str, Any] = {"format": FORMAT_VERSION, "name": routine.name}
    if routine.description:
        data["description"] = routine.description
    if routine.rest:
        data["rest"] = _seconds(routine.rest)
    if routine.switch != DEFAULT_SWITCH:
        data["switch"] = _seconds(routine.switch)
    if routine.then:
        data["then"] = routine.then
    if routine.steps:
        data["steps"] = [step_to_dict(step) for step in routine.steps]
    if routine.runwalk is not None:
        data["runwalk"] = runwalk_to_dict(routine.runwalk)
    return data
