"""Temporary files a killed app left in the speech cache, removed at the next start.

A phrase is rendered into ``.phrase.<pid>.<random><suffix>`` files (Piper's batches into
a ``.batch.<pid>.<random>`` folder), renamed into place or removed once it is done. A
process killed half-way (SIGKILL, a power cut) leaves them. At the next start they go when
the process named in them is gone; whatever the name says (a reused pid, another machine
sharing the folder, a name from before the pid was in it), once older than any render
takes. Another running app's renders in progress are never touched.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from warmup_tui.common import paths
from warmup_tui.common.processes import pid_alive

KINDS = ("phrase", "batch")
STALE_AFTER = 3600.0  # seconds; one render gives up after 20 s, a Piper batch takes minutes


def speech_dir() -> Path:
    """Where rendered phrases are kept."""
    return paths.cache_dir() / "speech"


def temporary_prefix(kind: str) -> str:
    """The start of this process's temporary names of ``kind`` (one of :data:`KINDS`)."""
    return f".{kind}.{os.getpid()}."


def remove_leftovers(folder: Path, *, now: float | None = None,
                     is_alive: Callable[[int], bool] = pid_alive) -> list[Path]:
    """Remove the stale temporary files and folders in ``folder``; the ones removed."""
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:  # no cache folder yet, or not ours to read: nothing to tidy
        return []
    removed = []
    for entry in entries:
        if _stale(entry, now, is_alive) and _remove(Path(entry.path)):
            removed.append(Path(entry.path))
    return removed


def remove_leftovers_soon(folder: Path) -> threading.Thread:
    """:func:`remove_leftovers` on a thread of its own, so no start waits for the disk.
    Not a daemon: a short headless run would otherwise end before it."""
    thread = threading.Thread(target=remove_leftovers, args=(folder,),
                              name="render-leftovers")
    thread.start()
    return thread


def _stale(entry: os.DirEntry[str], now: float, is_alive: Callable[[int], bool]) -> bool:
    kind, _, rest = entry.name.removeprefix(".").partition(".")
    if kind not in KINDS or not entry.name.startswith("."):
        return False  # a cached phrase, or not ours
    try:
        if now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
            return True
    except OSError:
        return False
    pid = rest.partition(".")[0]
    if not pid.isdigit():
        return False  # an old-style name, still fresh: perhaps an older version's render
    return int(pid) != os.getpid() and not is_alive(int(pid))


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError:
        return False  # gone already (its own process finished it), or not ours to remove
    return True
