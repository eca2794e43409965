"""Controls pressed after a stall in which the session ran out (a suspended laptop)."""

from __future__ import annotations

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment


def two_holds() -> list[Segment]:
    return [Segment(0, "Hold", "exercise", 5.0), Segment(1, "Lift", "exercise", 5.0)]


def test_pause_after_the_session_ran_out_finishes_it_instead() -> None:
    clock = FakeClock()
    session = Session(two_holds(), clock)
    session.start()
    clock.advance(60)
    names = [event.name for event in session.pause()]
    assert names[-1] == "session_end" and "pause" not in names
    assert session.state == "finished" and session.completed
    assert session.wake_in() is None
    assert session.resume() == [] and session.pause() == []


def test_pause_during_a_stall_that_left_time_pauses_the_segment_it_reached() -> None:
    clock = FakeClock()
    session = Session(two_holds(), clock)
    session.start()
    clock.advance(6)
    names = [event.name for event in session.pause() if event.name != "cue"]
    assert names == ["segment_end", "segment_start", "pause"]
    assert (session.state, session.index, session.remaining()) == ("paused", 1, 4.0)
