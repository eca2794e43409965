"""The session's thread never writes the log: every write runs on the recorder's writer."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from log_support import deliver, run_for, run_to_end, timeline, wall_of

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.session import Session
from warmup_tui.log import LogRecorder, TrainingLog, default_path
from warmup_tui.log.writer import THREAD_NAME, LogWriter, wait_for_writes


@pytest.fixture
def write_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread each TrainingLog.write_session call ran on."""
    threads: list[str] = []
    write_session = TrainingLog.write_session

    def recorded(log: TrainingLog, *args: object, **kwargs: object) -> int:
        threads.append(threading.current_thread().name)
        return write_session(log, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(TrainingLog, "write_session", recorded)
    return threads


def test_a_burst_of_events_against_a_held_log_is_written_only_by_the_writer_thread(
        write_threads: list[str]) -> None:
    TrainingLog.open().close()
    holder = sqlite3.connect(default_path(), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")  # another process holds the log: reads wait too
    segments = timeline("pre-run")
    clock = FakeClock()
    recorder = LogRecorder("pre-run", segments, wall=wall_of(clock))
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    run_for(session, clock, 120, recorder)  # a dozen segment changes, each a write
    assert threading.current_thread().name not in write_threads
    holder.execute("ROLLBACK")
    holder.close()

    run_to_end(session, clock, recorder)
    assert recorder.wait_written(timeout=60)
    assert len(write_threads) > 10 and set(write_threads) == {THREAD_NAME}
    with TrainingLog.open() as log:
        [row] = log.sessions()
        assert row.status == "completed" and len(log.segments(row.id)) == len(segments)


def test_the_writer_thread_ends_by_itself_when_the_session_ends() -> None:
    segments = timeline("pre-run")
    clock = FakeClock()
    recorder = LogRecorder("pre-run", segments, wall=wall_of(clock))
    session = Session(segments, clock)
    before = set(threading.enumerate())
    deliver(session.start(), recorder)
    writers = [t for t in threading.enumerate() if t not in before]
    assert [t.name for t in writers] == [THREAD_NAME]
    run_to_end(session, clock, recorder)
    assert recorder.wait_written(timeout=30)
    assert not writers[0].is_alive()


DROPPED_MID_WAY = """
from log_support import deliver, run_for, timeline, wall_of
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.session import Session
from warmup_tui.log import LogRecorder
segments = timeline("pre-run")
clock = FakeClock()
recorder = LogRecorder("pre-run", segments, wall=wall_of(clock))
session = Session(segments, clock)
deliver(session.start(), recorder)
run_for(session, clock, 50, recorder)
"""


def test_the_writer_thread_lives_through_a_long_segment() -> None:
    """No segment start waits for a thread to be made: the one thread lasts the session."""
    segments = timeline("first-steps")  # a 5 minute walk first
    clock = FakeClock()
    recorder = LogRecorder("first-steps", segments, wall=wall_of(clock))
    session = Session(segments, clock)
    before = set(threading.enumerate())
    deliver(session.start(), recorder)
    assert recorder.wait_written(timeout=30)
    [writer] = [t for t in threading.enumerate() if t not in before]
    writer.join(timeout=3)  # more than the 2 s an idle writer once waited before ending
    run_for(session, clock, 301, recorder)  # the walk ends, the first run starts
    assert writer.is_alive()
    assert [t for t in threading.enumerate() if t not in before] == [writer]
    run_to_end(session, clock, recorder)
    assert recorder.wait_written(timeout=30)


def test_a_recorder_nobody_closed_writes_its_state_and_lets_the_process_exit() -> None:
    here = Path(__file__).resolve().parent
    done = subprocess.run([sys.executable, "-c", DROPPED_MID_WAY], cwd=here,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with TrainingLog.open() as log:
        [row] = log.sessions()
        assert (row.status, row.segments_done, row.last_index) == ("running", 2, 2)


def test_wait_for_writes_waits_for_every_writer_of_the_process() -> None:
    first_may_go, second_may_go = threading.Event(), threading.Event()
    done: list[str] = []
    first, second = LogWriter(on_error=print), LogWriter(on_error=print)
    first.put(lambda: (first_may_go.wait(30), done.append("first")))
    second.put(lambda: (second_may_go.wait(30), done.append("second")))
    assert not wait_for_writes(0.05)
    first_may_go.set()
    assert not wait_for_writes(0.05)  # the second still writes
    second_may_go.set()
    assert wait_for_writes(30)
    assert sorted(done) == ["first", "second"]
