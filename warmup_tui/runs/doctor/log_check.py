"""The training log, looked at without writing to it: fine, locked, damaged, or a newer
version's; earlier damaged logs kept aside; sessions waiting beside a busy log.

The file is opened read-only and checked the way the app's own open checks it (SQLite's
quick check, then every table and column the schema has), so the doctor finds what the
app would find, but moves nothing aside, migrates nothing and creates no log.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from warmup_tui.common.problems import display_path
from warmup_tui.log import db, spool
from warmup_tui.log.sqlite_errors import is_busy, is_corrupt
from warmup_tui.runs.doctor.findings import Finding

BUSY_SECONDS = 1.0  # how long a read waits for another program's lock


def check_log(path: Path | None = None) -> Finding:
    path = path or db.default_path()
    kept = kept_aside(path)
    waiting = _waiting(path)
    data: dict[str, object] = {"path": str(path), "kept_aside": [p.name for p in kept],
                               "waiting_sessions": waiting}
    status, lines = _state(path)
    data["status"] = status
    notes = list(lines)
    if waiting:
        sessions = "1 session waits" if waiting == 1 else f"{waiting} sessions wait"
        notes.append(f"{sessions} in {spool.folder_for(path).name}/ for the log "
                     "to free up; the next warmup that opens it takes them in")
    if kept:
        names = ", ".join(p.name for p in kept)
        notes.append(f"damaged logs kept aside, never deleted: {names} (in "
                     f"{display_path(path.parent)}); delete them once you no longer want them")
    return Finding("log", status in ("fine", "none"), tuple(notes), data)


def kept_aside(path: Path) -> list[Path]:
    """Earlier damaged logs the app moved aside (``log.sqlite3.corrupt-<time>``)."""
    try:
        found = path.parent.glob(path.name + ".corrupt-*")
        return sorted(p for p in found if not p.name.endswith(("-wal", "-shm")))
    except OSError:
        return []


def _waiting(path: Path) -> int:
    try:
        return sum(1 for _ in spool.waiting(path))
    except OSError:
        return 0


def _state(path: Path) -> tuple[str, tuple[str, ...]]:
    where = display_path(path)
    if not path.exists():
        return "none", (f"no training log yet ({where}); your first session starts one",)
    try:
        found = _look(path)
    except sqlite3.Error as error:
        if is_busy(error):
            return "locked", (f"the training log {where} is locked by another program; "
                              "sessions still run and are kept beside it until it frees up. "
                              "Close whatever holds it (another warmup, a database browser)",)
        if not is_corrupt(error):
            return "unreadable", (f"the training log {where} cannot be read: {error}",)
        found = ("damaged", str(error))
    if found is None:
        return "fine", (f"the training log {where} is fine",)
    status, problem = found
    if status == "newer":
        return "newer", (f"the training log {where} was written by a newer warmup-tui "
                         f"({problem}); update warmup-tui to use it",)
    return "damaged", (f"the training log {where} is damaged ({problem}); the next session "
                       "moves it aside as log.sqlite3.corrupt-<time>, never deleting it, "
                       "and starts a new log",)


def _look(path: Path) -> tuple[str, str] | None:
    """What is wrong with the log ("newer" or "damaged", and why), or None. Raises
    sqlite3.Error (busy, or damage SQLite reports as it reads)."""
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True,
                           timeout=BUSY_SECONDS, isolation_level=None)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > db.SCHEMA_VERSION:
            return "newer", f"schema {version}, this one knows {db.SCHEMA_VERSION}"
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if [row[0] for row in rows] != ["ok"]:
            return "damaged", f"integrity check failed: {rows[0][0]}"
        if version < db.SCHEMA_VERSION:
            return None  # an older log: the app brings it up to date when it opens it
        missing = db.missing_columns(conn)
        return ("damaged", missing) if missing else None
    finally:
        conn.close()
