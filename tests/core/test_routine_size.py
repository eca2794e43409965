"""The size counted without building equals the timeline that is built."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warmup_tui.engine.timeline import build_timeline, total_seconds
from warmup_tui.routines.model import Routine, RunWalk, Step
from warmup_tui.routines.size import MAX_SEGMENTS, Size, routine_size, size_problem

seconds = st.sampled_from([0.0, 0.5, 1.0, 5.0, 30.0])
positive = st.sampled_from([0.5, 1.0, 5.0, 30.0])
steps = st.builds(
    Step, name=st.just("S"), duration=positive,
    sides=st.lists(st.sampled_from(["left", "right", "back"]), max_size=3).map(tuple),
    sets=st.integers(1, 4), rest=st.none() | seconds,
) | st.builds(Step, name=st.just("R"), reps=st.integers(1, 5), pace=st.none() | positive,
              sets=st.integers(1, 3))
blocks = st.builds(RunWalk, run=positive, repeats=st.integers(1, 5), walk=seconds,
                   warmup=seconds, cooldown=seconds)
routines = st.builds(Routine, name=st.just("R"), rest=seconds, switch=seconds,
                     steps=st.lists(steps, max_size=4).map(tuple), runwalk=st.none() | blocks)


@settings(max_examples=300)
@given(routines)
def test_the_count_matches_the_built_timeline(routine: Routine) -> None:
    segments = build_timeline(routine)
    size = routine_size(routine)
    assert size.segments == len(segments)
    assert size.seconds == pytest.approx(total_seconds(segments))


def test_a_huge_expansion_is_counted_without_building_it() -> None:
    step = Step("Lift", duration=1.0, sides=tuple(["s"] * 50_000), sets=100)
    size = routine_size(Routine("Big", steps=(step,)))  # instant; building it is gigabytes
    assert size.segments == 9_999_999
    assert size_problem(size) == (
        "expands to 9,999,999 segments; a routine may have at most 3,000")


def test_the_caps_themselves_are_allowed() -> None:
    assert size_problem(Size(MAX_SEGMENTS, 12 * 3600)) is None
    assert size_problem(Size(1, 12 * 3600 + 1)) == (
        "lasts 12.0 hours; a routine may last at most 12 hours")
