"""What counts as a run towards the weekly goal: the one rule, for history, the weeks and
the streak.

A session counts when it was completed in real time (a ``--speed`` preview never does)
and it was either a session of a programme, or had at least ``min_run_seconds`` of
running in it (``training.min_run_minutes`` in the settings; the log does not read
settings, so front ends pass the threshold in). A 100-second test session is not a run.
"""

from __future__ import annotations

from dataclasses import dataclass

from warmup_tui.log.rows import SessionRow

DEFAULT_MIN_RUN_SECONDS = 5 * 60.0


@dataclass(frozen=True)
class RunRule:
    """The counting rule with its threshold."""

    min_run_seconds: float = DEFAULT_MIN_RUN_SECONDS

    def counts(self, row: SessionRow) -> bool:
        return self.why_not(row) is None

    def why_not(self, row: SessionRow) -> str | None:
        """Why ``row`` is not counted, in a few words; None when it counts."""
        if row.is_preview:
            return f"a preview at x{row.speed:g}"
        if row.skipped:
            return "skipped"
        if row.status != "completed":
            return "not finished" if row.status == "running" else "stopped before the end"
        if row.programme_session is not None:
            return None
        if row.run_seconds <= 0:
            return "no running in it"
        if row.run_seconds < self.min_run_seconds:
            return f"under {_minutes(self.min_run_seconds)} of running"
        return None

    def sql(self) -> tuple[str, tuple[float]]:
        """The same rule as a condition on a ``sessions`` row, with its one parameter, for
        the log to count runs without making a row of each (a history of years asks for
        thousands). Kept beside :meth:`why_not`, and tested against it, so the two agree.
        A skipped warmup is stored "stopped", so ``status = 'completed'`` leaves it out."""
        return (f"({_RUN_SQL})", (self.min_run_seconds,))


_RUN_SQL = ("speed = 1 AND status = 'completed' AND (programme_session IS NOT NULL"
            " OR (run_seconds > 0 AND run_seconds >= ?))")


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    number = f"{minutes:g}"
    return f"{number} minute" + ("" if number == "1" else "s")
