"""The training log's SQLite file: opening it, its schema, and its migrations.

Every way the file can go wrong ends in one of two places: :class:`LogUnavailable` (a
one-line reason; the caller carries on without logging) or, for a damaged file, the file
moved aside (:mod:`warmup_tui.log.damage`) and a fresh log started. Nothing here ever
deletes a log file.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from pathlib import Path

from warmup_tui.common import paths
from warmup_tui.common.cannot_write import reason_in_words
from warmup_tui.common.problems import display_path
from warmup_tui.log.damage import open_moving_damage_aside, quick_check, remember_as_left
from warmup_tui.log.sqlite_errors import BUSY_MESSAGE, Damaged, LogUnavailable, is_busy, rollback

# The error helpers and remember_as_left live in sqlite_errors and damage; the store and
# the tests reach them here as db.NAME, as before those were split out.
__all__ = [
    "BUSY_MESSAGE", "DEFAULT_BUSY_SECONDS", "LOG_NAME", "MIGRATIONS", "SCHEMA_VERSION",
    "LogUnavailable", "Notice", "connect", "default_path", "expected_columns",
    "expected_indexes", "is_busy", "migrate", "missing_columns", "remember_as_left",
    "rollback",
]

LOG_NAME = "log.sqlite3"
SCHEMA_VERSION = 5
# Writers keep their transactions to a few rows, so another instance never holds the
# lock for long; waiting longer than this would only freeze the screen.
DEFAULT_BUSY_SECONDS = 0.5

Notice = Callable[[str], None]


def default_path() -> Path:
    return paths.data_dir() / LOG_NAME


def connect(
    path: Path | None = None,
    *,
    busy_seconds: float = DEFAULT_BUSY_SECONDS,
    on_notice: Notice | None = None,
) -> sqlite3.Connection:
    """An open, checked connection at the current schema version.

    A damaged file is moved aside (under a lock file, so two instances finding it at once
    move it only once) and a fresh log started, with one notice. Raises LogUnavailable.
    """
    path = path or default_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LogUnavailable(f"cannot create {display_path(path.parent)} for the training log: "
                             f"{reason_in_words(error)}") from None
    conn, moved = open_moving_damage_aside(
        path, functools.partial(_open_checked, busy_seconds=busy_seconds))
    if moved is not None and on_notice is not None:
        on_notice(f"the training log was damaged; moved it to {moved.name} and started a new one")
    return conn


def _open_checked(path: Path, busy_seconds: float) -> sqlite3.Connection:
    # isolation_level=None: we write BEGIN/COMMIT ourselves, so each write is exactly
    # one short transaction and nothing is left open between events.
    conn = sqlite3.connect(path, timeout=busy_seconds, isolation_level=None,
                           check_same_thread=False)
    try:
        _refuse_newer(conn)  # before anything below changes the file
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL: in WAL mode a commit is safe from a crash or kill the moment it returns;
        # only a power cut can lose the last few seconds (the file stays consistent).
        # FULL would fsync every commit: 0.3 ms median but 12 ms worst on this ext4, which
        # at --speed 200 is a late cue. NORMAL commits take about 0.05 ms.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        quick_check(conn, path)
        migrate(conn)
        _check_schema(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _check_schema(conn: sqlite3.Connection) -> None:
    """A file that opens but lacks a table or column the schema has (a table dropped by
    hand, a half-restored copy) is damaged: every query on it would fail."""
    missing = missing_columns(conn)
    if missing is not None:
        raise Damaged(missing)
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master"
                                              " WHERE type = 'index'")}
    for name, sql in expected_indexes().items():
        if name not in present:  # only speed is lost: made again, nothing moved aside
            conn.execute(sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))


def missing_columns(conn: sqlite3.Connection) -> str | None:
    """The first table or column of the schema that ``conn``'s file lacks, in words."""
    for table, wanted in expected_columns().items():
        found = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not found:
            return f"the table {table} is missing"
        missing = sorted(wanted - found)
        if missing:
            return f"the table {table} lacks {', '.join(missing)}"
    return None


@functools.cache
def expected_indexes() -> dict[str, str]:
    """Each index the migrations make, by name, with the statement that makes it."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn)
        return dict(conn.execute("SELECT name, sql FROM sqlite_master"
                                 " WHERE type = 'index' AND sql IS NOT NULL").fetchall())
    finally:
        conn.close()


@functools.cache
def expected_columns() -> dict[str, frozenset[str]]:
    """Each table's columns at the current version, from the migrations themselves."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn)
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: frozenset(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
                for table in tables}
    finally:
        conn.close()


# ----- schema ------------------------------------------------------------------------------

_V1 = """
CREATE TABLE sessions (
    id              INTEGER PRIMARY KEY,
    routine_id      TEXT NOT NULL,
    routine_name    TEXT NOT NULL,
    started_at      REAL NOT NULL,      -- Unix time
    updated_at      REAL NOT NULL,
    ended_at        REAL,
    planned_seconds REAL NOT NULL,
    actual_seconds  REAL NOT NULL DEFAULT 0,
    segments_done   INTEGER NOT NULL DEFAULT 0,
    segments_total  INTEGER NOT NULL,
    last_index      INTEGER,
    status          TEXT NOT NULL CHECK (status IN ('running', 'completed', 'stopped')),
    pid             INTEGER
);
CREATE INDEX sessions_started ON sessions (started_at);
CREATE TABLE segments (
    session_id      INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,   -- order of ending within the session
    idx             INTEGER NOT NULL,   -- index in the routine's timeline
    step            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    side            TEXT,
    planned_seconds REAL NOT NULL,
    actual_seconds  REAL NOT NULL,
    skipped         INTEGER NOT NULL,
    PRIMARY KEY (session_id, position)
);
"""

