"""A log file that opens but lacks a table or column is damaged like any other: kept
aside, a new log started, one line said, and the command goes on."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from log_support import MONDAY_NOON_UTC, record

from warmup_tui.log import TrainingLog, default_path

REPO = Path(__file__).resolve().parents[2]


def warmup(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warmup_tui", *args], capture_output=True,
                          text=True, cwd=REPO, env=os.environ.copy(), timeout=60)


def damage(statement: str) -> bytes:
    """A log with one session in it, then ``statement`` run on it; the bytes it leaves."""
    record("pre-run", MONDAY_NOON_UTC)
    path = default_path()
    with sqlite3.connect(path) as conn:
        conn.execute(statement)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


@pytest.mark.parametrize("command", [
    ("history",), ("history", "--json"), ("program",), ("program", "--json"),
    ("today", "--json", "--speed", "1000", "--mute"),
])
def test_a_dropped_sessions_table_is_kept_aside_and_the_command_goes_on(
        command: tuple[str, ...]) -> None:
    before = damage("DROP TABLE sessions")
    done = warmup(*command)
    assert done.returncode == 0, done.stderr
    assert "no such table" not in done.stderr + done.stdout
    [moved] = default_path().parent.glob("log.sqlite3.corrupt-*")
    assert moved.read_bytes() == before  # kept as it was, never deleted
    said = [line for line in done.stderr.splitlines() if "damaged" in line]
    assert len(said) == 1 and moved.name in said[0], done.stderr
    with TrainingLog.open() as log:  # the new log works, and is not moved aside again
        log.sessions()
    assert len(list(default_path().parent.glob("log.sqlite3.corrupt-*"))) == 1


def test_a_missing_column_counts_as_damage_too() -> None:
    damage("ALTER TABLE segments DROP COLUMN skipped")
    notices: list[str] = []
    with TrainingLog.open(on_notice=notices.append) as log:
        assert log.sessions() == []
    assert len(notices) == 1 and "damaged" in notices[0]
