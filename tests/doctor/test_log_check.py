"""The doctor's look at the training log: a real SQLite file, fine, locked by another
connection, damaged, or a newer version's; and the doctor never changes it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from warmup_tui.log import db
from warmup_tui.log.store import TrainingLog
from warmup_tui.runs.doctor.log_check import check_log


def made_log() -> Path:
    log = TrainingLog.open()
    log.close()
    return db.default_path()


def state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_no_log_yet_is_fine_and_none_is_made() -> None:
    finding = check_log()
    assert finding.ok and finding.data["status"] == "none"
    assert "first session starts one" in finding.lines[0]
    assert not db.default_path().exists()


def test_a_good_log_is_fine_and_left_as_it_was() -> None:
    path = made_log()
    before = state(path)
    finding = check_log()
    assert finding.ok, finding.lines
    assert finding.data["status"] == "fine"
    assert finding.lines == (f"the training log {path} is fine",)
    assert state(path) == before


def test_a_log_locked_by_another_connection_is_reported() -> None:
    path = made_log()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        # What a database browser or a stuck program does: hold the file exclusively.
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE sessions SET pid = 1")
        holder.execute("COMMIT")
        finding = check_log()  # gives up after BUSY_SECONDS instead of waiting
    finally:
        holder.close()
    assert not finding.ok
    assert finding.data["status"] == "locked"
    assert "locked by another program" in finding.lines[0]


def test_a_damaged_log_is_reported_and_not_moved_aside() -> None:
    path = db.default_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database at all" * 200)
    before = state(path)
    finding = check_log()
    assert not finding.ok and finding.data["status"] == "damaged"
    assert "the next session moves it aside" in finding.lines[0]
    assert state(path) == before
    assert finding.data["kept_aside"] == []


def test_a_log_missing_a_table_is_damaged() -> None:
    path = made_log()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE segments")
    conn.close()
    finding = check_log()
    assert finding.data["status"] == "damaged"
    assert "the table segments is missing" in finding.lines[0]


def test_logs_kept_aside_are_listed() -> None:
    path = made_log()
    kept = path.with_name(f"{path.name}.corrupt-20261130-101500")
    kept.write_bytes(b"old damage")
    kept.with_name(kept.name + "-wal").write_bytes(b"")
    finding = check_log()
    assert finding.ok  # the log itself is fine
    assert finding.data["kept_aside"] == [kept.name]
    assert any(kept.name in line and "never deleted" in line for line in finding.lines)


def test_a_newer_versions_log_says_to_update() -> None:
    path = made_log()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    conn.close()
    finding = check_log()
    assert finding.data["status"] == "newer"
    assert "update warmup-tui" in finding.lines[0]
