"""The session engine against a fake clock: events, times, controls, stalls.

No test sleeps: the clock moves only when a test moves it.
"""

from __future__ import annotations

import pytest

from warmup_tui.common.durations import format_clock
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.events import Event
from warmup_tui.engine.session import Session

from .session_helpers import EXPECTED_SMALL, brief, run_to_end, seg, small_timeline


def test_events_come_in_order_each_at_its_own_time() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    events = run_to_end(session, clock, 0.25)
    assert brief(events) == EXPECTED_SMALL
    assert not any(e.late or e.skipped for e in events)
    assert [(r.index, r.planned, r.actual, r.skipped) for r in session.records] == [
        (0, 20.0, 20.0, False), (1, 5.0, 5.0, False), (2, 6.0, 6.0, False),
    ]


def test_nothing_happens_before_start_or_after_the_end() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    assert (session.state, session.poll(), session.wake_in()) == ("idle", [], None)
    assert session.remaining() == 20.0
    run_to_end(session, clock, 1.0)
    for control in (session.poll, session.pause, session.resume, session.next, session.back,
                    session.restart, session.add_time, session.stop, session.start):
        assert control() == []
    assert (session.state, session.remaining(), session.remaining_total()) == ("finished", 0, 0)


def test_remaining_is_deadline_minus_now() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(7.25)
    session.poll()
    assert session.remaining() == 12.75
    assert session.elapsed() == 7.25
    assert session.remaining_total() == 12.75 + 5 + 6
    assert [(e.name, e.t) for e in session.pause()] == [("pause", 7.25)]


def test_a_stall_ends_every_passed_segment_in_order_at_its_own_deadline() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(1.0)
    session.poll()
    clock.advance(27.5)  # the loop stalls from 1 s to 28.5 s: two segment ends pass
    events = session.poll()
    # Exactly what an unstalled run has between 1 s and 28.5 s, in the same order.
    assert brief(events) == [e for e in EXPECTED_SMALL if 1.0 < e[1] <= 28.5]
    assert len(events) == 14
    # Everything due more than a second before it was delivered says so.
    assert [e.late for e in events] == [True] * 13 + [False]
    assert [(r.index, r.actual, r.skipped) for r in session.records] == [
        (0, 20.0, False), (1, 5.0, False),
    ]
    assert (session.state, session.index, session.remaining()) == ("running", 2, 2.5)
    assert session.current_rep() == 2
    clock.advance(0.5)
    assert brief(session.poll()) == [("cue", 29.0, 2, "rep", 3), ("cue", 29.0, 2, "pip", 2)]


def test_late_means_over_a_second_of_real_time_at_any_speed() -> None:
    # At --speed 1000 one real millisecond is a session second: a poll that comes a few
    # real milliseconds after its deadline is on time; a real stall of 1.5 s is late.
    clock = FakeClock(speed=1000.0)
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(15.0)  # 5 real milliseconds after the halfway cue was due
    on_time = session.poll()
    assert [e.cue for e in on_time] == ["halfway"] and not on_time[0].late
    clock.advance(1500.0)  # 1.5 real seconds: everything still ahead is due now, late
    events = session.poll()
    assert events and all(e.late for e in events[:-1])
    assert events[-1].name == "session_end"


def test_a_stall_past_the_end_finishes_the_session_in_one_poll() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    events = session.start()
    clock.advance(3600.0)
    events += session.poll()
    assert brief(events) == EXPECTED_SMALL
    assert session.state == "finished"
    assert [r.actual for r in session.records] == [20.0, 5.0, 6.0]


def test_the_same_events_whatever_the_polling_rate() -> None:
    slow, fast = FakeClock(), FakeClock()
    one = run_to_end(Session(small_timeline(), slow), slow, 0.7)
    other = run_to_end(Session(small_timeline(), fast), fast, 0.01)
    assert brief(one) == brief(other) == EXPECTED_SMALL


def test_lead_in_counts_down_before_the_first_segment() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock, lead_in=3.0)
    assert brief(session.start()) == [("cue", 0.0, 0, "pip", 3)]
    assert (session.state, session.remaining(), session.elapsed()) == ("ready", 3.0, 0.0)
    assert session.remaining_total() == 3.0 + 31.0
    assert session.current_rep() is None
    clock.advance(1.5)
    assert brief(session.poll()) == [("cue", 1.0, 0, "pip", 2)]
    clock.advance(1.5)
    assert brief(session.poll()) == [("cue", 2.0, 0, "pip", 1),
                                     ("segment_start", 3.0, 0, None, None)]
    assert (session.state, session.remaining()) == ("running", 20.0)
    # The get-ready is not a segment: nothing is recorded for it.
    assert session.records == []


def test_lead_in_can_be_paused_or_skipped() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock, lead_in=3.0)
    session.start()
    clock.advance(1.0)
    session.pause()
    clock.advance(60.0)
    assert (session.state, session.remaining()) == ("paused", 2.0)
    session.resume()
    assert session.state == "ready"
    events = session.next()
    assert brief(events) == [("segment_start", 61.0, 0, None, None)]
    assert (session.state, session.index, session.records) == ("running", 0, [])


