"""The headless loop and clocks, in-process: a fake clock moved by a fake sleep."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from warmup_tui.engine.clock import FakeClock, ScaledClock, make_clock
from warmup_tui.engine.events import Event
from warmup_tui.engine.timeline import Segment
from warmup_tui.log.recorder import LogRecorder
from warmup_tui.runs.headless import JsonLines, PlainLines, run_headless

SEGMENTS = [
    Segment(index=0, step="Hold", kind="exercise", duration=6.0, side="left"),
    Segment(index=1, step="Lift", kind="exercise", duration=4.0, reps=2, pace=2.0),
]


class Collect:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def handle(self, event: Event) -> None:
        self.events.append(event)


def test_run_headless_sleeps_only_until_the_next_change() -> None:
    clock = FakeClock(speed=4.0)
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock.advance(seconds * clock.speed)  # real seconds -> session seconds

    sink = Collect()
    session = run_headless(SEGMENTS, clock, [sink], sleep=sleep)
    assert session.state == "finished"
    assert [(e.name, e.t) for e in sink.events if e.name != "cue"] == [
        ("segment_start", 0.0), ("segment_end", 6.0), ("segment_start", 6.0),
        ("segment_end", 10.0), ("session_end", 10.0),
    ]
    # One wake per shown second (10 s of session), each a quarter second of real time.
    assert sleeps == [0.25] * 10


def test_ctrl_c_stops_the_session_reports_it_and_propagates() -> None:
    clock = FakeClock()
    calls = 0

    def sleep(seconds: float) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        clock.advance(seconds)

    sink = Collect()
    with pytest.raises(KeyboardInterrupt):
        run_headless(SEGMENTS, clock, [sink], sleep=sleep)
    assert [(e.name, e.t, e.skipped) for e in sink.events[-2:]] == [
        ("segment_end", 2.0, True), ("session_end", 2.0, False),
    ]


def test_ctrl_c_while_a_sink_handles_the_first_event_still_ends_the_session() -> None:
    class SlowToStart(Collect):
        def handle(self, event: Event) -> None:
            super().handle(event)
            if len(self.events) == 1:
                raise KeyboardInterrupt  # as if Ctrl+C landed while opening the log

    sink = SlowToStart()
    with pytest.raises(KeyboardInterrupt):
        run_headless(SEGMENTS, FakeClock(), [sink], sleep=lambda s: None)
    assert [e.name for e in sink.events] == ["segment_start", "segment_end", "session_end"]


def test_json_and_plain_lines() -> None:
    event = Event("cue", 61.5, SEGMENTS[1], "rep", 2)
    out = io.StringIO()
    readings = iter([100.0, 100.25])
    sink = JsonLines(out, "mine", monotonic=lambda: next(readings))
    sink.handle(Event("segment_start", 0.0, SEGMENTS[0]))
    sink.handle(event)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["wall"] == 0.0  # wall counts from the first event, the session's start
    assert second == {
        "t": 61.5, "wall": 0.25, "event": "cue", "index": 1, "step": "Lift",
        "kind": "exercise", "side": None, "duration": 4.0, "cue": "rep", "value": 2,
        "routine": "mine",
    }
    plain = io.StringIO()
    PlainLines(plain, "mine").handle(event)
    PlainLines(plain, "mine").handle(Event("segment_start", 0.0, SEGMENTS[0]))
    assert plain.getvalue().splitlines() == ["01:01.5 rep 2 of 2",
                                             "00:00.0 start Hold (left side), 6 s"]


def test_scaled_clock_runs_n_times_faster() -> None:
    source = FakeClock(start=50.0)
    clock = ScaledClock(20.0, source)
    start = clock.now()
    source.advance(0.5)
    assert clock.now() - start == 10.0
    assert clock.speed == 20.0
    with pytest.raises(ValueError):
        ScaledClock(0)


def test_fake_clock_never_goes_back_and_make_clock_picks_by_speed() -> None:
    clock = FakeClock()
    with pytest.raises(ValueError):
        clock.advance(-1)
    with pytest.raises(ValueError):
        clock.set(clock.now() - 1)
    assert make_clock(1.0).speed == 1.0
    assert isinstance(make_clock(3.0), ScaledClock)


def test_a_failing_sink_is_dropped_and_the_others_hear_the_stop() -> None:
    class ClosedPipe:
        def handle(self, event: Event) -> None:
            if event.name == "segment_end":
                raise BrokenPipeError("stdout closed")

    log = Collect()
    clock = FakeClock()
    with pytest.raises(BrokenPipeError):
        run_headless(SEGMENTS, clock, [ClosedPipe(), log], sleep=clock.advance)
    names = [e.name for e in log.events]
    assert names[-1] == "session_end"
    assert names.count("session_end") == 1


class Flushed(io.StringIO):
    """A stream that notes what each flush sent on."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []
        self._upto = 0

    def flush(self) -> None:
        self.sent.append(self.getvalue()[self._upto:])
        self._upto = len(self.getvalue())


