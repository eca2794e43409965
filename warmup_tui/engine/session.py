"""The session engine: where a routine is, from deadlines on an injected clock.

Nothing here counts ticks. The current segment has a start and a deadline on the
clock; remaining = deadline - now. A front end calls :meth:`Session.poll` whenever it
likes (a timer, a loop, after a stall) and gets every event that fell due since the
last call, in order, with the session time each was due.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from warmup_tui.engine.clock import Clock
from warmup_tui.engine.cue_plan import PlannedCue, plan_at
from warmup_tui.engine.events import Event, completes_session
from warmup_tui.engine.heads_up import HeadsUp, Upcoming
from warmup_tui.engine.segment_window import SegmentWindow
from warmup_tui.engine.timeline import Segment

State = Literal["idle", "ready", "running", "paused", "finished"]
LATE_AFTER = 1.0  # real seconds; an event delivered later than this is marked late
STEP_SECONDS = 10.0


@dataclass(frozen=True)
class SegmentRecord:
    """What happened to one segment: how long it was planned and actually ran."""

    index: int
    planned: float
    actual: float
    skipped: bool


class Session:
    """Runs a timeline against a clock. See the module docstring."""

    def __init__(
        self,
        segments: list[Segment],
        clock: Clock,
        *,
        start_index: int = 0,
        lead_in: float = 0.0,
        heads_up: float = 0.0,
    ) -> None:
        if not segments:
            raise ValueError("a session needs at least one segment")
        self.segments = segments
        self.clock = clock
        self.lead_in = lead_in
        self.state: State = "idle"
        self.index = max(0, min(start_index, len(segments) - 1))
        self.records: list[SegmentRecord] = []
        self._last_end: Event | None = None
        self._origin = 0.0
        self._window = SegmentWindow()
        self._paused_at: float | None = None
        self._resume_to: State = "running"
        self._queued: list[Event] = []
        self.heads_up = HeadsUp(heads_up)

    # ----- reading the state -------------------------------------------------------------

    @property
    def segment(self) -> Segment:
        return self.segments[self.index]

    @property
    def next_segment(self) -> Segment | None:
        following = self.index + 1
        return self.segments[following] if following < len(self.segments) else None

    def _now(self) -> float:
        return self._paused_at if self._paused_at is not None else self.clock.now()

    def remaining(self) -> float:
        """Seconds left in the current segment (or in the get-ready), never negative."""
        if self.state == "finished":
            return 0.0
        if self.state == "idle":  # what the start will show: the get-ready, or the segment
            return self.lead_in if self.lead_in > 0 else self.segment.duration
        return max(0.0, self._window.deadline - self._now())

    def elapsed(self) -> float:
        """Active seconds spent in the current segment."""
        if self.state in ("running", "paused") and self._paused_state() != "ready":
            return max(0.0, self._now() - self._window.start)
        return 0.0

    def remaining_total(self) -> float:
        later = sum(seg.duration for seg in self.segments[self.index + 1 :])
        if self.state == "finished":
            return 0.0
        if self._in_ready():
            return self.remaining() + self.segment.duration + later
        return self.remaining() + later

    def done_seconds(self) -> float:
        return sum(record.actual for record in self.records) + self.elapsed()

    def current_rep(self) -> int | None:
        seg = self.segment
        if not seg.reps or not seg.pace or self._in_ready():
            return None
        return min(seg.reps, int(self.elapsed() // seg.pace) + 1)

    def wake_in(self) -> float | None:
        """Session seconds until something changes: a due event or the shown second.

        None while nothing will change on its own (idle, paused, finished).
        """
        if self.state not in ("running", "ready"):
            return None
        now = self.clock.now()
        window = self._window
        early = self.heads_up.next_at(self.upcoming(), self.clock.speed)
        due = min([window.deadline, *(window.due(c) for c in window.unfired()),
                   *([early] if early is not None and early > now else [])])
        remaining = window.deadline - now
        fraction = remaining - math.floor(remaining)
        to_next_second = fraction if fraction > 1e-6 else 1.0
        return max(0.0, min(due - now, to_next_second))

    @property
    def completed(self) -> bool:
        """Whether the session ran to the end of its last segment (skips on the way allowed)."""
        return (self.state == "finished" and self._last_end is not None
                and completes_session(self._last_end, len(self.segments)))

    def upcoming(self) -> list[Upcoming]:
        """What falls due on its own from here, with the events it will send: the cues
        still to come, and the deadline (what it starts, or the session's end)."""
        if self.state not in ("running", "ready"):
            return []
        seg, origin, window = self.segment, self._origin, self._window
        soon = [Upcoming(cue.key, window.due(cue), Event(
            "cue", window.due(cue) - origin, seg, cue.cue, cue.value, planned=(cue,)))
            for cue in window.unfired()]
        at, following = window.deadline - origin, self.index + 1
        if self.state == "ready":
            then = Event("segment_start", at, seg, planned=tuple(plan_at(self.segments,
                                                                          self.index)))
        elif following < len(self.segments):
            then = Event("segment_start", at, self.segments[following],
                         planned=tuple(plan_at(self.segments, following)))
        else:
            then = Event("session_end", at, completed=True, last=seg)
        return [*soon, Upcoming("deadline", window.deadline, then)]

    def in_get_ready(self) -> bool:
        """Whether the get-ready count before the first segment is on (running or paused),
        or will be the moment the session starts."""
        if self.state == "idle":
            return self.lead_in > 0
        return self.state == "ready" or self._paused_state() == "ready"

    _in_ready = in_get_ready

    def _paused_state(self) -> State | None:
        return self._resume_to if self.state == "paused" else None

    # ----- running -----------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Begin the session (with the get-ready first, when there is one)."""
        if self.state != "idle":
            return []
        now = self.clock.now()
        self._origin = now
        if self.lead_in > 0:
            self.state = "ready"
            self._window.open(now, self.lead_in, self._get_ready_plan())
            self.heads_up.reset()
            return self.poll()
        return [*self._begin_segment(self.index, now), *self.poll()]

    def heads_up_at_start(self) -> list[Event]:
        """Before :meth:`start`, early word of the sound it sends at once: a front end that
        wants a heads-up before everything sends these, waits ``heads_up`` seconds, then
        starts (nothing can fall due before the start itself)."""
        if self.state != "idle" or self.heads_up.seconds <= 0:
            return []
        early = -self.heads_up.seconds * self.clock.speed
        if self.lead_in > 0:
            first = [Event("cue", 0.0, self.segment, cue.cue, cue.value, planned=(cue,))
                     for cue in self._get_ready_plan() if cue.offset == self.lead_in]
        else:
            first = [Event("segment_start", 0.0, self.segment,
                           planned=tuple(plan_at(self.segments, self.index)))]
        return [Event("heads_up", early, event.segment, ahead=event) for event in first]

    def _get_ready_plan(self) -> list[PlannedCue]:
        return [PlannedCue("pip", n, "end", float(n)) for n in (3, 2, 1) if n <= self.lead_in]

    def poll(self) -> list[Event]:
        """Every event due by now, in order; segments that ended during a stall are ended
        (and recorded) one by one, each at its own deadline."""
        out, self._queued = self._queued, []
        now = self.clock.now()
        window = self._window
        while self.state in ("running", "ready"):
            cue = window.next_cue()
            if cue is not None and window.due(cue) <= min(now, window.deadline):
                window.fired.add(cue.key)
                due = window.due(cue)
                out.append(Event("cue", due - self._origin, self.segment, cue.cue, cue.value,
                                 late=self._late(due, now), planned=(cue,)))
                continue
            if window.deadline > now:
                break
            out.extend(self._finish_current(window.deadline, skipped=False, now=now))
        out.extend(self.heads_up.due(self.upcoming(), now, self.clock.speed, self._origin))
        return out

    # ----- controls ----------------------------------------------------------------------

    def pause(self) -> list[Event]:
        if self.state not in ("running", "ready"):
            return []
        events = self.poll()
        if self.state not in ("running", "ready"):  # it ran out during a stall
            return events
        self._resume_to = self.state
        self._paused_at = self.clock.now()
        self.state = "paused"
        events.append(self._event("pause"))
        return events

    def resume(self) -> list[Event]:
        if self.state != "paused" or self._paused_at is None:
            return []
        self._resume_silently()
        self.heads_up.reset()  # a headset may have gone back to sleep in the pause
        return [self._event("resume"), *self.poll()]

    def next(self) -> list[Event]:
        """Skip the rest of this segment."""
        return self._jump(self.index + 1)

    def back(self) -> list[Event]:
        """Go to the start of the previous segment (or restart the first)."""
        return self._jump(max(0, self.index - 1))

    def restart(self) -> list[Event]:
        return self._jump(self.index)

    def add_time(self, seconds: float = STEP_SECONDS) -> list[Event]:
        """Lengthen (or with a negative number, shorten) the current segment."""
        if self.state not in ("running", "paused") or self._in_ready():
            return []
        self._window.stretch(seconds, self._now())
        self.heads_up.reset()  # the end moved, and the pips with it
        return self.poll() if self.state == "running" else []

    def stop(self) -> list[Event]:
        """End the session now, recording the current segment as cut short."""
        if self.state in ("idle", "finished"):
            return []
        self._resume_silently()
        now = self.clock.now()
        events = []
        if not self._in_ready():
            events.append(self._record_end(now, skipped=True))
        self.state = "finished"
        events.append(self._end_of_session(now))
        return events

    # ----- internals ---------------------------------------------------------------------

    def _jump(self, target: int) -> list[Event]:
        if self.state in ("idle", "finished"):
            return []
        was_paused = self.state == "paused"
        self._resume_silently()
        now = self.clock.now()
        events: list[Event] = []
        if self.state == "ready":
            target = self.index  # any move during the get-ready just starts the first segment
        else:
            events.append(self._record_end(now, skipped=True))
        if target >= len(self.segments):
            self.state = "finished"
            events.append(self._end_of_session(now))
            return events
        self.state = "running"
        events.extend(self._begin_segment(target, now))
        events.extend(self.poll())
        if was_paused:
            events.extend(self.pause()[:-1])
        return events

    def _resume_silently(self) -> None:
        """Leave the paused state without reporting it (used inside other controls)."""
        if self._paused_at is not None:
            self._window.shift(self.clock.now() - self._paused_at)
            self._paused_at = None
            self.state = self._resume_to

    def _finish_current(self, at: float, *, skipped: bool, now: float) -> list[Event]:
        if self.state == "ready":
            self.state = "running"
            return self._begin_segment(self.index, at, now=now)
        events = [self._record_end(at, skipped=skipped, late=self._late(at, now))]
        if self.index + 1 >= len(self.segments):
            self.state = "finished"
            events.append(self._end_of_session(at))
            return events
        events.extend(self._begin_segment(self.index + 1, at, now=now))
        return events

    def _end_of_session(self, at: float) -> Event:
        last = self._last_end
        completed = last is not None and completes_session(last, len(self.segments))
        return Event("session_end", at - self._origin, completed=completed,
                     last=last.segment if last is not None else None)

    def _record_end(self, at: float, *, skipped: bool, late: bool = False) -> Event:
        seg = self.segment
        actual = max(0.0, at - self._window.start)
        self.records.append(SegmentRecord(seg.index, seg.duration, actual, skipped))
        self._last_end = Event("segment_end", at - self._origin, seg, skipped=skipped, late=late)
        return self._last_end

    def _begin_segment(self, index: int, at: float, *, now: float | None = None) -> list[Event]:
        self.index = index
        self.state = "running"
        seg = self.segments[index]
        self._window.open(at, seg.duration, plan_at(self.segments, index))
        self.heads_up.reset()
        late = now is not None and self._late(at, now)
        return [Event("segment_start", at - self._origin, seg, late=late,
                      planned=tuple(self._window.plan))]

    def _late(self, due: float, now: float) -> bool:
        # A stall is real time lost: at --speed 1000 a millisecond of delay is a whole
        # session second, and that is not a stall.
        return (now - due) / self.clock.speed > LATE_AFTER

    def _event(self, name: Literal["pause", "resume"]) -> Event:
        return Event(name, self.clock.now() - self._origin, self.segment)
