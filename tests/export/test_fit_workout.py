"""Every bundled routine and every session of the bundled programme, as a FIT workout,
read back by Garmin's SDK and by fitdecode: the same steps, in order, for the same time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.export.fit_readers import both_readers, expanded_steps
from warmup_tui.engine.timeline import Segment, build_timeline, total_seconds
from warmup_tui.export.fit_workout import workout_fit
from warmup_tui.export.workout_plan import Repeat, step_name, workout_from_segments
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.model import session_segments
from warmup_tui.routines.library import Library

SAMPLE = Path(__file__).resolve().parent / "samples" / "garmin-workout-repeat-steps.fit"
CREATED = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
BUNDLED = [entry.id for entry in Library().entries() if entry.source == "bundled"]
PROGRAMME = resolve_programme("build-to-30")


def _round_trip(name: str, segments: list[Segment]) -> None:
    data = workout_fit(workout_from_segments(name, segments), CREATED)
    wanted = [(step_name(s), s.duration) for s in segments]
    for messages in both_readers(data):
        numbers = [step["message_index"] for step in messages["workout_step"]]
        assert numbers == list(range(len(numbers)))
        steps = expanded_steps(messages["workout_step"])
        assert [(step[0], step[1]) for step in steps] == wanted
        assert sum(step[1] for step in steps) == total_seconds(segments)
        assert messages["file_id"][0]["type"] == "workout"
        assert messages["workout"][0]["wkt_name"] == name
        assert messages["workout"][0]["num_valid_steps"] == len(messages["workout_step"])


@pytest.mark.parametrize("routine_id", BUNDLED)
def test_every_bundled_routine_round_trips(routine_id: str) -> None:
    routine = Library().resolve(routine_id).routine
    assert routine is not None
    _round_trip(routine.name, build_timeline(routine))


@pytest.mark.parametrize("key", [session.key for session in PROGRAMME.sessions()])
def test_every_programme_session_round_trips(key: str) -> None:
    session = PROGRAMME.session(key)
    assert session is not None
    _round_trip(f"Build to 30, {session.title}", session_segments(session))


def test_a_run_walk_session_is_warmup_a_repeat_and_cooldown_like_garmins_sample() -> None:
    session = PROGRAMME.sessions()[4]  # week 2: run 90 s / walk 2 min x 6
    workout = workout_from_segments("w2s1", session_segments(session))
    assert isinstance(workout.items[1], Repeat) and workout.items[1].times == 6
    ours = both_readers(workout_fit(workout, CREATED))
    garmins = both_readers(SAMPLE.read_bytes())
    for mine, theirs in zip(ours, garmins, strict=True):
        assert mine.keys() == theirs.keys() == {"file_id", "workout", "workout_step"}
        kinds = [(s["duration_type"], s["intensity"]) for s in mine["workout_step"]]
        assert kinds == [("time", "warmup"), ("time", "active"), ("time", "rest"),
                         ("repeat_until_steps_cmplt", "active"), ("time", "cooldown")]
        repeat = mine["workout_step"][3]
        assert (repeat["duration_step"], repeat["repeat_steps"]) == (1, 6)
        sample_repeat = theirs["workout_step"][3]
        assert sample_repeat["duration_type"] == repeat["duration_type"]
        assert sample_repeat["duration_step"] < sample_repeat["message_index"]


def test_a_cadence_becomes_a_stride_target_on_the_runs_only() -> None:
    routine = Library().resolve("easy-run-walk").routine
    assert routine is not None and routine.runwalk is not None
    segments = [s if s.kind != "run" else s.__class__(**{**s.__dict__, "cadence": 170})
                for s in build_timeline(routine)]
    data = workout_fit(workout_from_segments("cadence", segments), CREATED)
    sdk, other = both_readers(data)
    run = next(s for s in sdk["workout_step"] if s["wkt_step_name"] == "Run")
    walk = next(s for s in sdk["workout_step"] if s["wkt_step_name"] == "Walk")
    # 170 steps a minute is 85 strides; the range is 165-175 steps
    assert (run["target_type"], run["custom_target_cadence_low"],
            run["custom_target_cadence_high"]) == ("cadence", 82, 88)
    assert walk["target_type"] == "open"
    run_again = next(s for s in other["workout_step"] if s["wkt_step_name"] == "Run")
    assert run_again["custom_target_cadence_low"] == 82
