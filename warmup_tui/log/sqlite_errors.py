"""What a SQLite error means for the user: the log busy, damaged, or out of reach, told
as :class:`LogUnavailable` in one line."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from warmup_tui.common.cannot_write import DISK_FULL, folder_reason
from warmup_tui.common.problems import display_path

_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CORRUPT, _SQLITE_NOTADB = 5, 6, 11, 26
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 8, 10, 13, 14

BUSY_MESSAGE = "the training log is busy (another warmup is writing to it)"


class LogUnavailable(Exception):
    """The log cannot be used right now; ``str()`` is a one-line reason for the user."""

    def __init__(self, message: str, *, busy: bool = False) -> None:
        super().__init__(message)
        self.busy = busy


class Damaged(sqlite3.DatabaseError):
    """quick_check or the schema check found a problem the open itself did not trip over."""


def is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)


def is_corrupt(error: sqlite3.Error) -> bool:
    if isinstance(error, Damaged):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(error)
    return "not a database" in text or "malformed" in text


def unavailable(error: sqlite3.Error, path: Path) -> LogUnavailable:
    """``error``, met opening the log at ``path``, as the one line the user is told."""
    if is_busy(error):
        return LogUnavailable(BUSY_MESSAGE, busy=True)
    return LogUnavailable(f"the training log {display_path(path)} cannot be opened: "
                          f"{disk_reason(error, path)}")


def disk_reason(error: sqlite3.Error, path: Path) -> str:
    """SQLite's error in the words of :mod:`warmup_tui.common.cannot_write` when the disk is to
    blame: SQLite names a full disk but reports a read-only one or a failed grow of its
    side files only as "unable to open" or "disk I/O error", so the folder is asked."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code == _SQLITE_FULL:
        return DISK_FULL
    if code in (_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CANTOPEN):
        return folder_reason(path.parent) or str(error)
    return str(error)


def rollback(conn: sqlite3.Connection) -> None:
    """Ends a failed transaction without hiding why it failed: SQLite has already rolled
    back after a full disk, and a second ROLLBACK's own error would replace the real one."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
