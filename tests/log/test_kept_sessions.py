"""A session run while another process holds the log busy is kept beside it and goes
into the log once it frees up: at the next open, exactly once, whoever opens it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from log_support import run_for, start_recorded, timeline

from warmup_tui.log import TrainingLog, default_path
from warmup_tui.log.spool import folder_for

REPO = Path(__file__).resolve().parents[2]
HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


def warmup(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warmup_tui", *args], capture_output=True,
                          text=True, cwd=REPO, env=os.environ.copy(), timeout=120)


@pytest.fixture
def holder() -> Iterator[subprocess.Popen[str]]:
    """A second process holding the log's write lock until its stdin is closed."""
    TrainingLog.open().close()  # the log exists, as after an earlier session
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(default_path())],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    yield process
    release(process)


def release(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


def history() -> dict[str, object]:
    done = warmup("history", "--json")
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_run_against_a_log_held_for_its_whole_length_is_in_history_afterwards(
        holder: subprocess.Popen[str]) -> None:
    done = warmup("run", "pre-run", "--json", "--speed", "1000", "--mute")
    assert done.returncode == 0, done.stderr
    [said] = done.stderr.splitlines()
    assert "busy" in said and "kept" in said
    assert history()["sessions"] == []  # still held: nothing is in the log yet
    release(holder)

    [session] = history()["sessions"]  # type: ignore[misc]
    assert session["routine"] == "pre-run" and session["status"] == "completed"
    assert session["segments_done"] == session["segments_total"] == len(timeline("pre-run"))
    assert not list(folder_for(default_path()).iterdir())  # taken, so not taken again
    with TrainingLog.open() as log:
        assert len(log.segments(session["id"])) == session["segments_total"]


def test_a_kept_session_goes_in_once_when_two_processes_open_the_log_together(
        holder: subprocess.Popen[str]) -> None:
    notices: list[str] = []
    session, clock, recorder = start_recorded("pre-run", notices)
    run_for(session, clock, 120, recorder)  # then this "process" is gone: no more writes
    assert recorder.wait_written(timeout=60)
    assert len(notices) == 1 and "kept" in notices[0]
    release(holder)

    readers = [subprocess.Popen([sys.executable, "-m", "warmup_tui", "history", "--json"],
                                cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for _ in range(2)]
    for reader in readers:
        _out, err = reader.communicate(timeout=120)
        assert reader.returncode == 0, err
    with TrainingLog.open() as log:
        [row] = log.sessions()
        assert row.status == "running" and row.last_step is not None
        done = [s.step for s in log.segments(row.id)]
    assert done and len(done) == row.segments_done
    assert not list(folder_for(default_path()).iterdir())


def test_a_kept_file_that_is_not_ours_is_left_alone() -> None:
    folder = folder_for(default_path())
    folder.mkdir(parents=True)
    stray = folder / "stray.jsonl"
    stray.write_text('{"not": "a session"}\n')
    with TrainingLog.open() as log:
        assert log.sessions() == []
    assert stray.read_text() == '{"not": "a session"}\n'
