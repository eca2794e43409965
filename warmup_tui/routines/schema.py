"""Checks parsed TOML against the routine format and builds a :class:`Routine`.

Every problem is collected, so the user fixes a file in one pass instead of one error
at a time.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from warmup_tui.common.durations import MAX_SECONDS, DurationError, parse_duration
from warmup_tui.common.problems import Problem
from warmup_tui.common.toml_lines import line_of
from warmup_tui.common.value_text import shown_value
from warmup_tui.routines.model import DEFAULT_SWITCH, FORMAT_VERSION, Routine, RunWalk, Step
from warmup_tui.routines.size import routine_size, size_problem

ROUTINE_KEYS = ("format", "name", "description", "rest", "switch", "then", "steps", "runwalk")
STEP_KEYS = ("name", "duration", "reps", "pace", "cue", "sides", "sets", "rest")
RUNWALK_KEYS = ("warmup", "run", "walk", "repeats", "cooldown", "cadence", "cues")
MAX_REPS = 1000
MAX_SETS = 100
MAX_REPEATS = 200
CADENCE_RANGE = (60, 240)


class Checker:
    """Collects problems for one file while values are read out of its data."""

    def __init__(self, file: str, lines: dict[str, int]) -> None:
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def add(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, message, line_of(self.lines, key), key or None))

    def unknown_keys(self, data: dict[str, Any], allowed: tuple[str, ...], prefix: str) -> None:
        for key in data:
            if key in allowed:
                continue
            path = f"{prefix}.{key}" if prefix else key
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close:
                hint = f'; did you mean "{close[0]}"?'
            else:
                hint = f"; known keys: {', '.join(allowed)}"
            self.add(path, f"unknown key{hint}")

    def text(self, data: dict[str, Any], key: str, path: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.add(path, "missing; every routine and step needs a name")
            return ""
        if not isinstance(value, str):
            self.add(path, f"expected text in quotes, got {_kind(value)}")
            return ""
        if required and not value.strip():
            self.add(path, "must not be empty")
        return value

    def duration(
        self, data: dict[str, Any], key: str, path: str, *, allow_zero: bool = False
    ) -> float | None:
        if key not in data:
            return None
        try:
            seconds = parse_duration(data[key])
        except DurationError as error:
            self.add(path, str(error))
            return None
        if seconds < 0 or (seconds == 0 and not allow_zero):
            floor = "zero or more" if allow_zero else "more than zero"
            self.add(path, f"must be {floor} seconds, got {shown_value(data[key])}")
            return None
        return seconds

    def whole(self, data: dict[str, Any], key: str, path: str, low: int, high: int) -> int | None:
        if key not in data:
            return None
        value = data[key]
        # A bool is an int in Python, and 2.0 is not how a count is written.
        if type(value) is not int or not low <= value <= high:
            self.add(path, f"expected a whole number from {low} to {high}, "
                     f"got {shown_value(value)}")
            return None
        return value

    def format_version(self, data: dict[str, Any], version: int, what: str) -> None:
        """``format``, when given, must be exactly ``version``: not ``true``, not ``1.0``."""
        if "format" not in data:
            return
        value = data["format"]
        # A bool is an int and 1.0 == 1 in Python; neither is how the format is written.
        if type(value) is not int or value != version:
            self.add("format", f"this app reads {what} format {version}, "
                     f"got {shown_value(value)}")

    def text_list(self, data: dict[str, Any], key: str, path: str, what: str) -> tuple[str, ...]:
        if key not in data:
            return ()
        value = data[key]
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(item, str) and item.strip() for item in value)
        ):
            self.add(path, f'expected a non-empty list of text, such as {what}')
            return ()
        return tuple(value)

    def table(self, value: Any, path: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.add(path, f"expected a table, got {_kind(value)}")
        return None


def _kind(value: object) -> str:
    names: dict[type, str] = {
        bool: "true/false", int: "a number", float: "a number", str: "text",
        list: "a list", dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


def build_routine(data: dict[str, Any], checker: Checker) -> Routine | None:
    """The routine in ``data``, or None when any problem was found (all are in ``checker``)."""
    checker.unknown_keys(data, ROUTINE_KEYS, "")
    checker.format_version(data, FORMAT_VERSION, "routine")
    name = checker.text(data, "name", "name", required=True)
    description = checker.text(data, "description", "description")
    rest = checker.duration(data, "rest", "rest", allow_zero=True)
    switch = checker.duration(data, "switch", "switch", allow_zero=True)
    then = checker.text(data, "then", "then") or None
    steps = _build_steps(data, checker)
    runwalk = _build_runwalk(data, checker)
    if "steps" not in data and "runwalk" not in data:
        checker.add("", "a routine needs [[steps]], a [runwalk] block, or both")
    if checker.problems:
        return None
    routine = Routine(
        name=name,
        description=description,
        rest=rest or 0.0,
        switch=DEFAULT_SWITCH if switch is None else switch,
        then=then,
        steps=steps,
        runwalk=runwalk,
    )
    too_big = size_problem(routine_size(routine))
    if too_big is not None:
        checker.add("", too_big)
        return None
    return routine


def _build_steps(data: dict[str, Any], checker: Checker) -> tuple[Step, ...]:
    if "steps" not in data:
        return ()
    raw = data["steps"]
    if not isinstance(raw, list):
        checker.add("steps", f"expected a list of [[steps]] tables, got {_kind(raw)}")
        return ()
    if not raw:
        checker.add("steps", "the list of steps is empty; add at least one [[steps]] table")
        return ()
    steps = []
    for index, item in enumerate(raw):
        table = checker.table(item, f"steps[{index}]")
        if table is not None:
            step = _build_step(table, f"steps[{index}]", checker)
            if step is not None:
                steps.append(step)
    return tuple(steps)


def _build_step(data: dict[str, Any], path: str, checker: Checker) -> Step | None:
    before = len(checker.problems)
    checker.unknown_keys(data, STEP_KEYS, path)
    name = checker.text(data, "name", f"{path}.name", required=True)
    duration = checker.duration(data, "duration", f"{path}.duration")
    reps = checker.whole(data, "reps", f"{path}.reps", 1, MAX_REPS)
    pace = checker.duration(data, "pace", f"{path}.pace")
    has_duration, has_reps = "duration" in data, "reps" in data
    if has_duration and has_reps:
        checker.add(path, "give either duration (a timed hold) or reps (paced reps), not both")
    elif not has_duration and not has_reps:
        checker.add(path, 'needs a duration (such as "30s") or reps (such as 10)')
    if "pace" in data and not has_reps:
        checker.add(f"{path}.pace", "pace is the time per rep; it only applies with reps")
    if reps is not None and pace is not None and reps * pace > MAX_SECONDS:
        checker.add(f"{path}.reps", "reps x pace must be at most 12 hours")
    sides = checker.text_list(data, "sides", f"{path}.sides", '["left", "right"]')
    sets = checker.whole(data, "sets", f"{path}.sets", 1, MAX_SETS)
    rest = checker.duration(data, "rest", f"{path}.rest", allow_zero=True)
    cue = checker.text(data, "cue", f"{path}.cue")
    if len(checker.problems) > before:
        return None
    return Step(
        name=name, duration=duration, reps=reps, pace=pace, cue=cue,
        sides=sides, sets=sets or 1, rest=rest,
    )


def _build_runwalk(data: dict[str, Any], checker: Checker) -> RunWalk | None:
    if "runwalk" not in data:
        return None
    table = checker.table(data["runwalk"], "runwalk")
    if table is None:
        return None
    before = len(checker.problems)
    checker.unknown_keys(table, RUNWALK_KEYS, "runwalk")
    required: list[tuple[str, Callable[[], object]]] = [
        ("run", lambda: checker.duration(table, "run", "runwalk.run")),
        ("repeats", lambda: checker.whole(table, "repeats", "runwalk.repeats", 1, MAX_REPEATS)),
    ]
    values: dict[str, Any] = {}
    for key, read in required:
        if key not in table:
            checker.add("runwalk", f"missing {key}")
        values[key] = read()
    walk = checker.duration(table, "walk", "runwalk.walk", allow_zero=True)
    warmup = checker.duration(table, "warmup", "runwalk.warmup", allow_zero=True)
    cooldown = checker.duration(table, "cooldown", "runwalk.cooldown", allow_zero=True)
    cadence = checker.whole(table, "cadence", "runwalk.cadence", *CADENCE_RANGE)
    cues = checker.text_list(table, "cues", "runwalk.cues", '["Easy, conversational pace"]')
    if len(checker.problems) > before:
        return None
    return RunWalk(
        run=values["run"], repeats=values["repeats"], walk=walk or 0.0,
        warmup=warmup or 0.0, cooldown=cooldown or 0.0, cadence=cadence, cues=cues,
    )
