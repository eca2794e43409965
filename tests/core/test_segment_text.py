"""Segment wording, from real timelines: the titles word for word, and the places that name a
segment (plain output, screen, voice, resume question, history) agreeing on the pieces."""

from __future__ import annotations

from pathlib import Path

from warmup_tui.audio.phrases import start_phrase
from warmup_tui.common.paths import bundled_dir
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.cue_plan import plan_at
from warmup_tui.engine.events import Event
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment, build_timeline
from warmup_tui.engine.view import build_view, side_label
from warmup_tui.engine.wording import (
    interval_text,
    is_body_side,
    segment_title,
    set_text,
    short_title,
    side_words,
    with_side,
)
from warmup_tui.log import LogRecorder, TrainingLog
from warmup_tui.log.report import session_status
from warmup_tui.routines.files import load_routine, parse_routine
from warmup_tui.runs.headless import describe_event


def bundled(name: str) -> list[Segment]:
    routine = load_routine(bundled_dir("routines") / f"{name}.toml").routine
    return build_timeline(routine)


# No bundled routine has sets, or a side written with a capital: this one has both.
SETS_AND_CAPITALS = """\
format = 1
name = "Sets"
rest = "10s"
switch = "3s"

[[steps]]
name = "Lunge"
duration = "20s"
sides = ["Left", "Right"]
sets = 2

[[steps]]
name = "Squat"
reps = 8
sets = 3
"""


def sets_timeline() -> list[Segment]:
    return build_timeline(parse_routine(SETS_AND_CAPITALS, "sets.toml"))


def test_every_title_of_the_pre_run_warmup() -> None:
    assert [segment_title(seg) for seg in bundled("pre-run")] == [
        "Hip flexor stretch (left side)",
        "Switch sides for Hip flexor stretch (right side)",
        "Hip flexor stretch (right side)",
        "Rest",
        "Glute bridge",
        "Rest",
        "Monster walk (left side)",
        "Switch sides for Monster walk (right side)",
        "Monster walk (right side)",
        "Turn round for Monster walk (back)",
        "Monster walk (back)",
        "Rest",
        "Side leg lift (left side)",
        "Switch sides for Side leg lift (right side)",
        "Side leg lift (right side)",
    ]


def test_run_walk_titles_count_the_intervals_but_not_the_warmup_or_cooldown() -> None:
    titles = [segment_title(seg) for seg in bundled("easy-run-walk")]
    assert titles[:4] == ["Warmup walk", "Run 1 of 10", "Walk 1 of 10", "Run 2 of 10"]
    assert titles[-3:] == ["Run 10 of 10", "Walk 10 of 10", "Cooldown walk"]


def test_short_titles_name_the_side_as_written() -> None:
    segments = bundled("pre-run")
    assert [short_title(segments[i]) for i in (0, 4, 10)] == [
        "Hip flexor stretch (left)", "Glute bridge", "Monster walk (back)"]
    assert short_title(bundled("easy-run-walk")[5]) == "Run 3 of 10"


def test_sets_are_counted_on_exercises_only() -> None:
    segments = sets_timeline()
    exercises = [seg for seg in segments if seg.kind == "exercise"]
    assert [set_text(seg) for seg in exercises] == [
        "set 1 of 2", "set 1 of 2", "set 2 of 2", "set 2 of 2",
        "set 1 of 3", "set 2 of 3", "set 3 of 3"]
    # Rests between sets and the switches carry the set number too, but are not a set.
    assert all(set_text(seg) == "" for seg in segments if seg.kind != "exercise")
    assert segment_title(exercises[2]) == "Lunge (Left side, set 2 of 2)"
    assert short_title(exercises[2]) == "Lunge, set 2 of 2 (Left)"


def test_intervals_only_inside_the_run_walk_block() -> None:
    assert all(interval_text(seg) == "" for seg in bundled("pre-run"))
    walks = [seg for seg in bundled("easy-run-walk") if seg.kind == "walk"]
    assert [interval_text(seg) for seg in (walks[0], walks[1], walks[-1])] == [
        "", "Walk 1 of 10", ""]


def test_body_sides_in_any_case_directions_as_written() -> None:
    assert [is_body_side(side) for side in ("left", "Right", "LEFT", "back", "left leg")] == [
        True, True, True, False, False]
    assert [side_words(side) for side in ("left", "Right", "back")] == [
        "left side", "Right side", "back"]
    assert with_side("Side leg lift", "left") == "Side leg lift (left)"
    assert with_side("Glute bridge", None) == "Glute bridge"


def test_screen_voice_and_plain_output_name_a_side_the_same_way() -> None:
    for segments in (bundled("pre-run"), sets_timeline()):
        for seg in segments:
            if seg.kind == "exercise" and seg.side:
                words = side_words(seg.side)
                assert words in segment_title(seg)
                assert f", {words}, " in start_phrase(seg, plan_at(segments, seg.index))
                assert side_label(seg.side) == words.capitalize()


def test_screen_detail_voice_and_plain_output_agree_on_the_set() -> None:
    segments = sets_timeline()
    squat_2 = next(seg for seg in segments if seg.step == "Squat" and seg.set_number == 2)
    session = Session(segments, FakeClock(), start_index=squat_2.index)
    session.start()
    assert build_view(session).detail == "Set 2 of 3"
    assert start_phrase(squat_2, plan_at(segments, squat_2.index)) == "Squat, set 2 of 3, 8 reps"
    start = Event("segment_start", 0.0, segment=squat_2)
    assert describe_event(start).startswith("start Squat (set 2 of 3), ")


def test_the_history_and_the_resume_question_name_a_place_alike(tmp_path: Path) -> None:
    segments = bundled("pre-run")
    seg = next(s for s in segments if (s.step, s.side) == ("Side leg lift", "left"))
    clock = FakeClock()
    recorder = LogRecorder("pre-run", segments, log_path=tmp_path / "log.db")
    session = Session(segments, clock, start_index=seg.index)
    events = session.start()
    clock.advance(2)
    events += session.poll() + session.stop()
    for event in events:
        recorder.handle(event)
    assert recorder.wait_written(5)
    recorder.close()
    with TrainingLog.open(tmp_path / "log.db") as log:
        [row] = log.sessions()
    assert session_status(row, lambda pid: False) == "stopped at Side leg lift (left)"
    assert session_status(row, lambda pid: False) == f"stopped at {short_title(seg)}"
