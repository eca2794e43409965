"""What a session's events have told the log so far: time done, time running, the
segments ended (each a row to write), where the session is, and whether it completed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from warmup_tui.engine.events import Event, completes_session
from warmup_tui.engine.timeline import Segment
from warmup_tui.log.rows import Progress, SegmentRow, Status


@dataclass
class SessionTally:
    """Counts one session's events; :meth:`take` says whether an event is worth a write."""

    segments_total: int
    actual: float = 0.0
    run: float = 0.0
    status: Status = "running"
    ended_at: float | None = None
    current: Segment | None = None
    # skipped or not, by each segment's last visit: one gone back to counts once, as in
    # the summary
    _last_visit: dict[int, bool] = field(default_factory=dict)
    _position: int = 0
    _completes: bool = False  # the last segment_end finished the session
    _segment_t: float = 0.0
    _paused_in_segment: float = 0.0
    _paused_at: float | None = None
    _pending: list[SegmentRow] = field(default_factory=list)

    def take(self, event: Event, wall: Callable[[], float]) -> bool:
        """Count ``event`` (``wall`` tells the time the session ends); True when it changed
        what the log holds, False for cues, pauses and resumes."""
        seg = event.segment
        if event.name == "pause":
            if self._paused_at is None:
                self._paused_at = event.t
        elif event.name == "resume" and self._paused_at is not None:
            self._paused_in_segment += event.t - self._paused_at
            self._paused_at = None
        elif event.name == "segment_start" and seg is not None:
            self._start_segment(event, seg)
            return True
        elif event.name == "segment_end" and seg is not None:
            self._end_segment(event, seg)
            return True
        elif event.name == "session_end":
            self.status = "completed" if self._completes else "stopped"
            self.ended_at = wall()
            return True
        return False

    def progress(self, now: float) -> Progress:
        """The session as it stands, at wall time ``now``."""
        seg = self.current
        return Progress(
            updated_at=now, actual_seconds=self.actual, run_seconds=self.run,
            segments_done=sum(not skipped for skipped in self._last_visit.values()),
            last_index=seg.index if seg else None,
            last_step=seg.step if seg else None, last_side=seg.side if seg else None,
            status=self.status, ended_at=self.ended_at)

    def take_rows(self) -> list[SegmentRow]:
        """The rows of the segments ended since the last call."""
        rows, self._pending = self._pending, []
        return rows

    def _start_segment(self, event: Event, seg: Segment) -> None:
        self.current = seg
        self._segment_t = event.t
        self._paused_in_segment = 0.0
        if self._paused_at is not None:
            # a jump made while paused starts the new segment paused (see Session._jump)
            self._paused_at = event.t

    def _end_segment(self, event: Event, seg: Segment) -> None:
        paused = self._paused_in_segment
        if self._paused_at is not None:
            paused += event.t - self._paused_at
            self._paused_at = event.t  # still paused: carried into the next segment, if any
        actual = max(0.0, event.t - self._segment_t - paused)
        self.actual += actual
        if seg.kind == "run":
            self.run += actual
        self._last_visit[seg.index] = event.skipped
        self._completes = completes_session(event, self.segments_total)
        self._pending.append(SegmentRow(self._position, seg.index, seg.step, seg.kind,
                                        seg.side, seg.duration, actual, event.skipped))
        self._position += 1
