"""Early word of what is about to sound: with ``heads_up`` set, the session sends a
``heads_up`` event that many real seconds before each moment due on its own, carrying
the very event it will send then."""

from __future__ import annotations

import pytest

from tests.core.session_helpers import EXPECTED_SMALL, T0, brief, small_timeline
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.events import Event
from warmup_tui.engine.session import Session


def run_by_wake_in(session: Session, clock: FakeClock) -> list[Event]:
    """Drive the session as the front ends do: sleep exactly until wake_in says."""
    events = session.start()
    while session.state != "finished":
        wait = session.wake_in()
        assert wait is not None
        clock.advance(wait)
        events += session.poll()
    return events


def test_each_moment_due_on_its_own_is_announced_early_with_its_own_event() -> None:
    clock = FakeClock(T0)
    events = run_by_wake_in(Session(small_timeline(), clock, heads_up=0.3), clock)
    sent = [e for e in events if e.name != "heads_up"]
    assert brief(sent) == EXPECTED_SMALL  # nothing else changes
    early = [e for e in events if e.name == "heads_up"]
    # Everything after the first start is due on its own, except a segment's end, which
    # is announced by what it starts (the next segment, or the session's end).
    announced = [e for e in sent[1:] if e.name != "segment_end"]
    # rep 1 falls due with its segment's start: it is told with the start it rides on.
    announced = [e for e in announced if not (e.cue == "rep" and e.value == 1)]
    assert [e.ahead for e in early] == announced
    for word in early:
        assert word.ahead is not None
        assert word.t == pytest.approx(word.ahead.t - 0.3)
        assert events.index(word) < events.index(word.ahead)


def test_none_without_heads_up() -> None:
    clock = FakeClock(T0)
    events = run_by_wake_in(Session(small_timeline(), clock), clock)
    assert brief(events) == EXPECTED_SMALL


def test_the_notice_is_real_time_in_a_sped_up_preview() -> None:
    clock = FakeClock(T0, speed=10.0)
    events = run_by_wake_in(Session(small_timeline(), clock, heads_up=0.3), clock)
    early = [e for e in events if e.name == "heads_up"]
    assert early and all(e.ahead is not None and e.t == pytest.approx(e.ahead.t - 3.0)
                         for e in early)


def test_a_resume_announces_again_what_was_announced_before_the_pause() -> None:
    clock = FakeClock(T0)
    session = Session(small_timeline(), clock, heads_up=0.3)
    session.start()
    clock.advance(9.8)
    first = session.poll()
    assert [(e.name, e.ahead and e.ahead.cue) for e in first] == [("heads_up", "halfway")]
    session.pause()
    clock.advance(60.0)
    again = session.resume()
    assert [(e.name, e.ahead and e.ahead.cue) for e in again] == [
        ("resume", None), ("heads_up", "halfway")]


def test_the_last_segment_announces_the_finish() -> None:
    clock = FakeClock(T0)
    events = run_by_wake_in(Session(small_timeline(), clock, heads_up=0.5), clock)
    last = [e for e in events if e.name == "heads_up"][-1]
    assert last.ahead is not None and last.ahead.name == "session_end"
    assert last.ahead.completed and last.t == pytest.approx(30.5)


def test_word_of_the_start_comes_before_it_the_get_ready_pip_or_the_first_step() -> None:
    clock = FakeClock(T0)
    ready = Session(small_timeline(), clock, lead_in=3.0, heads_up=0.3)
    early = ready.heads_up_at_start()
    assert [(e.name, e.t) for e in early] == [("heads_up", -0.3)]
    assert early[0].ahead == ready.start()[0]  # the get-ready's "3"
    assert ready.heads_up_at_start() == []  # once started, there is no start to tell of

    plain = Session(small_timeline(), FakeClock(T0, speed=10.0), heads_up=0.3)
    early = plain.heads_up_at_start()
    assert [(e.name, e.t) for e in early] == [("heads_up", pytest.approx(-3.0))]
    assert early[0].ahead == plain.start()[0]  # the first step's start
    assert Session(small_timeline(), clock).heads_up_at_start() == []
