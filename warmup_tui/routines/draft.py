"""The editable draft of a routine: text fields as the user types them, list operations on
the steps, and a check that goes through the same code as ``warmup validate``.

The draft holds text, not numbers, so a half-typed value ("1m3") is kept exactly as typed
and judged by the routine checker, which gives the message ``warmup validate`` would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from warmup_tui.common.checker import Checker
from warmup_tui.common.durations import format_duration
from warmup_tui.common.problems import Problem
from warmup_tui.routines.library import Library
from warmup_tui.routines.model import DEFAULT_SWITCH, FORMAT_VERSION, Routine, RunWalk, Step
from warmup_tui.routines.schema import build_routine

StepKind = Literal["hold", "reps"]
ROUTINE_FIELDS = ("name", "description", "rest", "switch", "then")
STEP_FIELDS = ("name", "duration", "reps", "pace", "sides", "sets", "rest", "cue")
RUNWALK_FIELDS = ("warmup", "run", "walk", "repeats", "cooldown", "cadence")
_WHOLE = re.compile(r"^\s*[+-]?\d+\s*$")


def _text(seconds: float | None) -> str:
    """A duration as the form shows it; blank where the file gives none."""
    return "" if seconds is None else format_duration(seconds)


def _part_text(seconds: float) -> str:
    """Blank for a part whose zero means "left out" (a run-walk's warmup, the rest)."""
    return _text(seconds or None)


@dataclass
class StepDraft:
    """One step's form. ``kind`` picks which of duration or reps/pace is used."""

    name: str = "New step"
    kind: StepKind = "hold"
    duration: str = "30s"
    reps: str = "10"
    pace: str = ""
    sides: str = ""
    sets: str = ""
    rest: str = ""
    cue: str = ""
    # The sides as loaded: kept exactly (commas or spaces inside a side included) for as
    # long as the user leaves the sides text alone.
    sides_kept: tuple[str, ...] = ()

    @classmethod
    def from_step(cls, step: Step) -> StepDraft:
        return cls(
            name=step.name,
            kind="reps" if step.reps is not None else "hold",
            duration=_text(step.duration) if step.duration is not None else "30s",
            reps=str(step.reps) if step.reps is not None else "10",
            pace=_text(step.pace),
            sides=", ".join(step.sides),
            sets="" if step.sets == 1 else str(step.sets),
            rest=_text(step.rest),
            cue=step.cue,
            sides_kept=step.sides,
        )

    def to_data(self) -> dict[str, Any]:
        """The step as a TOML table; blank fields are left out, as in a hand-written file."""
        data: dict[str, Any] = {"name": self.name}
        if self.kind == "hold":
            _put_text(data, "duration", self.duration)
        else:
            _put_whole(data, "reps", self.reps)
            _put_text(data, "pace", self.pace)
        sides = self.side_list()
        if sides is not None:
            data["sides"] = sides
        _put_whole(data, "sets", self.sets)
        _put_text(data, "rest", self.rest)
        if self.cue:
            data["cue"] = self.cue
        return data

    def side_list(self) -> list[str] | None:
        if self.sides_kept and self.sides == ", ".join(self.sides_kept):
            return list(self.sides_kept)
        if not self.sides.strip():
            return None
        # Empty items are kept so the checker can complain about "left,,right".
        return [part.strip() for part in self.sides.split(",")]


@dataclass
class RunWalkDraft:
    """The run-walk block's form; cues are not edited here and are kept as loaded."""

    warmup: str = "5m"
    run: str = "1m"
    walk: str = "1m30s"
    repeats: str = "8"
    cooldown: str = "5m"
    cadence: str = ""
    cues: tuple[str, ...] = ()

    @classmethod
    def from_block(cls, block: RunWalk) -> RunWalkDraft:
        return cls(
            warmup=_part_text(block.warmup),
            run=_text(block.run),
            walk=_part_text(block.walk),
            repeats=str(block.repeats),
            cooldown=_part_text(block.cooldown),
            cadence="" if block.cadence is None else str(block.cadence),
            cues=block.cues,
        )

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key in ("warmup", "run", "walk", "cooldown"):
            _put_text(data, key, getattr(self, key))
        _put_whole(data, "repeats", self.repeats)
        _put_whole(data, "cadence", self.cadence)
        if self.cues:
            data["cues"] = list(self.cues)
        return data


@dataclass
class RoutineDraft:
    """A whole routine as the editor holds it."""

    name: str = "My warmup"
    description: str = ""
    rest: str = ""
    switch: str = ""
    then: str = ""
    steps: list[StepDraft] = field(default_factory=list)
    runwalk: RunWalkDraft | None = None

    @classmethod
    def from_routine(cls, routine: Routine) -> RoutineDraft:
        return cls(
            name=routine.name,
            description=routine.description,
            rest=_part_text(routine.rest),
            switch="" if routine.switch == DEFAULT_SWITCH else _text(routine.switch),
            then=routine.then or "",
            steps=[StepDraft.from_step(step) for step in routine.steps],
            runwalk=None if routine.runwalk is None else RunWalkDraft.from_block(routine.runwalk),
        )

    def copy(self) -> RoutineDraft:
        block = None if self.runwalk is None else replace(self.runwalk)
        return replace(self, steps=[replace(step) for step in self.steps], runwalk=block)

    def to_data(self) -> dict[str, Any]:
        """The routine as the TOML data a file holding it would parse to."""
        data: dict[str, Any] = {"format": FORMAT_VERSION, "name": self.name}
        if self.description:
            data["description"] = self.description
        _put_text(data, "rest", self.rest)
        _put_text(data, "switch", self.switch)
        if self.then.strip():
            data["then"] = self.then.strip()
        # An empty list is still written, so the checker says the list is empty rather than
        # that the routine has nothing in it, when there is a run-walk block too.
        if self.steps or self.runwalk is None:
            data["steps"] = [step.to_data() for step in self.steps]
        if self.runwalk is not None:
            data["runwalk"] = self.runwalk.to_data()
        return data

    # ----- list operations: each returns the index to select afterwards ----------------

    def add_step(self, after: int | None = None, step: StepDraft | None = None) -> int:
        at = len(self.steps) if after is None else max(0, min(after + 1, len(self.steps)))
        self.steps.insert(at, step or StepDraft())
        return at

    def delete_step(self, index: int) -> int | None:
        if not 0 <= index < len(self.steps):
            return None
        del self.steps[index]
        if not self.steps:
            return None
        return min(index, len(self.steps) - 1)

    def duplicate_step(self, index: int) -> int:
        if not 0 <= index < len(self.steps):
            return index
        return self.add_step(index, replace(self.steps[index]))

    def move_step(self, index: int, offset: int) -> int:
        target = index + offset
        if not (0 <= index < len(self.steps) and 0 <= target < len(self.steps)):
            return index
        self.steps[index], self.steps[target] = self.steps[target], self.steps[index]
        return target

    def toggle_runwalk(self) -> bool:
        """Adds a run-walk block with starter values, or removes the one there is."""
        self.runwalk = RunWalkDraft() if self.runwalk is None else None
        return self.runwalk is not None

    # ----- field updates from text ---------------------------------------------------

    def set_field(self, key: str, value: str) -> None:
        """Sets one field by its key path, as the checker names it: ``name``,
        ``steps[2].reps``, ``runwalk.walk``; ``steps[2].kind`` takes "hold" or "reps"."""
        target, attr = self._locate(key)
        if attr == "kind" and value not in ("hold", "reps"):
            raise ValueError(f"a step's kind is hold or reps, not {value!r}")
        setattr(target, attr, value)

    def get_field(self, key: str) -> str:
        target, attr = self._locate(key)
        value: str = getattr(target, attr)
        return value

    def _locate(self, key: str) -> tuple[object, str]:
        match = re.fullmatch(r"steps\[(\d+)\]\.(\w+)", key)
        if match:
            index, attr = int(match.group(1)), match.group(2)
            if attr not in (*STEP_FIELDS, "kind") or index >= len(self.steps):
                raise KeyError(key)
            return self.steps[index], attr
        if key.startswith("runwalk."):
            attr = key.removeprefix("runwalk.")
            if self.runwalk is None or attr not in RUNWALK_FIELDS:
                raise KeyError(key)
            return self.runwalk, attr
        if key not in ROUTINE_FIELDS:
            raise KeyError(key)
        return self, key


def _put_text(data: dict[str, Any], key: str, value: str) -> None:
    if value.strip():
        data[key] = value.strip()


def _put_whole(data: dict[str, Any], key: str, value: str) -> None:
    # Whole numbers become numbers, as in a file; anything else stays text so the checker
    # reports it exactly as it reports `reps = "ten"` in a file.
    if not value.strip():
        return
    data[key] = int(value) if _WHOLE.match(value) else value.strip()


@dataclass(frozen=True)
class DraftCheck:
    """The outcome of checking a draft: the routine it makes, or every problem with it."""

    routine: Routine | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.routine is not None and not self.problems

    def messages_at(self, key: str) -> list[str]:
        """Messages for exactly this key path (``steps[1].reps``, ``steps[1]``, ``""``)."""
        return [p.message for p in self.problems if (p.key or "") == key]

    def step_has_problems(self, index: int) -> bool:
        prefix = f"steps[{index}]"
        return any((p.key or "") == prefix or (p.key or "").startswith(prefix + ".")
                   for p in self.problems)

    def describe(self, problem: Problem) -> str:
        """One line without the file name: "steps[1].reps: expected a whole number ..."."""
        return f"{problem.key}: {problem.message}" if problem.key else problem.message


def check_draft(
    draft: RoutineDraft,
    file: str = "routine",
    *,
    library: Library | None = None,
    path: Path | None = None,
) -> DraftCheck:
    """Checks the draft with the routine checker (the one ``warmup validate`` uses) and,
    given a library and the file's path, its ``then`` chain as ``warmup validate`` does."""
    checker = Checker(file, {})
    routine = build_routine(draft.to_data(), checker)
    problems = list(checker.problems)
    if routine is not None and routine.then and library is not None and path is not None:
        problems.extend(library.chain_problems(path, routine, file))
    return DraftCheck(routine if not problems else None, tuple(problems))


def blank_draft(name: str = "My warmup") -> RoutineDraft:
    """A starting point for a new routine: one 30-second hold."""
    return RoutineDraft(name=name, steps=[StepDraft(name="First step", cue="")])
