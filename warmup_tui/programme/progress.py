"""Where the runner is in a programme: the next session and the progress so far.

Completions come from a :class:`ProgressSource` (the training log implements it). The
rule for "next" is simple on purpose: the session after the furthest one completed, in
programme order. Calendar time plays no part, so a missed week changes nothing.

"This week" is the runner's calendar week, Monday to Sunday in local time, by when each
session was completed: the same week ``warmup history`` counts runs in
(:func:`warmup_tui.common.weeks.week_of`).

The runner can move the start point with an :class:`Anchor` (repeat a week, skip ahead):
completions from before the anchor was set no longer push the position on, and the next
session is the anchor's session or, once sessions are done after it, the one after the
furthest of those.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, Protocol

from warmup_tui.common.problems import Problem, ProblemsError
from warmup_tui.common.weeks import week_of
from warmup_tui.programme.model import Programme, ProgrammeSession

Completion = tuple[str, datetime]
_WEEK = timedelta(days=8)  # further than this from now is never this week (a DST day spare)


class ProgressSource(Protocol):
    """Anything that knows which programme sessions were completed, and when."""

    def completed_programme_sessions(self, programme_id: str, *,
                                     all_since: datetime | None = None
                                     ) -> list[Completion]:
        """Every completion from ``all_since`` on; before it, at least the latest of each
        session (what :func:`locate` needs, given ``all_since`` a week or more before its
        ``now``: see :func:`recent_enough`)."""
        ...


class MemoryProgress:
    """Completions kept in memory: a runner with no training log, and the tests."""

    def __init__(self) -> None:
        self._done: dict[str, list[Completion]] = defaultdict(list)

    def record(self, programme_id: str, session_key: str, when: datetime) -> None:
        self._done[programme_id].append((session_key, when))

    def completed_programme_sessions(self, programme_id: str, *,
                                     all_since: datetime | None = None
                                     ) -> list[Completion]:
        return sorted(self._done.get(programme_id, []), key=lambda item: _utc(item[1]))


@dataclass(frozen=True)
class Anchor:
    """From ``set_at`` on, carry on from session ``session`` (in one programme)."""

    session: str
    set_at: datetime
    reason: Literal["repeat", "skip", "back"]  # "back": --skip-to an earlier week


@dataclass(frozen=True)
class Position:
    """Where the runner stands in one programme."""

    programme: Programme
    next: ProgrammeSession | None
    """The session to run next; None once the last session is done."""
    furthest: ProgrammeSession | None
    """The furthest completed session that counts towards the position."""
    done: frozenset[str]
    """Keys of every session of this programme ever completed."""
    this_week: int
    """Sessions of this programme completed in the current calendar week (Monday to
    Sunday, local time), repeats included."""
    anchor: Anchor | None

    @property
    def finished(self) -> bool:
        return self.next is None

    @property
    def total(self) -> int:
        return len(self.programme.sessions())


def recent_enough(now: datetime | None = None) -> datetime:
    """A moment safely before the start of ``now``'s week: completions before it matter
    to :func:`locate` only as the latest of each session."""
    return (now or datetime.now().astimezone()) - timedelta(days=8)


def locate(programme: Programme, completions: Iterable[Completion],
           anchor: Anchor | None = None, now: datetime | None = None) -> Position:
    """The runner's position from their completions (in any order)."""
    sessions = programme.sessions()
    now = now or datetime.now().astimezone()
    places: dict[str, int] = {}  # as Programme.position, looked up once per key
    for index, session in enumerate(sessions):
        places.setdefault(session.key, index)
    known = [(places.get(key), when) for key, when in completions]
    counted = [(index, when) for index, when in known if index is not None]
    start = programme.position(anchor.session) if anchor is not None else None
    if anchor is not None and start is None:
        anchor = None  # the programme file changed under the anchor: fall back to the plain rule
    if anchor is not None and start is not None:
        since = _utc(anchor.set_at)
        after = [index for index, when in counted if _utc(when) > since]
        furthest = max(after, default=None)
        following = start if furthest is None else max(start, furthest + 1)
    else:
        furthest = max((index for index, _ in counted), default=None)
        following = 0 if furthest is None else furthest + 1
    zone = now.tzinfo  # the runner's zone; a naive ``now`` means local time
    this_monday = week_of(now, zone)
    return Position(
        programme=programme,
        next=sessions[following] if following < len(sessions) else None,
        furthest=None if furthest is None else sessions[furthest],
        done=frozenset(sessions[index].key for index, _ in counted),
        this_week=sum(1 for _, when in counted if abs(_utc(when) - _utc(now)) < _WEEK
                      and week_of(when, zone) == this_monday),
        anchor=anchor,
    )


def repeat_week(position: Position, now: datetime) -> Anchor:
    """An anchor that starts again at session 1 of the week last worked on: the week of
    the furthest counted completion, or the week the runner is about to start."""
    current = position.furthest or position.next
    week = current.week if current is not None else 1
    return Anchor(f"w{week}s1", now, "repeat")


def skip_to(programme: Programme, week: int, now: datetime,
            position: Position | None = None) -> Anchor:
    """An anchor at session 1 of ``week`` (1-based); raises ProblemsError when out of range.
    Given where the runner stands, an earlier week than theirs is marked as going back."""
    if not 1 <= week <= len(programme.weeks):
        raise ProblemsError([Problem(
            programme.id, f"has weeks 1 to {len(programme.weeks)}; there is no week {week}",
            key="--skip-to")])
    current = None if position is None else position.next or position.furthest
    back = current is not None and week < current.week
    return Anchor(programme.weeks[week - 1].sessions[0].key, now, "back" if back else "skip")


def _utc(when: datetime) -> datetime:
    # Naive times are taken as local time, the way the log and the user think of them.
    return when.astimezone(UTC)

