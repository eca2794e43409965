"""A damaged, locked, newer or older log file never stops a session, and is never deleted."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from log_support import run_for, run_to_end, start_recorded, timeline

from warmup_tui.log import LogRecorder, LogUnavailable, TrainingLog, default_path
from warmup_tui.log.counting import RunRule
from warmup_tui.log.db import BUSY_MESSAGE, DEFAULT_BUSY_SECONDS, SCHEMA_VERSION
from warmup_tui.log.recorder import BRIEF_BUSY_SECONDS, RETRY_BUSY_SECONDS
from warmup_tui.log.writer import THREAD_NAME

HERE = Path(__file__).resolve().parent


def run_session(notices: list[str], routine: str = "pre-run", *,
                wait: bool = True) -> LogRecorder:
    session, clock, recorder = start_recorded(routine, notices)
    run_to_end(session, clock, recorder)
    assert session.state == "finished"
    assert not wait or recorder.wait_written(timeout=30)
    return recorder


def test_garbage_file_is_moved_aside_and_the_session_is_logged_in_a_fresh_one() -> None:
    path = default_path()
    path.parent.mkdir(parents=True)
    garbage = b"this is not a database\x00\xff" * 200
    path.write_bytes(garbage)
    notices: list[str] = []
    recorder = run_session(notices)

    [moved] = path.parent.glob("log.sqlite3.corrupt-*")
    assert moved.read_bytes() == garbage
    assert len(notices) == 1 and moved.name in notices[0] and "damaged" in notices[0]
    assert recorder.status == "completed"
    with TrainingLog.open() as log:
        assert [row.status for row in log.sessions()] == ["completed"]


def test_damage_inside_a_valid_file_is_found_by_the_check() -> None:
    run_session([])
    path = default_path()
    with sqlite3.connect(path) as conn:  # fold the WAL in, so the damage below sticks
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) >= 3 * page
    data[page: page + 64] = b"\xa5" * 64  # scribble over the second page's b-tree header
    path.write_bytes(bytes(data))

    notices: list[str] = []
    with TrainingLog.open(on_notice=notices.append) as log:
        assert log.sessions() == []
    moved = sorted(p.name for p in path.parent.glob("log.sqlite3.corrupt-*"))
    assert len(moved) == 3  # the file and its -shm and -wal, kept together
    assert [name.removeprefix(moved[0]) for name in moved] == ["", "-shm", "-wal"]
    assert len(notices) == 1


@pytest.fixture
def busy_waits(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, float]]:
    """(thread, seconds) of every busy timeout the log is given: the longest each write
    may wait for the lock. SQLite itself still waits it."""
    waits: list[tuple[str, float]] = []
    set_busy_timeout = TrainingLog.set_busy_timeout

    def recorded(log: TrainingLog, seconds: float) -> None:
        waits.append((threading.current_thread().name, seconds))
        set_busy_timeout(log, seconds)

    monkeypatch.setattr(TrainingLog, "set_busy_timeout", recorded)
    return waits


def test_locked_log_warns_once_never_stalls_and_catches_up_when_freed(
        busy_waits: list[tuple[str, float]]) -> None:
    TrainingLog.open().close()  # the file exists, as after an earlier session
    holder = sqlite3.connect(default_path(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another instance holding the write lock

    notices: list[str] = []
    session, clock, recorder = start_recorded("pre-run", notices)
    run_for(session, clock, 200, recorder)
    assert recorder.wait_written(timeout=60)
    assert len(notices) == 1 and "busy" in notices[0]
    # ~20 writes, all on the writer thread: only the first waits the full busy timeout,
    # the rest try briefly, so the writer keeps up.
    assert {thread for thread, _wait in busy_waits} == {THREAD_NAME}
    seconds = [wait for _thread, wait in busy_waits]
    assert len(seconds) > 10
    assert seconds == [DEFAULT_BUSY_SECONDS] + [BRIEF_BUSY_SECONDS] * (len(seconds) - 1)

    holder.execute("ROLLBACK")
    holder.close()
    run_to_end(session, clock, recorder)
    assert recorder.wait_written(timeout=60)
    with TrainingLog.open() as log:
        [row] = log.sessions()
        assert row.status == "completed"
        assert row.segments_done == len(timeline("pre-run"))
        assert len(log.segments(row.id)) == row.segments_done  # nothing lost while locked


def test_log_locked_at_the_end_is_written_by_the_background_retry(
        busy_waits: list[tuple[str, float]]) -> None:
    TrainingLog.open().close()
    holder = sqlite3.connect(default_path(), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    notices: list[str] = []
    # the whole session runs against a locked log
    recorder = run_session(notices, wait=False)
    assert not recorder.wait_written(timeout=0.2)  # still trying in the background
    give_up = time.monotonic() + 60
    while RETRY_BUSY_SECONDS not in [wait for _thread, wait in busy_waits]:
        assert time.monotonic() < give_up, "the last write was never retried"
        time.sleep(0.01)  # polling the writer's progress, not waiting out a time
    holder.execute("ROLLBACK")  # the log frees up while the last write is retried
    holder.close()
    assert recorder.wait_written(timeout=15)
    assert len(notices) == 1
    # The writer thread waits the full timeout at the first and the last write only;
    # then it retries the last one until the log frees up.
    assert {thread for thread, _wait in busy_waits} == {THREAD_NAME}
    seconds = [wait for _thread, wait in busy_waits]
    retries = seconds[seconds.index(DEFAULT_BUSY_SECONDS, 1) + 1:]
    assert retries and set(retries) == {RETRY_BUSY_SECONDS}
    assert seconds[:-len(retries)] == (
        [DEFAULT_BUSY_SECONDS] + [BRIEF_BUSY_SECONDS] * (len(seconds) - len(retries) - 2)
        + [DEFAULT_BUSY_SECONDS])
    with TrainingLog.open() as log:
        [row] = log.sessions()
        assert row.status == "completed" and len(log.segments(row.id)) == row.segments_total


def test_log_from_a_newer_version_is_left_alone() -> None:
    path = default_path()
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    before = path.read_bytes()
    with pytest.raises(LogUnavailable, match="newer"):
        TrainingLog.open()
    notices: list[str] = []
    recorder = run_session(notices)
    assert recorder.status == "completed" and len(notices) == 1 and "newer" in notices[0]
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.corrupt-*"))


def test_unwritable_data_folder_gives_one_notice() -> None:
    folder = default_path().parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the folder should be")
    notices: list[str] = []
    recorder = run_session(notices)
    assert recorder.status == "completed" and recorder.session_id is None
    assert len(notices) == 1 and "cannot" in notices[0]


# A frozen copy of the version-1 schema as it shipped, so the test does not depend on
# the migration code it checks.
V1_SCHEMA = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY, routine_id TEXT NOT NULL, routine_name TEXT NOT NULL,
    started_at REAL NOT NULL, updated_at REAL NOT NULL, ended_at REAL,
    planned_seconds REAL NOT NULL, actual_seconds REAL NOT NULL DEFAULT 0,
    segments_done INTEGER NOT NULL DEFAULT 0, segments_total INTEGER NOT NULL,
    last_index INTEGER,
    status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'stopped')), pid INTEGER);
CREATE INDEX sessions_started ON sessions (started_at);
CREATE TABLE segments (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, idx INTEGER NOT NULL, step TEXT NOT NULL, kind TEXT NOT NULL,
    side TEXT, planned_seconds REAL NOT NULL, actual_seconds REAL NOT NULL,
    skipped INTEGER NOT NULL, PRIMARY KEY (session_id, position));
PRAGMA user_version = 1;
"""


