"""One error for a file the disk would not take, with the reason in words a user knows.

A full disk, a read-only one or a folder without permission all end a save the same way:
:class:`CannotWrite`, naming the file, the reason and that the file is as it was. It is an
``OSError``, so code that already copes with a failed write keeps coping.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from warmup_tui.common.problems import display_path

DISK_FULL = "the disk is full"
READ_ONLY = "read-only file system"
NO_PERMISSION = "permission denied"

_REASONS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: READ_ONLY,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
}
# Below this much free space a folder counts as full: SQLite reports a failed grow of its
# shared-memory file only as "disk I/O error", however much space the file needed.
NEARLY_FULL_BYTES = 1 << 20


class CannotWrite(OSError):
    """``path`` could not be written; ``str()`` is one line for the user."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.reason = reason_in_words(error)
        super().__init__(error.errno, self.reason, str(path))
        self.path = Path(path)

    def __str__(self) -> str:
        return f"cannot save {display_path(self.path)}: {self.reason}; nothing was changed"


def reason_in_words(error: OSError) -> str:
    """"the disk is full" rather than "[Errno 28] No space left on device"."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error)).lower()


def folder_reason(folder: Path) -> str | None:
    """Why nothing can be written in ``folder`` (or the nearest folder above it that
    exists), when the file system says so; None when it looks writable."""
    existing = Path(folder)
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    try:
        info = os.statvfs(existing)
    except OSError:
        return None
    if info.f_flag & os.ST_RDONLY:
        return READ_ONLY
    if info.f_bavail * info.f_frsize < NEARLY_FULL_BYTES:
        return DISK_FULL
    if not os.access(existing, os.W_OK):
        return NO_PERMISSION
    return None
