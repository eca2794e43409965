"""A routine expands into exactly the segments a session runs."""

from __future__ import annotations

from warmup_tui.engine.timeline import Segment, build_timeline, total_seconds
from warmup_tui.routines.files import parse_routine
from warmup_tui.routines.model import DEFAULT_PACE, Routine, RunWalk, Step


def shape(segments: list[Segment]) -> list[tuple[str, str, float, str | None]]:
    return [(s.kind, s.step, s.duration, s.side) for s in segments]


def test_indexes_run_from_zero_in_order() -> None:
    routine = Routine("r", rest=5, steps=(Step("A", 10), Step("B", 20), Step("C", 30)))
    assert [s.index for s in build_timeline(routine)] == [0, 1, 2, 3, 4]


def test_rests_between_steps_and_none_after_the_last() -> None:
    routine = Routine("r", rest=10, steps=(Step("A", 30), Step("B", 20)))
    assert shape(build_timeline(routine)) == [
        ("exercise", "A", 30, None),
        ("rest", "Rest", 10, None),
        ("exercise", "B", 20, None),
    ]


def test_a_step_rest_overrides_the_routine_rest_for_the_rest_after_it() -> None:
    routine = Routine("r", rest=10, steps=(Step("A", 30, rest=0), Step("B", 20, rest=45),
                                           Step("C", 5)))
    assert shape(build_timeline(routine)) == [
        ("exercise", "A", 30, None),
        ("exercise", "B", 20, None),
        ("rest", "Rest", 45, None),
        ("exercise", "C", 5, None),
    ]


def test_sides_run_once_each_with_a_switch_between() -> None:
    routine = Routine("r", switch=5, steps=(Step("Walk", 20, sides=("left", "right", "back")),))
    assert shape(build_timeline(routine)) == [
        ("exercise", "Walk", 20, "left"),
        ("switch", "Walk", 5, "right"),
        ("exercise", "Walk", 20, "right"),
        ("switch", "Walk", 5, "back"),
        ("exercise", "Walk", 20, "back"),
    ]


def test_switch_cue_names_a_body_side_or_a_direction() -> None:
    routine = Routine("r", switch=5, steps=(Step("Walk", 20, sides=("left", "Right", "back")),))
    cues = [s.cue for s in build_timeline(routine) if s.kind == "switch"]
    assert cues == ["Switch to the Right side", "Turn round: walk backwards"]


def test_zero_switch_time_leaves_the_switch_out() -> None:
    routine = Routine("r", switch=0, steps=(Step("S", 20, sides=("left", "right")),))
    assert shape(build_timeline(routine)) == [
        ("exercise", "S", 20, "left"),
        ("exercise", "S", 20, "right"),
    ]


def test_sets_with_rest_between_them_but_not_after_the_last_set() -> None:
    routine = Routine("r", rest=15, steps=(Step("Bridge", 30, sets=3),))
    segments = build_timeline(routine)
    assert shape(segments) == [
        ("exercise", "Bridge", 30, None),
        ("rest", "Rest", 15, None),
        ("exercise", "Bridge", 30, None),
        ("rest", "Rest", 15, None),
        ("exercise", "Bridge", 30, None),
    ]
    exercises = [s for s in segments if s.kind == "exercise"]
    assert [(s.set_number, s.sets) for s in exercises] == [(1, 3), (2, 3), (3, 3)]


def test_sets_of_sides_without_rest_still_switch_between_sets() -> None:
    # Set 1 ends on the right, set 2 starts on the left: that is a change of side too.
    routine = Routine("r", switch=5, steps=(Step("Lift", 10, sides=("left", "right"), sets=2),))
    assert shape(build_timeline(routine)) == [
        ("exercise", "Lift", 10, "left"),
        ("switch", "Lift", 5, "right"),
        ("exercise", "Lift", 10, "right"),
        ("switch", "Lift", 5, "left"),
        ("exercise", "Lift", 10, "left"),
        ("switch", "Lift", 5, "right"),
        ("exercise", "Lift", 10, "right"),
    ]


def test_sets_of_sides_with_rest_rest_instead_of_switching() -> None:
    routine = Routine("r", switch=5, rest=20,
                      steps=(Step("Lift", 10, sides=("left", "right"), sets=2),))
    assert [s.kind for s in build_timeline(routine)] == [
        "exercise", "switch", "exercise", "rest", "exercise", "switch", "exercise",
    ]


