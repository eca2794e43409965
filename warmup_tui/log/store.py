"""The training log: one row per session, plus a row per segment as it ends."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from warmup_tui.log import db, spool
from warmup_tui.log.rows import (
    SESSION_COLUMNS,
    NewSession,
    Progress,
    SegmentRow,
    SessionRow,
    from_kept_record,
)

_COLUMNS = ", ".join(SESSION_COLUMNS)
# When a session counts in a week (stats.counted_at) in SQL, written as the log's index
# is (db.py), so it is used.
COUNTED_AT = "COALESCE(ended_at, started_at)"
_PROGRAMME_DONE = ("status = 'completed' AND speed = 1 AND programme_session IS NOT NULL"
                   " AND ended_at IS NOT NULL")


class TrainingLog:
    """A connection to the log file. Every write is one short transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        busy_seconds: float = db.DEFAULT_BUSY_SECONDS,
        on_notice: db.Notice | None = None,
    ) -> TrainingLog:
        """Open (creating, migrating, or replacing a damaged file). Raises LogUnavailable."""
        path = path or db.default_path()
        log = cls(db.connect(path, busy_seconds=busy_seconds, on_notice=on_notice), path)
        log.take_kept()
        return log

    def close(self) -> None:
        self.conn.close()
        db.remember_as_left(self.path)

    def __enter__(self) -> TrainingLog:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def set_busy_timeout(self, seconds: float) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    # ----- writing -------------------------------------------------------------------------

    def write_session(self, key: str, new: NewSession, progress: Progress,
                      segments: Sequence[SegmentRow] = ()) -> int:
        """Create or bring up to date session ``key``, all or nothing: its row is made once
        however many processes write it, each segment is added once, and its state is never
        wound back to an older one. Returns the row's id."""
        with self._transaction():
            found = self.conn.execute("SELECT id FROM sessions WHERE session_key = ?",
                                      (key,)).fetchone()
            session_id = int(found[0]) if found else self._insert(new, key)
            self._add_segments(session_id, segments)
            self._update(session_id, progress)
        return session_id

    def take_kept(self) -> int:
        """Put the sessions kept beside the log while it was busy (spool.py) into it, one
        transaction each, and remove their files; how many went in. Those the log cannot
        take now (still busy) stay for the next open."""
        taken = 0
        for kept in spool.waiting(self.path):
            try:
                key, new, progress, segments = from_kept_record(kept.record)
                self.write_session(key, new, progress, segments)
            except (KeyError, TypeError, ValueError):
                continue  # not a file we wrote: left for a person to look at
            except sqlite3.Error as error:
                if db.is_busy(error):
                    break
                continue
            kept.forget()
            taken += 1
        return taken

    def _insert(self, new: NewSession, key: str) -> int:
        cursor = self.conn.execute(
            "INSERT INTO sessions (routine_id, routine_name, routine_path, programme_id,"
            " programme_session, started_at, updated_at, planned_seconds, segments_total,"
            " status, pid, speed, resumed_from, session_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)",
            (new.routine_id, new.routine_name, new.routine_path, new.programme_id,
             new.programme_session, new.started_at, new.started_at, new.planned_seconds,
             new.segments_total, new.pid, new.speed, new.resumed_from, key))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _add_segments(self, session_id: int, segments: Sequence[SegmentRow]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO segments (session_id, position, idx, step, kind, side,"
            " planned_seconds, actual_seconds, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(session_id, s.position, s.index, s.step, s.kind, s.side, s.planned_seconds,
              s.actual_seconds, int(s.skipped)) for s in segments])

    def _update(self, session_id: int, progress: Progress) -> None:
        # Only over an older state: a kept state read before the recorder wrote a later
        # one directly must not replace it.
        self.conn.execute(
            "UPDATE sessions SET updated_at = ?, actual_seconds = ?, run_seconds = ?,"
            " segments_done = ?, last_index = ?, last_step = ?, last_side = ?, status = ?,"
            " ended_at = ?, note = COALESCE(?, note) WHERE id = ? AND updated_at <= ?",
            (progress.updated_at, progress.actual_seconds, progress.run_seconds,
             progress.segments_done, progress.last_index, progress.last_step,
             progress.last_side, progress.status, progress.ended_at, progress.note,
             session_id, progress.updated_at))

    def disown(self, session_id: int) -> None:
        """Drop the pid of a session being cut off, so it is offered for resuming even if
        its process lingers (a terminal app can hang on its way out)."""
        with self._transaction():
            self.conn.execute("UPDATE sessions SET pid = NULL WHERE id = ? AND"
                              " status = 'running'", (session_id,))

    def close_running(self, session_id: int, ended_at: float) -> bool:
        """Mark a cut-off session stopped; False if it was no longer running (someone else
        already dealt with it), so two instances never both resume it."""
        with self._transaction():
            cursor = self.conn.execute(
                "UPDATE sessions SET status = 'stopped', ended_at = COALESCE(ended_at, ?)"
                " WHERE id = ? AND status = 'running'", (ended_at, session_id))
        return cursor.rowcount == 1

    # ----- reading -------------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction: everything read inside it is the log at one moment, however
        long the reading takes (history reads the weeks, then writes every session of them
        out). In WAL mode the log's writers go on meanwhile; they are only not seen."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            db.rollback(self.conn)  # nothing was written: ending it is all there is to do

    def sessions(self, *, since: float | None = None, limit: int | None = None
                 ) -> list[SessionRow]:
        """Sessions started at or after ``since``, newest first."""
        sql = f"SELECT {_COLUMNS} FROM sessions"
        args: list[Any] = []
        if since is not None:
            sql += " WHERE started_at >= ?"
            args.append(since)
        sql += " ORDER BY started_at DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [SessionRow(*row) for row in self.conn.execute(sql, args)]

    def sessions_counted_since(self, since: float) -> list[SessionRow]:
        """Sessions counted in a week from ``since`` on (by when they ended, or started if
        still going: ``stats.counted_at``), newest started first."""
        return list(self.each_session_counted_since(since))

    def each_session_counted_since(self, since: float) -> Iterator[SessionRow]:
        """:meth:`sessions_counted_since` read as they are asked for, so years of sessions
        are never held at once (SQLite's sort spills to a file beyond its cache)."""
        for row in self.conn.execute(
                # INDEXED BY: left alone, SQLite reads every row in started_at order instead
                f"SELECT {_COLUMNS} FROM sessions INDEXED BY sessions_counted"
                f" WHERE {COUNTED_AT} >= ?"
                " ORDER BY started_at DESC, id DESC", (since,)):
            yield SessionRow(*row)

    def session(self, session_id: int) -> SessionRow | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM sessions WHERE id = ?",
                                (session_id,)).fetchone()
        return SessionRow(*row) if row else None

    def running(self) -> list[SessionRow]:
        """Sessions still marked running (here, in another instance, or cut off), newest first."""
        return [SessionRow(*row) for row in self.conn.execute(
            f"SELECT {_COLUMNS} FROM sessions WHERE status = 'running'"
            " ORDER BY updated_at DESC, id DESC")]

    def segments(self, session_id: int) -> list[SegmentRow]:
        return [SegmentRow(position, idx, step, kind, side, planned, actual, bool(skipped))
                for position, idx, step, kind, side, planned, actual, skipped
                in self.conn.execute(
                    "SELECT position, idx, step, kind, side, planned_seconds, actual_seconds,"
                    " skipped FROM segments WHERE session_id = ? ORDER BY position",
                    (session_id,))]

    def completed_programme_sessions(self, programme_id: str, *,
                                     all_since: datetime | None = None
                                     ) -> list[tuple[str, datetime]]:
        """(session key, completion time) of each completed session of a programme, in the
        order they were completed. Previews at --speed do not count. Given ``all_since``,
        completions before it come only as the latest of each session: all that where the
        runner stands needs of them, and a few dozen rows however long the log."""
        since = all_since.timestamp() if all_since is not None else None
        rows = self.conn.execute(
            f"SELECT programme_session, ended_at FROM sessions INDEXED BY sessions_programme_done"
            f" WHERE programme_id = ? AND {_PROGRAMME_DONE} AND (? IS NULL OR ended_at >= ?)"
            f" UNION ALL SELECT programme_session, MAX(ended_at) FROM sessions"
            f" INDEXED BY sessions_programme_done WHERE programme_id = ? AND {_PROGRAMME_DONE}"
            f" AND ended_at < ? GROUP BY programme_session ORDER BY 2",
            (programme_id, since, since, programme_id, since))
        return [(key, datetime.fromtimestamp(ended).astimezone()) for key, ended in rows]

    # ----- internals -----------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    def transaction(self) -> _Transaction:
        """One write transaction, for the log's other writers (outside.py)."""
        return _Transaction(self.conn)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT: take the write lock up front, so a busy log fails at
    once (within the busy timeout) instead of halfway through."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error:
                self._rollback()
                raise
        else:
            self._rollback()

    def _rollback(self) -> None:
        db.rollback(self.conn)
