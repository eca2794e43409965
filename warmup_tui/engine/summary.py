"""The end-of-session summary: what was planned, what was done, what was skipped."""

from __future__ import annotations

from dataclasses import dataclass

from warmup_tui.common.durations import format_clock
from warmup_tui.engine.session import Session


@dataclass(frozen=True)
class SessionSummary:
    name: str
    completed: bool
    planned_seconds: float
    active_seconds: float
    segments_done: int
    segments_skipped: int
    segments_total: int
    run_seconds: float
    skipped: bool = False  # the runner skipped this warmup to go straight on

    def headline(self) -> str:
        if self.skipped:
            return f"{self.name}: skipped"
        if self.completed and not self.segments_skipped:
            return f"{self.name}: done"
        if self.completed:
            return f"{self.name}: done, with {self.segments_skipped} skipped"
        return f"{self.name}: stopped early"

    def lines(self) -> list[str]:
        lines = [
            f"Time: {format_clock(self.active_seconds)} of {format_clock(self.planned_seconds)}",
            f"Segments: {self.segments_done} of {self.segments_total} done"
            + (f", {self.segments_skipped} skipped" if self.segments_skipped else ""),
        ]
        if self.run_seconds:
            lines.append(f"Running: {format_clock(self.run_seconds)}")
        return lines


def summarize(session: Session, name: str) -> SessionSummary:
    """Summary from the engine's records; a segment visited twice (after "back") counts once,
    by its last visit."""
    last_visit = {record.index: record for record in session.records}
    done = [r for r in last_visit.values() if not r.skipped]
    skipped = [r for r in last_visit.values() if r.skipped]
    runs = sum(r.actual for r in session.records
               if session.segments[r.index].kind == "run")
    return SessionSummary(
        name=name,
        completed=session.completed,
        planned_seconds=sum(s.duration for s in session.segments),
        active_seconds=sum(r.actual for r in session.records),
        segments_done=len(done),
        segments_skipped=len(skipped),
        segments_total=len(session.segments),
        run_seconds=runs,
    )
