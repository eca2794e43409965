"""What the voice says for each segment and event: pure functions, checked word for word."""

from __future__ import annotations

import pytest

from warmup_tui.audio.phrases import (
    clean_name,
    cue_phrase,
    end_phrase,
    routine_phrases,
    spoken_duration,
    start_phrase,
)
from warmup_tui.engine.cue_plan import plan_at
from warmup_tui.engine.timeline import Segment, build_timeline
from warmup_tui.routines.files import parse_routine


@pytest.mark.parametrize(("seconds", "words"), [
    (1, "1 second"), (0.3, "1 second"), (10, "10 seconds"), (30, "30 seconds"),
    (59.4, "59 seconds"), (119, "119 seconds"),
    (60, "1 minute"), (75, "75 seconds"), (90, "90 seconds"), (120, "2 minutes"),
    (150, "2 and a half minutes"), (195, "3 minutes 15 seconds"), (300, "5 minutes"),
    (3600, "1 hour"), (5400, "1 hour 30 minutes"), (3630, "1 hour 30 seconds"),
])
def test_durations_are_said_as_people_say_them(seconds: float, words: str) -> None:
    assert spoken_duration(seconds) == words


ROUTINE = """\
format = 1
name = "Test"
rest = "10s"
switch = "3s"

[[steps]]
name = "Glute bridge"
duration = "30s"

[[steps]]
name = "Side leg lift"
reps = 10
pace = "2s"
sides = ["left", "right"]

[[steps]]
name = "Squat"
reps = 8
pace = "2s"
sets = 2

[runwalk]
warmup = "5m"
run = "2m"
walk = "90s"
repeats = 3
cooldown = "5m"
"""


def phrases_in_order(segments: list[Segment]) -> list[str]:
    return [start_phrase(segment, plan_at(segments, index))
            for index, segment in enumerate(segments)]


def test_every_segment_start_of_a_routine() -> None:
    segments = build_timeline(parse_routine(ROUTINE, "test.toml"))
    assert phrases_in_order(segments) == [
        "Glute bridge, 30 seconds",
        "Rest, 10 seconds",
        "Side leg lift, left side, 10 reps",
        "Switch sides",
        "Side leg lift, right side, 10 reps",
        "Rest, 10 seconds",
        "Squat, set 1 of 2, 8 reps",
        "Rest, 10 seconds",
        "Squat, set 2 of 2, 8 reps",
        "Rest, 10 seconds",
        "Warmup walk, 5 minutes",
        "Run for 2 minutes",
        "Walk for 90 seconds",
        "Run for 2 minutes",
        "Walk for 90 seconds",
        "Last interval. Run for 2 minutes",
        "Walk for 90 seconds",
        "Cooldown walk, 5 minutes",
    ]


def test_a_new_side_with_no_switch_segment_says_switch_sides() -> None:
    routine = parse_routine(
        'format = 1\nname = "x"\nswitch = "0s"\n[[steps]]\nname = "Lunge"\n'
        'duration = "20s"\nsides = ["left", "right"]\n', "x.toml")
    assert phrases_in_order(build_timeline(routine)) == [
        "Lunge, left side, 20 seconds",
        "Switch sides. Lunge, right side, 20 seconds",
    ]


def test_a_single_run_is_not_the_last_interval_and_sides_need_not_be_left_or_right() -> None:
    run = Segment(0, "Run", "run", 60.0, interval=1, intervals=1)
    assert start_phrase(run) == "Run for 1 minute"
    hop = Segment(1, "Hop", "exercise", 10.0, side="front")
    assert start_phrase(hop) == "Hop, front, 10 seconds"
    one = Segment(2, "Pull", "exercise", 4.0, reps=1, pace=4.0)
    assert start_phrase(one) == "Pull, 1 rep"


def test_cues_only_halfway_is_spoken() -> None:
    assert cue_phrase("halfway") == "Halfway"
    for cue in ("pip", "rep", "switch_sides", "last_interval"):
        assert cue_phrase(cue) is None  # type: ignore[arg-type]


def test_the_end_depends_on_what_was_last_and_on_finishing() -> None:
    walk = Segment(5, "Cooldown walk", "walk", 300.0)
    hold = Segment(3, "Plank", "exercise", 30.0)
    assert end_phrase(walk, True) == "Well done, session finished"
    assert end_phrase(hold, True) == "Warmup done"
    assert end_phrase(hold, False) is None
    assert end_phrase(None, True) is None


def test_routine_phrases_are_each_listed_once_in_order_of_need() -> None:
    segments = build_timeline(parse_routine(ROUTINE, "test.toml"))
    phrases = routine_phrases(segments)
    assert phrases == [
        "Glute bridge, 30 seconds", "Halfway", "Rest, 10 seconds",
        "Side leg lift, left side, 10 reps", "Switch sides",
        "Side leg lift, right side, 10 reps", "Squat, set 1 of 2, 8 reps",
        "Squat, set 2 of 2, 8 reps", "Warmup walk, 5 minutes", "Run for 2 minutes",
        "Walk for 90 seconds", "Last interval. Run for 2 minutes",
        "Cooldown walk, 5 minutes", "Well done, session finished",
    ]
    assert routine_phrases([]) == []


def test_names_are_cleaned_of_control_characters_and_cut_but_not_escaped() -> None:
    assert clean_name("  Glute\tbridge\n\x07 ") == "Glute bridge"
    assert clean_name("$(touch x); rm -rf ~ | & ; `id`") == "$(touch x); rm -rf ~ | & ; `id`"
    assert len(clean_name("a" * 500)) == 120
    assert start_phrase(Segment(0, "  ", "exercise", 5.0)) == "Next step, 5 seconds"
