"""Any valid routine, written out with tomli-w, loads back equal."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from warmup_tui.common.durations import MAX_SECONDS
from warmup_tui.common.problems import ProblemsError
from warmup_tui.routines.files import load_routine, parse_routine, routine_to_toml, save_routine
from warmup_tui.routines.model import Routine, RunWalk, Step
from warmup_tui.routines.schema import CADENCE_RANGE, MAX_REPEATS, MAX_REPS, MAX_SETS
from warmup_tui.routines.size import routine_size, size_problem

# Any text a TOML file can hold: everything except lone surrogates, which UTF-8 cannot encode.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
label = any_text.filter(lambda text: text.strip() != "")
positive = st.one_of(
    st.integers(1, int(MAX_SECONDS)).map(float),
    st.floats(min_value=0.001, max_value=MAX_SECONDS, allow_nan=False, allow_infinity=False),
)
zero_or_more = st.one_of(st.just(0.0), positive)


@st.composite
def steps(draw: st.DrawFn) -> Step:
    sides = tuple(draw(st.lists(label, max_size=4)))
    common = {
        "name": draw(label),
        "cue": draw(any_text),
        "sides": sides,
        "sets": draw(st.integers(1, MAX_SETS)),
        "rest": draw(st.none() | zero_or_more),
    }
    if draw(st.booleans()):
        return Step(duration=draw(positive), **common)
    reps = draw(st.integers(1, MAX_REPS))
    pace = draw(st.none() | positive)
    assume(pace is None or reps * pace <= MAX_SECONDS)
    return Step(reps=reps, pace=pace, **common)


runwalks = st.builds(
    RunWalk,
    run=positive,
    repeats=st.integers(1, MAX_REPEATS),
    walk=zero_or_more,
    warmup=zero_or_more,
    cooldown=zero_or_more,
    cadence=st.none() | st.integers(*CADENCE_RANGE),
    cues=st.lists(label, max_size=3).map(tuple),
)


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    step_list = tuple(draw(st.lists(steps(), max_size=4)))
    block = draw(st.none() | runwalks)
    assume(step_list or block is not None)
    return Routine(
        name=draw(label),
        description=draw(any_text),
        rest=draw(zero_or_more),
        switch=draw(zero_or_more),
        then=draw(st.none() | label),
        steps=step_list,
        runwalk=block,
    )


@settings(max_examples=150)
@given(routines())
def test_any_valid_routine_round_trips_through_toml(routine: Routine) -> None:
    too_big = size_problem(routine_size(routine))
    if too_big is None:
        assert parse_routine(routine_to_toml(routine), "r.toml") == routine
    else:  # every value is fine on its own, but together they pass the size cap
        with pytest.raises(ProblemsError) as raised:
            parse_routine(routine_to_toml(routine), "r.toml")
        assert [str(problem) for problem in raised.value.problems] == [f"r.toml: {too_big}"]


def test_a_saved_routine_loads_back_from_disk(tmp_path: Path) -> None:
    routine = Routine(
        name="Mine", description="Säure, \"quotes\" and\nnewlines", rest=12.5,
        steps=(Step("Lift", reps=10, pace=2.5, sides=("left", "right"), sets=2, rest=0),),
        runwalk=RunWalk(run=90, repeats=4, walk=60, cadence=172, cues=("Easy",)),
    )
    path = tmp_path / "mine.toml"
    save_routine(routine, path)
    assert load_routine(path).routine == routine


def test_the_written_file_uses_readable_durations() -> None:
    text = routine_to_toml(Routine("x", rest=90, steps=(Step("Plank", duration=3600),)))
    assert 'rest = "1m30s"' in text
    assert 'duration = "1h"' in text
    assert "format = 1" in text
