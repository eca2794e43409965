"""Timelines and small helpers shared by the session engine tests."""

from __future__ import annotations

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.events import Event
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment

T0 = 1000.0  # FakeClock's start; session times are measured from here


def seg(index: int, kind: str, duration: float, **extra: object) -> Segment:
    return Segment(index=index, step=extra.pop("step", kind.title()), kind=kind,  # type: ignore[arg-type]
                   duration=duration, **extra)  # type: ignore[arg-type]


def small_timeline() -> list[Segment]:
    """A 20 s hold, a 5 s rest, 3 paced reps of 2 s (6 s): 31 s in all."""
    return [
        seg(0, "exercise", 20.0, step="Hold"),
        seg(1, "rest", 5.0, step="Rest"),
        seg(2, "exercise", 6.0, step="Lift", reps=3, pace=2.0),
    ]


def brief(events: list[Event]) -> list[tuple[str, float, int | None, str | None, int | None]]:
    return [(e.name, e.t, e.segment.index if e.segment else None, e.cue, e.value)
            for e in events]


def run_to_end(session: Session, clock: FakeClock, step: float) -> list[Event]:
    events = session.start()
    while session.state != "finished":
        clock.advance(step)
        events += session.poll()
    return events


EXPECTED_SMALL = [
    ("segment_start", 0.0, 0, None, None),
    ("cue", 10.0, 0, "halfway", None),
    ("cue", 17.0, 0, "pip", 3),
    ("cue", 18.0, 0, "pip", 2),
    ("cue", 19.0, 0, "pip", 1),
    ("segment_end", 20.0, 0, None, None),
    ("segment_start", 20.0, 1, None, None),
    ("cue", 22.0, 1, "pip", 3),
    ("cue", 23.0, 1, "pip", 2),
    ("cue", 24.0, 1, "pip", 1),
    ("segment_end", 25.0, 1, None, None),
    ("segment_start", 25.0, 2, None, None),
    ("cue", 25.0, 2, "rep", 1),
    ("cue", 27.0, 2, "rep", 2),
    ("cue", 28.0, 2, "pip", 3),
    ("cue", 29.0, 2, "rep", 3),
    ("cue", 29.0, 2, "pip", 2),
    ("cue", 30.0, 2, "pip", 1),
    ("segment_end", 31.0, 2, None, None),
    ("session_end", 31.0, None, None, None),
]
