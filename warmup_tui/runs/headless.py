"""Running a session without a screen: ``--plain`` lines and ``--json`` lines."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Sequence
from typing import Protocol, TextIO, runtime_checkable

from warmup_tui.common import signals
from warmup_tui.common.durations import describe_duration
from warmup_tui.common.terminal_text import shown
from warmup_tui.engine.clock import Clock
from warmup_tui.engine.events import Event, EventSink
from warmup_tui.engine.heads_up import heads_up_for
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment
from warmup_tui.engine.wording import SWITCH_SIDES, switch_words
from warmup_tui.engine.wording import segment_title as segment_title  # re-exported


class JsonLines:
    """Writes each event as one JSON object per line; :meth:`flush` sends them on.

    ``wall`` counts real seconds from the first event (the session's start), so set-up
    work before the session, such as loading sounds, does not show up as lateness.
    """

    def __init__(self, out: TextIO, routine_id: str,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.out, self.routine_id, self.monotonic = out, routine_id, monotonic
        self._origin: float | None = None

    def handle(self, event: Event) -> None:
        if event.name == "heads_up":
            return  # early word for the sound; nothing happened yet
        now = self.monotonic()
        if self._origin is None:
            self._origin = now
        data = event.to_json(now - self._origin)
        data["routine"] = self.routine_id
        self.out.write(json.dumps(data) + "\n")

    def flush(self) -> None:
        self.out.flush()


class PlainLines:
    """Writes each event as a short sentence with a timestamp, for people and screen
    readers; :meth:`flush` sends them on."""

    def __init__(self, out: TextIO, routine_id: str) -> None:
        self.out, self.routine_id = out, routine_id

    def handle(self, event: Event) -> None:
        if event.name == "heads_up":
            return
        self.out.write(f"{plain_stamp(event.t)} {shown(describe_event(event))}\n")

    def flush(self) -> None:
        self.out.flush()


def plain_stamp(t: float) -> str:
    """Session time as ``mm:ss.t``. Rounded to tenths before splitting into minutes, so
    299.96 s reads 05:00.0, never 04:60.0."""
    minutes, tenths = divmod(round(max(0.0, t) * 10), 600)
    return f"{minutes:02d}:{tenths // 10:02d}.{tenths % 10}"


def describe_event(event: Event) -> str:
    """One plain sentence for an event."""
    seg = event.segment
    if event.name == "segment_start" and seg is not None:
        return f"start {segment_title(seg)}, {describe_duration(seg.duration)}" + (
            f". {seg.cue}" if seg.cue else ""
        )
    if event.name == "segment_end" and seg is not None:
        return f"{'skipped' if event.skipped else 'done'} {segment_title(seg)}"
    if event.name == "cue":
        if event.cue == "pip":
            return f"{event.value}"
        if event.cue == "rep":
            reps = seg.reps if seg else None
            return f"rep {event.value} of {reps}"
        if event.cue == "switch_sides":
            side = seg.side if seg else None
            words = switch_words(side)
            return f"{words.lower()}: {side}" if words == SWITCH_SIDES and side else words.lower()
        return {"halfway": "halfway", "last_interval": "last interval"}.get(event.cue or "", "cue")
    if event.name == "session_end":
        return "session finished" if event.completed else "stopped"
    return event.name


def run_headless(
    segments: list[Segment],
    clock: Clock,
    sinks: Sequence[EventSink],
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> Session:
    """Run to the end, sleeping between due moments and handing every event to ``sinks``.

    Ctrl+C propagates as KeyboardInterrupt after the session is stopped and reported. A
    sink that fails (stdout closed under ``| head``) is dropped and the session is stopped,
    so the other sinks, the log above all, still hear how it ended; then the error goes on.
    """
    session = Session(segments, clock, heads_up=heads_up_for(sinks))
    deliver = _Delivery(sinks)
    try:
        # start() is inside the try: a signal can land while a sink is still busy with
        # the first events (the log opening its file), and must still end the session.
        early = session.heads_up_at_start()
        if early:  # the first sound's early word (a Bluetooth wake), then that long a wait
            deliver(early)
            sleep(session.heads_up.seconds)
        deliver(session.start())
        while session.state != "finished":
            wait = session.wake_in()
            if wait:
                sleep(wait / clock.speed)
            deliver(session.poll())
    except KeyboardInterrupt:
        deliver(session.stop())
        raise
    except Exception:
        with contextlib.suppress(Exception):
            deliver(session.stop())
        raise
    return session


class _Delivery:
    """Hands events to the sinks; one that fails is dropped, and its error raised once the
    others have heard the event.

    The log hears a batch (a segment's end and the next one's start, say) only after the
    other sinks have heard all of it: handing a write to its thread wakes that thread,
    which on a busy machine can take this one's CPU for a few milliseconds, and the next
    start's sound and line would wait for it. For the same reason the lines of a batch are
    flushed together once the batch is handed out: flushing the end's line wakes the
    reader of the pipe, which could take the CPU before the start's line is made.
    """

    def __init__(self, sinks: Sequence[EventSink]) -> None:
        # Imported here: the screens import this module for its wording, and home's first
        # frame loads nothing of the log.
        from warmup_tui.log.recorder import LogRecorder

        self.healthy = list(sinks)
        self.failures: list[Exception] = []
        self.tiers = ([s for s in sinks if not isinstance(s, LogRecorder)],
                      [s for s in sinks if isinstance(s, LogRecorder)])

    def __call__(self, events: list[Event]) -> None:
        with signals.held():  # every sink hears of the batch, or none does
            for tier in self.tiers:
                for event in events:
                    self._hand(event, [s for s in tier if s in self.healthy])
                self._flush([s for s in tier if s in self.healthy])
        if self.failures:
            raise self.failures[0]

    def _hand(self, event: Event, sinks: list[EventSink]) -> None:
        for sink in sinks:
            try:
                sink.handle(event)
            except Exception as error:
                self._drop(sink, error)

    def _flush(self, sinks: list[EventSink]) -> None:
        for sink in sinks:
            if isinstance(sink, _Flushes):
                try:
                    sink.flush()
                except Exception as error:  # stdout closed under ``| head``
                    self._drop(sink, error)

    def _drop(self, sink: EventSink, error: Exception) -> None:
        self.healthy.remove(sink)
        self.failures.append(error)


@runtime_checkable
class _Flushes(Protocol):
    """A sink that holds what it writes until the batch has been handed out."""

    def flush(self) -> None: ...