def test_version_1_log_is_migrated_keeping_every_session() -> None:
    path = default_path()
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.executescript(V1_SCHEMA)
        conn.execute("INSERT INTO sessions VALUES (1, 'first-steps', 'First steps', 100, 200,"
                     " 200, 100, 100, 3, 3, 2, 'completed', 42)")
        conn.execute("INSERT INTO sessions VALUES (2, 'pre-run', 'Pre-run warmup', 300, 320,"
                     " NULL, 260, 20, 1, 15, 1, 'running', 43)")
        conn.executemany("INSERT INTO segments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            (1, 0, 0, "Warmup walk", "walk", None, 30, 30, 0),
            (1, 1, 1, "Run", "run", None, 40, 38.5, 0),
            (1, 2, 2, "Run", "run", None, 30, 31.5, 0),
            (2, 0, 0, "Hip flexor stretch", "exercise", "left", 30, 20, 0),
            (2, 1, 1, "Hip flexor stretch", "switch", "right", 5, 5, 0)])

    with TrainingLog.open() as log:
        version = log.conn.execute("PRAGMA user_version").fetchone()[0]
        rows = {row.id: row for row in log.sessions()}
        columns = {r[1] for r in log.conn.execute("PRAGMA table_info(sessions)")}
    assert version == SCHEMA_VERSION == 5
    assert {"programme_id", "programme_session", "run_seconds", "last_step", "speed"} <= columns
    assert rows[1].run_seconds == pytest.approx(70.0)  # backfilled from the segment rows
    assert rows[1].status == "completed" and RunRule(60).counts(rows[1])
    assert (rows[2].last_step, rows[2].last_side) == ("Hip flexor stretch", "right")
    assert rows[2].run_seconds == 0 and rows[2].programme_id is None and rows[2].speed == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def write_from_two_processes(count: int) -> list[dict[str, Any]]:
    """Two processes, alpha and beta, each logging ``count`` sessions; their reports."""
    start = time.time() + 1.5  # both start writing at the same moment, after Python starts
    writers = [subprocess.Popen([sys.executable, str(HERE / "writer_process.py"), name,
                                 str(count), str(start)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for name in ("alpha", "beta")]
    reports = []
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        reports.append(json.loads(out))
    return reports


def test_two_processes_writing_at_once_keep_the_log_whole() -> None:
    count = 40
    reports = write_from_two_processes(count)
    # Hammering the log from two processes may make one wait past the busy timeout; that
    # is allowed (one notice, written later), losing a session or failing otherwise is not.
    notices = [notice for report in reports for notice in report["notices"]]
    assert all(notice.startswith(BUSY_MESSAGE) for notice in notices), notices
    first, second = reports
    assert first["began"] < second["ended"] and second["began"] < first["ended"]  # overlapped

    with sqlite3.connect(default_path()) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    segments = len(timeline("pre-run"))
    with TrainingLog.open() as log:
        rows = log.sessions()
        assert sorted(row.routine_id for row in rows) == sorted(
            f"{name}-{n}" for name in ("alpha", "beta") for n in range(count))
        assert {row.status for row in rows} == {"completed"}
        assert all(len(log.segments(row.id)) == segments for row in rows)


def test_two_processes_finding_a_damaged_log_move_it_aside_once() -> None:
    path = default_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x13garbage, not SQLite" * 300)
    reports = write_from_two_processes(3)
    moved = list(path.parent.glob("log.sqlite3.corrupt-*"))
    assert len(moved) == 1  # one of them moved it; the other found the fresh log
    notices = [n for report in reports for n in report["notices"]]
    assert sum("damaged" in n for n in notices) == 1
    with TrainingLog.open() as log:
        assert len(log.sessions()) == 6
