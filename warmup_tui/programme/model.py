"""The multi-week programme: weeks of run-walk sessions, as plain frozen data.

Reading and checking programme files lives in ``program_file``; where the runner is in a
programme lives in ``program_progress``. A session is either a regular run-walk block
(``run``/``walk`` x ``repeats``, a routine's ``[runwalk]``) or an irregular list of
intervals; both expand, through the engine's timeline, into the same
:class:`~warmup_tui.engine.timeline.Segment` list a routine's ``[runwalk]`` would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from warmup_tui.common.durations import describe_duration, format_duration
from warmup_tui.engine.timeline import (
    Interval,
    Segment,
    interval_timeline,
    repeated_intervals,
    total_seconds,
)

FORMAT_VERSION = 1
DEFAULT_SESSIONS_PER_WEEK = 4

ProgrammeSource = Literal["bundled", "user", "file"]


@dataclass(frozen=True)
class Block:
    """A regular day: run then walk (none when ``walk`` is 0), ``repeats`` times over."""

    run: float
    repeats: int
    walk: float = 0.0


@dataclass(frozen=True)
class ProgrammeSession:
    """One session of a programme; ``week`` and ``number`` count from 1.

    Exactly one of ``block`` (a regular run-walk) and ``intervals`` (an irregular day)
    is set; warmup, cooldown, cadence and cues are on the session either way.
    """

    week: int
    number: int
    block: Block | None = None
    intervals: tuple[Interval, ...] = ()
    warmup: float = 0.0
    cooldown: float = 0.0
    cadence: int | None = None
    cues: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The id the training log stores: "w2s3" is week 2, session 3."""
        return f"w{self.week}s{self.number}"

    @property
    def title(self) -> str:
        return f"week {self.week}, session {self.number}"

    def pattern(self) -> list[Interval]:
        """The run and walk stretches between the warmup and cooldown walks, in order."""
        if self.block is None:
            return list(self.intervals)
        return repeated_intervals(self.block.run, self.block.walk, self.block.repeats)

    def running_seconds(self) -> float:
        return sum(part.seconds for part in self.pattern() if part.kind == "run")

    def longest_run(self) -> float:
        return max((part.seconds for part in self.pattern() if part.kind == "run"), default=0.0)

    def total_seconds(self) -> float:
        return total_seconds(session_segments(self))

    def summary(self) -> str:
        """Compact: "run 2m / walk 1m x 10", "run 30m", or "run 3m, walk 1m30s, run 5m"."""
        return _summary(self, format_duration)

    def describe(self) -> str:
        """In words, with the whole length: "run 2 min / walk 1 min x 10 (40 min)"."""
        return f"{_summary(self, describe_duration)} ({describe_duration(self.total_seconds())})"


@dataclass(frozen=True)
class Week:
    number: int
    sessions: tuple[ProgrammeSession, ...]
    note: str = ""

    def summary(self) -> str:
        """Runs of identical sessions grouped: "s1-2: run 1m / walk 1m30s x 8; s3-4: ..."."""
        return "; ".join(self.summary_parts())

    def summary_parts(self) -> list[str]:
        """The summary's groups, one each: ["s1-2: run 1m / walk 1m30s x 8", "s3-4: ..."]."""
        groups: list[tuple[int, int, str]] = []
        for session in self.sessions:
            text = session.summary()
            if groups and groups[-1][2] == text:
                groups[-1] = (groups[-1][0], session.number, text)
            else:
                groups.append((session.number, session.number, text))
        if len(groups) == 1 and len(self.sessions) > 1:
            return [f"all {len(self.sessions)}: {groups[0][2]}"]
        return [f"s{first}{f'-{last}' if last != first else ''}: {text}"
                for first, last, text in groups]

@dataclass(frozen=True)
class Programme:
    """A whole programme file. ``id`` is the file name without ``.toml``."""

    id: str
    name: str
    weeks: tuple[Week, ...]
    description: str = ""
    sessions_per_week: int = DEFAULT_SESSIONS_PER_WEEK
    path: Path | None = None
    source: ProgrammeSource = "file"

    def sessions(self) -> list[ProgrammeSession]:
        """Every session in programme order: week 1 session 1 first."""
        return [session for week in self.weeks for session in week.sessions]

    def position(self, key: str) -> int | None:
        """Where the session ``key`` stands in programme order (0-based), or None."""
        for index, session in enumerate(self.sessions()):
            if session.key == key:
                return index
        return None

    def session(self, key: str) -> ProgrammeSession | None:
        index = self.position(key)
        return None if index is None else self.sessions()[index]


def _summary(session: ProgrammeSession, say: Callable[[float], str]) -> str:
    block = session.block
    if block is not None:
        if block.walk <= 0 and block.repeats == 1:
            return f"run {say(block.run)}"
        if block.walk <= 0:
            return f"run {say(block.run)} x {block.repeats}"
        return f"run {say(block.run)} / walk {say(block.walk)} x {block.repeats}"
    return ", ".join(f"{part.kind} {say(part.seconds)}" for part in session.intervals)


def session_segments(session: ProgrammeSession) -> list[Segment]:
    """The exact segments a session runs: its stretches between the warmup and cooldown
    walks, laid out by the engine's timeline as a routine's ``[runwalk]`` is."""
    return interval_timeline(session.pattern(), warmup=session.warmup,
                             cooldown=session.cooldown, cadence=session.cadence,
                             cues=session.cues)