def test_the_lines_of_a_batch_are_flushed_together() -> None:
    # Flushing one line wakes the pipe's reader, which on a busy machine can take the CPU
    # before the next line is made: a segment's end must not hold up the next start.
    out = Flushed()
    clock = FakeClock()
    run_headless(SEGMENTS, clock, [JsonLines(out, "mine", monotonic=clock.now)],
                 sleep=clock.advance)
    batches = [[json.loads(line)["event"] for line in chunk.splitlines()]
               for chunk in out.sent if chunk]
    assert "".join(out.sent) == out.getvalue()  # every line was sent on, each one whole
    assert all(chunk.endswith("\n") for chunk in out.sent if chunk)
    at_six = next(batch for batch in batches if "segment_end" in batch)
    assert at_six[:2] == ["segment_end", "segment_start"]  # one flush
    assert batches[-1] == ["segment_end", "session_end"]


def test_a_pipe_that_fails_on_flush_is_dropped_and_the_log_hears_the_stop(
        tmp_path: Path) -> None:
    class ClosedPipe(io.StringIO):  # stdout once `| head` has its lines: every flush fails
        def flush(self) -> None:
            raise BrokenPipeError("stdout closed")

    heard: list[tuple[str, str]] = []
    recorder = HeardByTheLog(heard, tmp_path / "log.sqlite3")
    clock = FakeClock()
    with pytest.raises(BrokenPipeError):
        run_headless(SEGMENTS, clock, [PlainLines(ClosedPipe(), "mine"), recorder],
                     sleep=clock.advance)
    recorder.close()
    assert recorder.wait_written(timeout=30)
    assert heard == [("log", "segment_start"), ("log", "segment_end"), ("log", "session_end")]
    assert recorder.status == "stopped"


def test_a_switch_segment_reads_as_a_switch_not_as_the_exercise() -> None:
    switch = Segment(index=1, step="Hip flexor stretch", kind="switch", duration=5.0,
                     side="right", cue="Switch to the right side")
    out = io.StringIO()
    PlainLines(out, "mine").handle(Event("segment_end", 35.0, switch))
    assert out.getvalue() == "00:35.0 done Switch sides for Hip flexor stretch (right side)\n"


@pytest.mark.parametrize(("t", "stamp"), [(299.96, "05:00.0"), (59.95, "01:00.0"),
                                          (59.94, "00:59.9"), (0.0, "00:00.0"),
                                          (3599.99, "60:00.0")])
def test_plain_times_never_show_sixty_seconds(t: float, stamp: str) -> None:
    out = io.StringIO()
    PlainLines(out, "mine").handle(Event("segment_start", t, SEGMENTS[0]))
    assert out.getvalue().split()[0] == stamp


def test_plain_lines_say_stopped_when_the_session_was_cut_short() -> None:
    out = io.StringIO()
    PlainLines(out, "mine").handle(Event("session_end", 12.0))
    PlainLines(out, "mine").handle(Event("session_end", 30.0, completed=True))
    assert out.getvalue().splitlines() == ["00:12.0 stopped", "00:30.0 session finished"]


class HeardByTheLog(LogRecorder):
    """The real recorder, on a real file, noting each event as it hears it."""

    def __init__(self, heard: list[tuple[str, str]], path: Path) -> None:
        super().__init__("mine", SEGMENTS, log_path=path)
        self.heard = heard

    def handle(self, event: Event) -> None:
        self.heard.append(("log", event.name))
        super().handle(event)


def test_the_log_hears_a_batch_only_after_the_output_has_written_all_of_it(
        tmp_path: Path) -> None:
    # Handing a write to the log's thread can cost the CPU on a busy machine: the next
    # segment's start must not wait behind the last one's end being logged.
    heard: list[tuple[str, str]] = []

    class Output:
        def handle(self, event: Event) -> None:
            heard.append(("out", event.name))

    recorder = HeardByTheLog(heard, tmp_path / "log.sqlite3")
    clock = FakeClock()
    run_headless(SEGMENTS, clock, [Output(), recorder], sleep=clock.advance)
    recorder.close()
    assert recorder.wait_written(timeout=30)
    # At 6 s the first segment ends and the second starts, in one batch.
    batch = heard[heard.index(("out", "segment_end")):]
    heard_by_log = batch.index(("log", "segment_end"))
    assert ("out", "segment_start") in batch[:heard_by_log]
    assert all(who == "out" for who, _ in batch[:heard_by_log])
    assert [name for who, name in heard if who == "log"] == [
        name for who, name in heard if who == "out"]
    assert recorder.status == "completed"