def test_stop_during_the_lead_in_records_nothing() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock, lead_in=3.0)
    session.start()
    clock.advance(1.0)
    assert brief(session.stop()) == [("session_end", 1.0, None, None, None)]
    assert session.records == []


def test_stop_records_the_current_segment_as_cut_short() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(21.5)
    session.poll()
    events = session.stop()
    assert brief(events) == [("segment_end", 21.5, 1, None, None),
                             ("session_end", 21.5, None, None, None)]
    assert events[0].skipped
    assert [(r.index, r.actual, r.skipped) for r in session.records] == [
        (0, 20.0, False), (1, 1.5, True),
    ]
    assert session.state == "finished"


def test_stop_while_paused_does_not_count_the_pause() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(4.0)
    session.pause()
    clock.advance(100.0)
    session.stop()
    assert [(r.actual, r.skipped) for r in session.records] == [(4.0, True)]


def faces(session: Session) -> str:
    return format_clock(session.remaining())


def test_wake_in_points_at_the_next_change_of_the_shown_second_or_a_due_event() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    assert session.wake_in() == 1.0
    clock.advance(0.25)
    assert session.wake_in() == 0.75
    clock.advance(9.5)  # 9.75 s in: the halfway cue (at 10 s) and the face change coincide
    session.poll()
    assert session.wake_in() == 0.25


def test_wake_in_prefers_an_event_due_before_the_next_second() -> None:
    clock = FakeClock()
    session = Session([seg(0, "exercise", 10.0, step="Lift", reps=4, pace=2.5)], clock)
    session.start()
    clock.advance(2.0)
    session.poll()
    assert session.wake_in() == 0.5  # rep 2 at 2.5 s, before the face changes at 3 s


def test_waking_when_told_always_finds_a_change_and_never_earlier() -> None:
    # Step through a whole session by wake_in alone: each wake-up shows a new second or
    # brings an event, and a moment before each wake-up there is neither.
    clock = FakeClock()
    timeline = [seg(0, "exercise", 7.5, step="Lift", reps=3, pace=2.5), *small_timeline()[1:]]
    session = Session(timeline, clock, lead_in=3.0)
    session.start()
    wakes = 0
    while session.state != "finished":
        wait = session.wake_in()
        assert wait is not None and wait > 0
        before = (faces(session), session.index)
        clock.advance(wait - 0.01)
        assert session.poll() == []
        assert (faces(session), session.index) == before
        clock.advance(0.01)
        events = session.poll()
        assert events or faces(session) != before[0]
        wakes += 1
    assert wakes < 60  # about one wake per shown second, not a fast tick


def test_start_index_starts_part_way_through() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock, start_index=1)
    assert brief(session.start()) == [("segment_start", 0.0, 1, None, None)]
    assert Session(small_timeline(), clock, start_index=99).index == 2


def test_a_session_needs_segments() -> None:
    with pytest.raises(ValueError):
        Session([], FakeClock())


def test_side_switch_and_last_interval_cues() -> None:
    timeline = [
        seg(0, "exercise", 4.0, step="Lift", side="left"),
        seg(1, "exercise", 4.0, step="Lift", side="right"),
        seg(2, "switch", 3.0, step="Lift", side="left"),
        seg(3, "run", 4.0, step="Run", interval=1, intervals=2),
        seg(4, "run", 4.0, step="Run", interval=2, intervals=2),
    ]
    clock = FakeClock()
    events = run_to_end(Session(timeline, clock), clock, 1.0)
    assert [(e.segment.index if e.segment else None, e.cue)
            for e in events if e.name == "cue"] == [
        (1, "switch_sides"), (2, "switch_sides"), (4, "last_interval"),
    ]


def test_event_json_fields() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock, start_index=2)
    start, rep = session.start()
    assert start.to_json(0.0123) == {
        "t": 0.0, "wall": 0.012, "event": "segment_start", "index": 2, "step": "Lift",
        "kind": "exercise", "side": None, "duration": 6.0,
    }
    assert rep.to_json(0.0)["cue"] == "rep"
    assert rep.to_json(0.0)["value"] == 1
    end = session.next()[0]
    assert end.to_json(1.0)["skipped"] is True
    assert session.stop() == []
    done = Event("session_end", 5.0)
    assert done.to_json(5.0) == {"t": 5.0, "wall": 5.0, "event": "session_end", "index": None,
                                 "step": None, "kind": None, "side": None, "duration": None,
                                 "completed": False}


def test_session_end_says_whether_the_session_was_completed() -> None:
    skipped = Session(small_timeline(), FakeClock())
    events = skipped.start()
    while skipped.state != "finished":
        events += skipped.next()
    # Skipping the last segment is stopping early, the same rule as the summary and the log.
    assert [e.completed for e in events if e.name == "session_end"] == [False]

    clock = FakeClock()
    ran_out = Session(small_timeline(), clock)
    events = ran_out.start()
    while ran_out.state != "finished":
        clock.advance(ran_out.wake_in() or 0.01)
        events += ran_out.poll()
    assert [e.completed for e in events if e.name == "session_end"] == [True]

    clock = FakeClock()
    stopped = Session(small_timeline(), clock)
    stopped.start()
    clock.advance(1.0)
    stopped.poll()
    end = stopped.stop()[-1]
    assert end.name == "session_end" and end.completed is False
    assert end.to_json(1.0)["completed"] is False
