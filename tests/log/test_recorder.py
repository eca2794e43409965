"""The recorder against a real Session on a FakeClock, writing a real SQLite file."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from log_support import deliver, run_for, run_to_end, timeline, wall_of

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.session import Session
from warmup_tui.engine.summary import summarize
from warmup_tui.engine.timeline import total_seconds
from warmup_tui.log import LogRecorder, TrainingLog, default_path
from warmup_tui.log.counting import RunRule


def test_completed_run_walk_session_is_recorded_with_its_running_time() -> None:
    segments = timeline("easy-run-walk")
    clock = FakeClock()
    recorder = LogRecorder("easy-run-walk", segments, routine_name="Easy run-walk",
                           wall=wall_of(clock))
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    run_for(session, clock, 5 * 60 + 30, recorder)  # 30 s into the first run
    deliver(session.pause(), recorder)
    clock.advance(200)  # a long pause must not count as time spent
    deliver(session.resume(), recorder)
    run_to_end(session, clock, recorder)
    assert recorder.wait_written(timeout=30)

    with TrainingLog.open() as log:
        [row] = log.sessions()
        seg_rows = log.segments(row.id)
    assert row.status == "completed"
    assert row.routine_id == "easy-run-walk" and row.routine_name == "Easy run-walk"
    assert row.segments_done == row.segments_total == len(segments)
    assert row.planned_seconds == total_seconds(segments)
    assert row.actual_seconds == pytest.approx(total_seconds(segments))
    assert row.run_seconds == pytest.approx(10 * 120)
    assert RunRule().counts(row)
    # wall time moved with the clock, pause included
    assert row.ended_at - row.started_at == pytest.approx(total_seconds(segments) + 200)
    assert [s.index for s in seg_rows] == list(range(len(segments)))
    assert default_path().is_file()


def test_stopped_session_keeps_where_it_stopped() -> None:
    segments = timeline("pre-run")
    clock = FakeClock()
    recorder = LogRecorder("pre-run", segments, wall=wall_of(clock))
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    run_for(session, clock, 30 + 5 + 30 + 10 + 12, recorder)  # 12 s into Glute bridge
    deliver(session.stop(), recorder)
    assert recorder.wait_written(timeout=30)

    with TrainingLog.open() as log:
        [row] = log.sessions()
        seg_rows = log.segments(row.id)
    assert row.status == "stopped"
    assert row.segments_done == 4
    assert (row.last_index, row.last_step, row.last_side) == (4, "Glute bridge", None)
    assert row.actual_seconds == pytest.approx(30 + 5 + 30 + 10 + 12)
    assert row.run_seconds == 0 and not RunRule().counts(row)
    assert seg_rows[-1].skipped and seg_rows[-1].actual_seconds == pytest.approx(12)


def test_stop_during_last_segment_is_completed_only_when_the_last_segment_ended() -> None:
    segments = timeline("pre-run")
    clock = FakeClock()
    recorder = LogRecorder("pre-run", segments, wall=wall_of(clock))
    session = Session(segments, clock, start_index=len(segments) - 2)
    deliver(session.start(), recorder)
    deliver(session.stop(), recorder)  # cut short before the last segment
    assert recorder.wait_written(timeout=30)
    with TrainingLog.open() as log:
        assert log.sessions()[0].status == "stopped"


def test_stopping_or_skipping_in_the_cooldown_is_stopped_as_the_summary_says() -> None:
    segments = timeline("easy-run-walk")
    assert segments[-1].step == "Cooldown walk"
    statuses = []
    for end in ("stop", "next"):
        clock = FakeClock()
        recorder = LogRecorder("build-to-30", segments, wall=wall_of(clock),
                               programme_id="build-to-30", programme_session="w1s1")
        session = Session(segments, clock)
        deliver(session.start(), recorder)
        run_for(session, clock, total_seconds(segments[:-1]) + 1, recorder)  # 1 s in
        assert session.index == len(segments) - 1
        deliver(session.stop() if end == "stop" else session.next(), recorder)
        assert session.state == "finished"
        assert summarize(session, "Easy").headline() == "Easy: stopped early"
        statuses.append(recorder.status)
        assert recorder.wait_written(timeout=30)
    assert statuses == ["stopped", "stopped"]
    with TrainingLog.open() as log:
        assert [row.status for row in log.sessions()] == ["stopped", "stopped"]
        assert log.completed_programme_sessions("build-to-30") == []


def test_row_exists_from_the_start_and_grows_at_each_segment_end() -> None:
    segments = timeline("pre-run")
    clock = FakeClock()
    recorder = LogRecorder("pre-run", segments, wall=wall_of(clock))
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    assert recorder.wait_written(timeout=30)
    reader = sqlite3.connect(default_path())

    def snapshot() -> tuple[str, int, int]:
        assert recorder.wait_written(timeout=30)
        row = reader.execute("SELECT status, segments_done, last_index FROM sessions").fetchone()
        return tuple(row)  # type: ignore[return-value]

    assert snapshot() == ("running", 0, 0)
    run_for(session, clock, 30.5, recorder)
    assert snapshot() == ("running", 1, 1)
    run_for(session, clock, 5, recorder)
    assert snapshot() == ("running", 2, 2)
    reader.close()


def test_explicit_open_creates_the_row_before_any_event() -> None:
    segments = timeline("pre-run")
    recorder = LogRecorder("pre-run", segments)
    session_id = recorder.open()
    assert session_id is not None
    with TrainingLog.open() as log:
        row = log.session(session_id)
    assert row is not None and row.status == "running" and row.last_index is None
    recorder.close()


def test_programme_and_preview_details_are_stored() -> None:
    segments = timeline("first-steps")
    clock = FakeClock()
    recorder = LogRecorder("first-steps", segments, programme_id="build-to-30",
                           programme_session="w1s2", speed=5.0, wall=wall_of(clock))
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    run_to_end(session, clock, recorder)
    assert recorder.wait_written(timeout=30)
    with TrainingLog.open() as log:
        [row] = log.sessions()
        assert (row.programme_id, row.programme_session, row.speed) == ("build-to-30", "w1s2", 5)
        assert row.is_preview and not RunRule().counts(row)  # previews never count towards the goal
        assert log.completed_programme_sessions("build-to-30") == []


ACTIONS = st.lists(st.one_of(
    st.tuples(st.just("advance"), st.floats(min_value=0.1, max_value=90)),
    st.tuples(st.sampled_from(["pause", "resume", "next", "back", "restart", "add", "cut"]),
              st.just(0.0)),
), max_size=25)


@settings(max_examples=60, deadline=None)
@given(actions=ACTIONS, lead_in=st.sampled_from([0.0, 3.0]))
def test_recorded_segment_times_match_the_session_records(
        actions: list[tuple[str, float]], lead_in: float) -> None:
    """Whatever the runner presses, the log's time per segment is the engine's own."""
    segments = timeline("pre-run")
    clock = FakeClock()
    log = TrainingLog.open()
    recorder = LogRecorder("pre-run", segments, log=log, wall=wall_of(clock))
    session = Session(segments, clock, lead_in=lead_in)
    deliver(session.start(), recorder)
    controls = {"pause": session.pause, "resume": session.resume, "next": session.next,
                "back": session.back, "restart": session.restart,
                "add": session.add_time, "cut": lambda: session.add_time(-10)}
    for name, amount in actions:
        if name == "advance":
            clock.advance(amount)
            deliver(session.poll(), recorder)
        else:
            deliver(controls[name](), recorder)
    deliver(session.stop(), recorder)
    assert recorder.wait_written(timeout=30)

    assert recorder.session_id is not None
    rows = log.segments(recorder.session_id)
    stored = log.session(recorder.session_id)
    log.close()
    assert [(r.index, r.skipped) for r in rows] == [
        (rec.index, rec.skipped) for rec in session.records]
    for row, record in zip(rows, session.records, strict=True):
        assert row.actual_seconds == pytest.approx(record.actual, abs=1e-6)
    assert stored is not None
    assert stored.actual_seconds == pytest.approx(sum(r.actual for r in session.records))
    # one rule for "completed": the log says what the summary says
    assert stored.status == ("completed" if session.completed else "stopped")
    assert recorder.notices == []


def test_a_segment_done_again_after_back_is_logged_once_as_the_summary_counts_it() -> None:
    segments = timeline("pre-run")
    clock = FakeClock()
    recorder = LogRecorder("pre-run", segments, wall=wall_of(clock))
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    run_for(session, clock, segments[0].duration + 2, recorder)  # into the side switch
    deliver(session.back(), recorder)  # the first stretch once more
    run_to_end(session, clock, recorder)
    assert recorder.wait_written(timeout=30)
    summary = summarize(session, "Pre-run")
    with TrainingLog.open() as log:
        [row] = log.sessions()
        assert (row.status, row.segments_done, row.segments_total) == (
            "completed", summary.segments_done, summary.segments_total)
        assert row.segments_done == len(segments)
        assert len(log.segments(row.id)) == len(segments) + 2  # every visit is kept