def test_paced_reps_last_reps_times_pace() -> None:
    routine = Routine("r", steps=(Step("Lift", reps=10, pace=3), Step("Squat", reps=8)))
    first, second = build_timeline(routine)
    assert (first.duration, first.reps, first.pace) == (30, 10, 3)
    assert (second.duration, second.reps, second.pace) == (8 * DEFAULT_PACE, 8, DEFAULT_PACE)


def test_a_timed_hold_has_no_reps_or_pace() -> None:
    (segment,) = build_timeline(Routine("r", steps=(Step("Hold", 30, cue="Breathe"),)))
    assert (segment.reps, segment.pace, segment.cue) == (None, None, "Breathe")


def test_run_walk_block() -> None:
    block = RunWalk(run=120, repeats=3, walk=60, warmup=300, cooldown=240, cadence=170,
                    cues=("one", "two"))
    segments = build_timeline(Routine("r", runwalk=block))
    assert shape(segments) == [
        ("walk", "Warmup walk", 300, None),
        ("run", "Run", 120, None),
        ("walk", "Walk", 60, None),
        ("run", "Run", 120, None),
        ("walk", "Walk", 60, None),
        ("run", "Run", 120, None),
        ("walk", "Walk", 60, None),
        ("walk", "Cooldown walk", 240, None),
    ]
    runs = [s for s in segments if s.kind == "run"]
    assert [(s.interval, s.intervals, s.cadence, s.cue) for s in runs] == [
        (1, 3, 170, "one"), (2, 3, 170, "two"), (3, 3, 170, "one"),
    ]
    assert total_seconds(segments) == 300 + 3 * 180 + 240


def test_run_walk_without_walks_or_warmup() -> None:
    segments = build_timeline(Routine("r", runwalk=RunWalk(run=600, repeats=2)))
    assert shape(segments) == [("run", "Run", 600, None), ("run", "Run", 600, None)]


def test_steps_then_run_walk_rest_before_the_block() -> None:
    routine = Routine("r", rest=10, steps=(Step("A", 30),),
                      runwalk=RunWalk(run=60, repeats=1, warmup=120))
    assert [s.kind for s in build_timeline(routine)] == ["exercise", "rest", "walk", "run"]


def test_the_bundled_pre_run_timeline() -> None:
    from warmup_tui.routines.library import Library

    entry = Library().resolve("pre-run")
    assert entry.routine is not None
    segments = build_timeline(entry.routine)
    exercises = [(s.step, s.side, s.reps, s.duration) for s in segments if s.kind == "exercise"]
    assert exercises == [
        ("Hip flexor stretch", "left", None, 30),
        ("Hip flexor stretch", "right", None, 30),
        ("Glute bridge", None, None, 30),
        ("Monster walk", "left", 10, 20),
        ("Monster walk", "right", 10, 20),
        ("Monster walk", "back", 10, 20),
        ("Side leg lift", "left", 10, 30),
        ("Side leg lift", "right", 10, 30),
    ]
    assert segments[-1].kind == "exercise"
    assert all(s.cue for s in segments)


def test_timeline_of_a_parsed_file() -> None:
    text = (
        'name = "x"\nrest = "15s"\nswitch = "3s"\n'
        '[[steps]]\nname = "Lunge"\nreps = 4\npace = "2s"\nsides = ["left", "right"]\n'
        '[[steps]]\nname = "Plank"\nduration = "1m"\n'
    )
    segments = build_timeline(parse_routine(text, "x.toml"))
    assert shape(segments) == [
        ("exercise", "Lunge", 8, "left"),
        ("switch", "Lunge", 3, "right"),
        ("exercise", "Lunge", 8, "right"),
        ("rest", "Rest", 15, None),
        ("exercise", "Plank", 60, None),
    ]
    assert total_seconds(segments) == 8 + 3 + 8 + 15 + 60


def test_json_form_of_a_segment() -> None:
    (segment,) = build_timeline(Routine("r", steps=(Step("Lift", reps=2, pace=2, cue="Up"),)))
    assert segment.to_json() == {
        "index": 0, "step": "Lift", "kind": "exercise", "side": None, "duration": 4.0,
        "reps": 2, "pace": 2, "cue": "Up", "set": 1, "sets": 1, "interval": None,
        "intervals": None, "cadence": None,
    }