# Version 2: programme sessions, where a session was when it stopped (for resuming), time
# spent running, previews at --speed, and links between a cut-off session and its resumption.
_V2 = """
ALTER TABLE sessions ADD COLUMN programme_id TEXT;
ALTER TABLE sessions ADD COLUMN programme_session TEXT;
ALTER TABLE sessions ADD COLUMN routine_path TEXT;
ALTER TABLE sessions ADD COLUMN last_step TEXT;
ALTER TABLE sessions ADD COLUMN last_side TEXT;
ALTER TABLE sessions ADD COLUMN run_seconds REAL NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN speed REAL NOT NULL DEFAULT 1;
ALTER TABLE sessions ADD COLUMN resumed_from INTEGER;
UPDATE sessions SET run_seconds = (
    SELECT COALESCE(SUM(actual_seconds), 0) FROM segments
    WHERE segments.session_id = sessions.id AND segments.kind = 'run');
UPDATE sessions SET
    last_step = (SELECT step FROM segments WHERE segments.session_id = sessions.id
                 AND segments.idx = sessions.last_index ORDER BY position DESC LIMIT 1),
    last_side = (SELECT side FROM segments WHERE segments.session_id = sessions.id
                 AND segments.idx = sessions.last_index ORDER BY position DESC LIMIT 1);
CREATE INDEX sessions_status ON sessions (status);
CREATE INDEX sessions_programme ON sessions (programme_id, status);
"""

# Version 3: a key for each session, so a session kept aside while the log was busy
# (spool.py) goes in exactly once; and indexes for reading years of sessions quickly: by
# the moment a session counts in a week (when it ended, else when it started).
_V3 = """
ALTER TABLE sessions ADD COLUMN session_key TEXT;
CREATE UNIQUE INDEX sessions_key ON sessions (session_key);
CREATE INDEX sessions_counted ON sessions (COALESCE(ended_at, started_at));
CREATE INDEX sessions_runs ON sessions (COALESCE(ended_at, started_at))
    WHERE status = 'completed' AND run_seconds > 0 AND speed = 1;
CREATE INDEX sessions_programme_done ON sessions (programme_id, programme_session, ended_at)
    WHERE status = 'completed' AND speed = 1 AND programme_session IS NOT NULL
    AND ended_at IS NOT NULL;
"""

# Version 4: runs done outside the app (imported from a watch's file, or logged by hand):
# where a session came from, what the watch measured, and a key that recognises the same
# activity imported again (activities.model.Activity.key: its start and elapsed time).
_V4 = """
ALTER TABLE sessions ADD COLUMN source TEXT NOT NULL DEFAULT 'app'
    CHECK (source IN ('app', 'import', 'manual'));
ALTER TABLE sessions ADD COLUMN distance_m REAL;
ALTER TABLE sessions ADD COLUMN avg_heart_rate INTEGER;
ALTER TABLE sessions ADD COLUMN avg_cadence INTEGER;
ALTER TABLE sessions ADD COLUMN sport TEXT;
ALTER TABLE sessions ADD COLUMN note TEXT;
ALTER TABLE sessions ADD COLUMN external_key TEXT;
CREATE UNIQUE INDEX sessions_external ON sessions (external_key);
"""

# Version 5: how the calves felt during each run and the next morning (coaching.checkin),
# one row per session at most, going with its session.
_V5 = """
CREATE TABLE checkins (
    session_id      INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    calves          INTEGER CHECK (calves BETWEEN 0 AND 10),
    morning         INTEGER CHECK (morning BETWEEN 0 AND 10),
    effort          TEXT CHECK (effort IN ('chat', 'words', 'none')),
    hills           INTEGER NOT NULL DEFAULT 0,
    red_flag        INTEGER NOT NULL DEFAULT 0,
    note            TEXT NOT NULL DEFAULT '',
    morning_asked   INTEGER NOT NULL DEFAULT 0,  -- the morning question was put (answered or not)
    updated_at      REAL NOT NULL
);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5)  # MIGRATIONS[n] takes version n to n + 1


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Bring the schema up to ``target``, one version per transaction."""
    _refuse_newer(conn)
    version = _version(conn)
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = _version(conn)  # another instance may have migrated meanwhile
            if version < target:
                for statement in _statements(MIGRATIONS[version]):
                    conn.execute(statement)
                version += 1
                conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise


def _refuse_newer(conn: sqlite3.Connection) -> None:
    version = _version(conn)
    if version > SCHEMA_VERSION:
        raise LogUnavailable(f"the training log was written by a newer warmup-tui "
                             f"(schema {version}, this one knows {SCHEMA_VERSION})")


def _version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT our transaction first; split instead. The scripts
    # above hold no semicolons inside statements.
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]
