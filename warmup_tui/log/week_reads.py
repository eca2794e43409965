"""What the history report reads of the log, kept cheap for years of sessions: the
sessions of the weeks shown as a few numbers each, with the rule applied in SQLite; the
newest few of them whole; and one week's runs counted in SQLite, for the streak.

A history of the last eight weeks of a busy log holds thousands of sessions and a streak
hundreds of weeks long: a :class:`SessionRow` made of each of them took most of
``warmup history``'s time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from warmup_tui.log.counting import RunRule
from warmup_tui.log.rows import SESSION_COLUMNS, SessionRow
from warmup_tui.log.store import COUNTED_AT, TrainingLog


class Counted(NamedTuple):
    """A session as the weeks add it up."""

    id: int
    counted_at: float
    """When it counts in a week (stats.counted_at)."""
    real_time: bool
    """Not a preview at --speed (those are listed, never added up)."""
    counts: bool
    """A run by the rule (counting.RunRule)."""
    run_seconds: float


def each_counted_since(log: TrainingLog, since: float, rule: RunRule) -> Iterator[Counted]:
    """The sessions counted from ``since`` on, newest started first (as
    ``TrainingLog.each_session_counted_since`` lists them, so the weeks' running time is
    added up in the same order to the same figure)."""
    condition, args = rule.sql()
    cursor = log.conn.execute(
        f"SELECT id, {COUNTED_AT}, speed = 1, {condition}, run_seconds"
        f" FROM sessions INDEXED BY sessions_counted WHERE {COUNTED_AT} >= ?"
        " ORDER BY started_at DESC, id DESC", (*args, since))
    return map(Counted._make, cursor)


def runs_between(log: TrainingLog, start: float, end: float, rule: RunRule, cap: int) -> int:
    """The runs counted from ``start`` up to ``end`` (a week), up to ``cap``: the streak
    asks only whether a week met the goal, so SQLite stops at the ``cap``-th."""
    condition, args = rule.sql()
    row = log.conn.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM sessions INDEXED BY sessions_counted"
        f" WHERE {COUNTED_AT} >= ? AND {COUNTED_AT} < ? AND {condition} LIMIT ?)",
        (start, end, *args, cap)).fetchone()
    return int(row[0])


_IDS_AT_ONCE = 500  # under the 999 parameters older SQLite builds allow a statement


def sessions_by_id(log: TrainingLog, ids: Sequence[int]) -> list[SessionRow]:
    """The sessions ``ids``, whole, in that order (any no longer in the log left out)."""
    found: dict[int, SessionRow] = {}
    for first in range(0, len(ids), _IDS_AT_ONCE):
        part = ids[first:first + _IDS_AT_ONCE]
        marks = ", ".join("?" for _ in part)
        found.update((row[0], SessionRow(*row)) for row in log.conn.execute(
            f"SELECT {', '.join(SESSION_COLUMNS)} FROM sessions WHERE id IN ({marks})", part))
    return [found[session_id] for session_id in ids if session_id in found]
