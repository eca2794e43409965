"""A queue of sessions to run one after another: a routine and what it chains into,
or today's warmup followed by the programme's next run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from warmup_tui.common.durations import format_clock
from warmup_tui.common.problems import ProblemsError
from warmup_tui.engine.timeline import Segment, build_timeline, total_seconds
from warmup_tui.routines.library import Entry, Library
from warmup_tui.routines.schema import THEN_PROGRAMME


@dataclass(frozen=True)
class PlannedRun:
    """One session to run, with what the log needs to know about it."""

    routine_id: str
    name: str
    segments: tuple[Segment, ...]
    programme_id: str | None = None
    programme_session: str | None = None
    label: str = ""
    start_index: int = 0
    resumed_from: int | None = None
    # Asked for by name (warmup run NAME): only a cut-off session of this same routine is
    # offered in front of it (resume.offer_in_front_of).
    asked_by_name: bool = False

    @property
    def has_running(self) -> bool:
        """Whether any of it is running (not a warmup or stretches alone)."""
        return any(segment.kind == "run" for segment in self.segments)

    @property
    def total_seconds(self) -> float:
        return total_seconds(list(self.segments))

    def describe(self) -> str:
        """A line for "what comes next": the label when there is one, else name and length."""
        return self.label or f"{self.name} ({format_clock(self.total_seconds)})"


def planned_run(entry: Entry) -> PlannedRun:
    if entry.routine is None:
        raise ProblemsError(entry.problems)
    return PlannedRun(entry.id, entry.routine.name, tuple(build_timeline(entry.routine)))


def plan_with_chain(library: Library, entry: Entry,
                    programme_run: Callable[[], PlannedRun] | None = None) -> list[PlannedRun]:
    """The routine, then each routine its ``then`` chains into (chains are checked for loops
    when loaded, so this ends). ``then = "programme"`` ends the chain with the session
    ``programme_run`` gives (asked only then: it reads the log); without it, the chain
    ends there."""
    runs = [planned_run(entry)]
    current = entry
    while current.routine is not None and current.routine.then:
        if current.routine.then == THEN_PROGRAMME:
            if programme_run is not None:
                runs.append(programme_run())
            break
        current = library.resolve(current.routine.then)
        runs.append(planned_run(current))
    return runs
