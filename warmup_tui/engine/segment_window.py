"""The current segment's place on the clock: when it started, its deadline, and which of
its planned cues have fired. A pause shifts it whole; added time moves the deadline."""

from __future__ import annotations

from dataclasses import dataclass, field

from warmup_tui.engine.cue_plan import PlannedCue


@dataclass
class SegmentWindow:
    """Clock times (session clock, not session seconds) of the segment being run."""

    start: float = 0.0
    deadline: float = 0.0
    plan: list[PlannedCue] = field(default_factory=list)
    fired: set[tuple[str, int | None]] = field(default_factory=set)

    def open(self, start: float, length: float, plan: list[PlannedCue]) -> None:
        """A new segment (or the get-ready) from ``start``, none of its cues fired yet."""
        self.start, self.deadline = start, start + length
        self.plan = plan
        self.fired = set()

    def shift(self, seconds: float) -> None:
        """Move it whole, by the time spent paused."""
        self.start += seconds
        self.deadline += seconds

    def stretch(self, seconds: float, now: float) -> None:
        """Move the deadline by ``seconds`` (never before ``now``); the cues counted from
        the end fire again if they are now ahead, and not if they are now behind."""
        self.deadline = max(now, self.deadline + seconds)
        for cue in self.plan:
            if cue.anchor == "end":
                if self.due(cue) > now:
                    self.fired.discard(cue.key)
                else:
                    self.fired.add(cue.key)

    def due(self, cue: PlannedCue) -> float:
        if cue.anchor == "start":
            return self.start + cue.offset
        return self.deadline - cue.offset

    def unfired(self) -> list[PlannedCue]:
        return [cue for cue in self.plan if cue.key not in self.fired]

    def next_cue(self) -> PlannedCue | None:
        pending = self.unfired()
        return min(pending, key=self.due) if pending else None
