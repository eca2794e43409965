"""Words a coach would say, checked over the bundled routines: a change of direction says
what to do, on screen and aloud alike; the get-ready names the first step once; the last
step of a warmup names the run that follows it."""

from __future__ import annotations

from warmup_tui.audio.phrases import routine_phrases, start_phrase
from warmup_tui.common.paths import bundled_dir
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.cue_plan import plan_at
from warmup_tui.engine.events import Event
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment, build_timeline
from warmup_tui.engine.view import SessionView, build_view
from warmup_tui.engine.wording import switch_heading, switch_words
from warmup_tui.routines.files import load_routine
from warmup_tui.runs.headless import describe_event

BUNDLED = ("pre-run", "first-steps", "easy-run-walk", "run-walk-30-30", "after-run")


def bundled(name: str) -> list[Segment]:
    return build_timeline(load_routine(bundled_dir("routines") / f"{name}.toml").routine)


def view_at(segments: list[Segment], index: int, *, then: str | None = None,
            lead_in: float = 0.0) -> SessionView:
    session = Session(segments, FakeClock(), start_index=index, lead_in=lead_in)
    session.start()
    return build_view(session, then)


def test_the_monster_walk_turns_round_to_walk_backwards_on_screen_and_aloud() -> None:
    segments = bundled("pre-run")
    turn = next(seg for seg in segments if seg.kind == "switch" and seg.side == "back")
    view = view_at(segments, turn.index)
    assert view.heading == "TURN ROUND"
    assert view.cue == "Turn round: walk backwards"
    assert start_phrase(turn, plan_at(segments, turn.index)) == "Turn round: walk backwards"
    before = view_at(segments, turn.index - 1)
    assert before.next_up == "Next: turn round"
    assert describe_event(Event("cue", 0.0, segment=turn, cue="switch_sides")) == (
        "turn round: walk backwards")


def test_switching_between_left_and_right_still_says_switch_sides() -> None:
    segments = bundled("pre-run")
    right = next(seg for seg in segments if seg.kind == "switch" and seg.side == "right")
    assert view_at(segments, right.index).heading == "SWITCH SIDES"
    assert start_phrase(right, plan_at(segments, right.index)) == "Switch sides"
    assert view_at(segments, right.index - 1).next_up == "Next: switch to the right side"


def test_no_bundled_routine_tells_anyone_to_switch_sides_into_a_direction() -> None:
    for name in BUNDLED:
        segments = bundled(name)
        spoken = " | ".join(routine_phrases(segments))
        for seg in segments:
            if seg.kind != "switch" or seg.side in (None, "left", "right"):
                continue
            shown = view_at(segments, seg.index)
            assert "switch" not in f"{shown.heading} {shown.cue}".lower(), name
            assert switch_words(seg.side) in spoken
        assert "Switch to back" not in spoken


def test_a_direction_other_than_back_is_named_as_written() -> None:
    assert switch_words("front") == "Turn round: front"
    assert switch_heading("front") == "Turn round"
    assert (switch_words(None), switch_words("Left")) == ("Switch sides", "Switch sides")


def test_get_ready_names_the_first_step_once_with_its_length() -> None:
    for name in BUNDLED:
        segments = bundled(name)
        view = view_at(segments, 0, lead_in=3.0)
        assert view.heading == "GET READY"
        assert view.title.startswith(f"First up: {segments[0].step} · ")
        assert view.next_up == ""


def test_the_last_warmup_step_names_the_run_that_follows() -> None:
    segments = bundled("pre-run")
    last = len(segments) - 1
    assert view_at(segments, last, then="Easy run-walk").next_up == "Next: Easy run-walk"
    assert view_at(segments, last).next_up == "Next: finish"
