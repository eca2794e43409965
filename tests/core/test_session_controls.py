"""The session engine's controls against a fake clock: pause, next, back, restart, add time.

No test sleeps: the clock moves only when a test moves it.
"""

from __future__ import annotations

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.session import Session

from .session_helpers import brief, small_timeline


def test_pause_freezes_remaining_and_resume_sets_a_new_deadline() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(3.0)
    assert brief(session.pause()) == [("pause", 3.0, 0, None, None)]
    assert session.state == "paused"
    clock.advance(500.0)
    assert session.poll() == []
    assert session.remaining() == 17.0
    assert session.wake_in() is None
    assert brief(session.resume()) == [("resume", 503.0, 0, None, None)]
    assert session.remaining() == 17.0
    clock.advance(7.0)
    assert brief(session.poll()) == [("cue", 510.0, 0, "halfway", None)]
    clock.advance(10.0)
    events = session.poll()
    assert brief(events)[-2:] == [("segment_end", 520.0, 0, None, None),
                                  ("segment_start", 520.0, 1, None, None)]
    # Time spent paused is not time spent on the segment.
    assert session.records[0].actual == 20.0


def test_pause_twice_and_resume_twice() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    assert [e.name for e in session.pause()] == ["pause"]
    assert session.pause() == []
    assert [e.name for e in session.resume()] == ["resume"]
    assert session.resume() == []
    assert session.state == "running"


def test_next_skips_the_rest_of_the_segment() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(3.0)
    events = session.next()
    assert brief(events) == [("segment_end", 3.0, 0, None, None),
                             ("segment_start", 3.0, 1, None, None)]
    assert events[0].skipped
    assert (session.index, session.remaining()) == (1, 5.0)
    assert [(r.index, r.actual, r.skipped) for r in session.records] == [(0, 3.0, True)]


def test_next_on_the_last_segment_ends_the_session() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock, start_index=2)
    session.start()
    clock.advance(1.0)
    assert brief(session.next()) == [("segment_end", 1.0, 2, None, None),
                                     ("session_end", 1.0, None, None, None)]
    assert session.state == "finished"


def test_back_goes_to_the_start_of_the_previous_segment() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(22.0)
    session.poll()
    assert session.index == 1
    events = session.back()
    assert brief(events) == [("segment_end", 22.0, 1, None, None),
                             ("segment_start", 22.0, 0, None, None)]
    assert events[0].skipped
    assert (session.index, session.remaining()) == (0, 20.0)
    clock.advance(10.0)
    assert brief(session.poll()) == [("cue", 32.0, 0, "halfway", None)]


def test_back_on_the_first_segment_restarts_it() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(12.0)
    session.poll()
    session.back()
    assert (session.index, session.remaining()) == (0, 20.0)


def test_restart_begins_the_segment_again_and_its_cues_fire_again() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock, start_index=2)
    session.start()
    clock.advance(3.0)
    assert [(e.cue, e.value) for e in session.poll()] == [("rep", 2), ("pip", 3)]
    events = session.restart()
    assert brief(events) == [("segment_end", 3.0, 2, None, None),
                             ("segment_start", 3.0, 2, None, None),
                             ("cue", 3.0, 2, "rep", 1)]
    assert session.remaining() == 6.0
    assert session.current_rep() == 1
    clock.advance(2.0)
    assert [e.value for e in session.poll()] == [2]
    assert session.current_rep() == 2


def test_add_ten_seconds_moves_the_end_and_its_pips() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(15.0)
    session.poll()
    assert session.add_time(+10) == []
    assert session.remaining() == 15.0
    clock.advance(12.0)  # the pips follow the deadline: 3 s before the new end, not at 17 s
    assert brief(session.poll()) == [("cue", 27.0, 0, "pip", 3)]
    clock.advance(3.0)
    assert brief(session.poll()) == [("cue", 28.0, 0, "pip", 2), ("cue", 29.0, 0, "pip", 1),
                                     ("segment_end", 30.0, 0, None, None),
                                     ("segment_start", 30.0, 1, None, None)]
    assert session.records[0].actual == 30.0


def test_remove_ten_seconds_leaves_passed_pips_silent() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(15.0)
    session.poll()
    session.add_time(+10)
    clock.advance(3.5)
    assert session.poll() == []
    assert session.add_time(-10) == []
    assert session.remaining() == 1.5
    # The pips for 3 and 2 s left (17 s and 18 s) are in the past now: they stay silent.
    clock.advance(1.5)
    assert brief(session.poll()) == [("cue", 19.0, 0, "pip", 1),
                                     ("segment_end", 20.0, 0, None, None),
                                     ("segment_start", 20.0, 1, None, None)]


def test_removing_more_time_than_is_left_ends_the_segment_now() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(14.0)
    session.poll()
    events = session.add_time(-10)
    assert brief(events)[-2:] == [("segment_end", 14.0, 0, None, None),
                                  ("segment_start", 14.0, 1, None, None)]
    # The pips of the shortened segment never fire: their moment has passed.
    assert [e.cue for e in events if e.name == "cue"] == []


def test_add_time_while_paused_changes_remaining_silently() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(5.0)
    session.pause()
    assert session.add_time(10) == []
    assert session.remaining() == 25.0
    clock.advance(100.0)
    assert session.remaining() == 25.0
    session.resume()
    clock.advance(25.0)
    assert [e.name for e in session.poll()][-2:] == ["segment_end", "segment_start"]


def test_controls_while_paused_stay_paused() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(2.0)
    session.pause()
    clock.advance(50.0)
    events = session.next()
    assert [e.name for e in events] == ["segment_end", "segment_start"]
    assert session.records[0].actual == 2.0
    assert (session.state, session.index, session.remaining()) == ("paused", 1, 5.0)
    clock.advance(50.0)
    assert session.remaining() == 5.0
    session.restart()
    assert (session.state, session.remaining()) == ("paused", 5.0)


def test_adding_time_after_the_pips_sounds_them_again_before_the_new_end() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(19.5)
    assert [e.value for e in session.poll() if e.cue == "pip"] == [3, 2, 1]
    assert session.add_time(+10) == []
    assert session.remaining() == 10.5
    clock.advance(10.5)  # the runner hears 3-2-1 again before the end they chose
    assert brief(session.poll()) == [("cue", 27.0, 0, "pip", 3), ("cue", 28.0, 0, "pip", 2),
                                     ("cue", 29.0, 0, "pip", 1),
                                     ("segment_end", 30.0, 0, None, None),
                                     ("segment_start", 30.0, 1, None, None)]
