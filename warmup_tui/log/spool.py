"""Sessions kept beside a busy log until it takes them.

When another process holds the log's write lock, the recorder appends the session's whole
state (what is known about it, where it stands, the segments not yet in the log) as one
JSON line to the session's own file in ``log.sqlite3.pending/``, fsynced at each change.
The last whole line is the state that counts; a line cut short by a crash is passed over.
Every later open of the log, and the recorder's next successful write, puts those files
into the log (:meth:`TrainingLog.take_kept`) and removes them. The files hold plain
dictionaries; the log's own module turns them into rows.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warmup_tui.common.safe_write import fsync_folder

SUFFIX = ".jsonl"


def folder_for(log_path: Path) -> Path:
    return log_path.with_name(log_path.name + ".pending")


def keep(log_path: Path, key: str, record: dict[str, Any]) -> Path:
    """Add the latest state of session ``key`` to its file. Raises OSError."""
    import json  # here, not above: a session whose log is never busy does without it

    folder = folder_for(log_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key}{SUFFIX}"
    new = not path.exists()
    # one write of a whole line, then fsync: appending costs one fsync, about half what
    # an atomic replace of the file costs, and this runs on the session's own thread
    with open(path, "a", encoding="utf-8", newline="\n") as handle:
        handle.write(json.dumps(record) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    if new:
        fsync_folder(folder)
    return path


def forget(log_path: Path, key: str) -> None:
    """The log has this session now; its kept state is no longer needed."""
    with contextlib.suppress(OSError):
        (folder_for(log_path) / f"{key}{SUFFIX}").unlink()


@dataclass(frozen=True)
class Kept:
    """One kept session as read, with the file's identity when it was read."""

    path: Path
    record: dict[str, Any]
    size: int

    def forget(self) -> None:
        """Remove the file, unless its recorder has added a newer state since it was read,
        which must stay until it too is in the log."""
        with contextlib.suppress(OSError):
            if self.path.stat().st_size == self.size:
                self.path.unlink()


def waiting(log_path: Path) -> Iterator[Kept]:
    """The kept sessions, oldest file first. A file that cannot be read or parsed is left
    where it is, untouched, for a person to look at; it never stops the others."""
    folder = folder_for(log_path)
    try:
        paths = sorted(folder.glob(f"*{SUFFIX}"), key=_mtime)
    except OSError:
        return
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        record = _last_whole_line(data)
        if record is not None:
            yield Kept(path, record, len(data))


def _last_whole_line(data: bytes) -> dict[str, Any] | None:
    import json  # only once a kept file is found

    for line in reversed(data.split(b"\n")):
        try:
            record = json.loads(line.decode("utf-8"))
        except ValueError:  # empty, or cut short by a crash while it was written
            continue
        if isinstance(record, dict):
            return record
    return None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
