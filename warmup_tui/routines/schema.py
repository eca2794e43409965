"""Checks parsed TOML against the routine format and builds a :class:`Routine`.

Every problem is collected, so the user fixes a file in one pass instead of one error
at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from warmup_tui.common.checker import Checker, kind_of
from warmup_tui.common.durations import MAX_SECONDS
from warmup_tui.routines.model import DEFAULT_SWITCH, FORMAT_VERSION, Routine, RunWalk, Step
from warmup_tui.routines.size import routine_size, size_problem

ROUTINE_KEYS = ("format", "name", "description", "rest", "switch", "then", "steps", "runwalk")
STEP_KEYS = ("name", "duration", "reps", "pace", "cue", "sides", "sets", "rest")
RUNWALK_KEYS = ("warmup", "run", "walk", "repeats", "cooldown", "cadence", "cues")
MAX_REPS = 1000
MAX_SETS = 100
MAX_REPEATS = 200
CADENCE_RANGE = (60, 240)
# ``then = "programme"``: go on to the runner's next programme session, whichever it is.
THEN_PROGRAMME = "programme"


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
        checker.add("steps", f"expected a list of [[steps]] tables, got {kind_of(raw)}")
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
