"""A damaged log found and moved aside, never deleted.

The look for damage (SQLite's quick_check) reads the whole file, so it is made only when
the file is new to this process or was changed by something other than warmup since warmup
last left it; a marker file beside the log remembers how warmup left it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from warmup_tui.log.sqlite_errors import Damaged, LogUnavailable, is_corrupt, unavailable

_SIDE_FILES = ("-wal", "-shm")
_checked: set[str] = set()


def open_moving_damage_aside(
    path: Path, open_checked: Callable[[Path], sqlite3.Connection],
) -> tuple[sqlite3.Connection, Path | None]:
    """``open_checked(path)``; when it finds the file damaged, the file moved aside (under a
    lock file, so two instances finding it at once move it only once) and a fresh log
    opened. The connection, and where the damaged file went (None when it was fine).
    Raises LogUnavailable."""
    try:
        return open_checked(path), None
    except sqlite3.DatabaseError as error:
        if not is_corrupt(error):
            raise unavailable(error, path) from None
    with _exclusive(path):
        try:  # another instance may have replaced the file while we waited for the lock
            return open_checked(path), None
        except sqlite3.DatabaseError as error:
            if not is_corrupt(error):
                raise unavailable(error, path) from None
        moved = move_aside(path)
        try:
            return open_checked(path), moved
        except sqlite3.DatabaseError as error:
            raise unavailable(error, path) from None


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Look for damage when the file is new to us or was changed by something other than
    warmup since warmup last left it (see :func:`remember_as_left`). The look reads the
    whole file (about a second for a 100 MB log of years of sessions), so a file as we
    left it is not read again; a garbage header fails earlier, at the open."""
    key = _file_key(path)
    if key in _checked or key == _read_marker(path):
        return
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if [row[0] for row in rows] != ["ok"]:
        raise Damaged(f"integrity check failed: {rows[0][0]}")
    _checked.add(key)
    _write_marker(path, key)


def remember_as_left(path: Path) -> None:
    """Note the file as this process leaves it (after closing a checked connection), so the
    next open, here or in another process, need not look it over again. A crash leaves no
    note, and anything else that changes the file changes its size or time: both are
    looked at again."""
    key = _file_key(path)
    _checked.add(key)
    _write_marker(path, key)


def _file_key(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path.resolve()}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}"


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".checked")


def _read_marker(path: Path) -> str | None:
    try:
        return _marker(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None


def _write_marker(path: Path, key: str) -> None:
    # Replaced whole, but not fsynced: a marker lost to a power cut costs one more look.
    marker = _marker(path)
    temporary = marker.with_name(f"{marker.name}.{os.getpid()}")
    with contextlib.suppress(OSError):
        temporary.write_text(key + "\n", encoding="utf-8")
        os.replace(temporary, marker)


def move_aside(path: Path) -> Path:
    """Rename a damaged log (and its -wal/-shm companions) out of the way; never delete."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    serial = 1
    while target.exists():
        serial += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{serial}")
    try:
        os.replace(path, target)
        for suffix in _SIDE_FILES:
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
    except OSError as error:
        raise LogUnavailable(f"the training log is damaged and cannot be moved aside ({error})"
                             ) from None
    return target


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """Hold ``log.sqlite3.lock`` so only one instance moves a damaged log aside."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no cross-process lock, the recheck still helps
        yield
        return
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
