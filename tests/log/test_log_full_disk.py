"""A training log created or opened on a full or read-only disk says so, in words, instead
of SQLite's "disk I/O error" or the failed ROLLBACK that used to hide "database or disk is
full"."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from log_support import run_to_end, start_recorded
from small_disk import SmallDisk, break_disk, small_disk

from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.routines.library import Library
from warmup_tui.runs.resume import ResumeRefused, accept, decline, pending_resume


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    with small_disk(tmp_path / "disk") as mounted:
        yield mounted


# How much room is left decides where SQLite trips: creating the file, growing the
# write-ahead log's shared memory ("disk I/O error"), or committing the schema (after which
# the extra ROLLBACK failed with "cannot rollback - no transaction is active").
@pytest.mark.parametrize("free_kib", [4, 8, 24, 40, 48])
def test_new_log_on_a_nearly_full_disk_says_the_disk_is_full(disk: SmallDisk,
                                                             free_kib: int) -> None:
    path = disk.root / "log.sqlite3"
    disk.fill(leave_free=free_kib * 1024)

    with pytest.raises(LogUnavailable) as caught:
        TrainingLog.open(path)

    assert str(caught.value) == f"the training log {path} cannot be opened: the disk is full"


@pytest.mark.parametrize("how, words", [("full", "the disk is full"),
                                        ("read-only", "read-only file system")])
def test_existing_log_on_a_refusing_disk_says_why(disk: SmallDisk, how: str,
                                                  words: str) -> None:
    path = disk.root / "log.sqlite3"
    TrainingLog.open(path).close()
    break_disk(disk, how)

    with pytest.raises(LogUnavailable) as caught:
        TrainingLog.open(path)

    assert str(caught.value) == f"the training log {path} cannot be opened: {words}"


def test_log_folder_that_cannot_be_made_is_named(disk: SmallDisk) -> None:
    break_disk(disk, "read-only")

    with pytest.raises(LogUnavailable) as caught:
        TrainingLog.open(disk.root / "data" / "log.sqlite3")

    assert str(caught.value) == (f"cannot create {disk.root / 'data'} for the training log: "
                                 "read-only file system")


def test_disk_filling_up_during_a_session_is_named_and_the_session_goes_on(
    disk: SmallDisk,
) -> None:
    notices: list[str] = []
    session, clock, recorder = start_recorded("pre-run", notices,
                                              log_path=disk.root / "log.sqlite3")
    assert recorder.wait_written(timeout=30)
    assert recorder.session_id is not None and notices == []
    disk.fill()

    run_to_end(session, clock, recorder)
    assert recorder.wait_written(timeout=30)

    assert session.state == "finished"
    assert notices == ["the training log cannot be written: the disk is full; "
                       "this session is not being logged"]


def session_cut_by_a_full_disk(disk: SmallDisk) -> None:
    """first-steps run to its end in a process of its own, the disk filling up 400 s in
    (a walk after the first run); the process has ended, as the app does after it."""
    script = Path(__file__).with_name("full_disk_session.py")
    done = subprocess.run([sys.executable, str(script), str(disk.root)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"state": "finished", "notices": [
        "the training log cannot be written: the disk is full; "
        "this session is not being logged"]}


def test_a_session_cut_by_a_full_disk_is_offered_at_the_next_start_like_a_killed_one(
    disk: SmallDisk,
) -> None:
    session_cut_by_a_full_disk(disk)
    (disk.root / "filler").unlink()  # room again by the next start
    path = disk.root / "log.sqlite3"
    with TrainingLog.open(path) as log:
        (row,) = log.sessions()
        assert row.status == "running"  # where the disk stopped taking it
        offer = pending_resume(log, library=Library(), now=row.updated_at + 60)

        assert offer is not None and offer.session.id == row.id
        assert offer.question == "Resume first-steps at Walk 1 of 8?"
        decline(offer, log)  # "No records it as stopped"

        (closed,) = log.sessions()
    assert closed.status == "stopped"
    assert closed.ended_at == row.updated_at  # its last recorded event, not the next start
    assert closed.last_index == row.last_index


def test_a_disk_still_full_at_the_next_start_keeps_the_session_for_a_later_one(
    disk: SmallDisk,
) -> None:
    session_cut_by_a_full_disk(disk)
    path = disk.root / "log.sqlite3"
    with TrainingLog.open(path) as log:  # it opens, but takes no writes
        (row,) = log.sessions()
        offer = pending_resume(log, library=Library(), now=row.updated_at + 60)
        assert offer is not None

        # Not "picked up elsewhere", as it used to say: the disk is named.
        with pytest.raises(ResumeRefused) as refused:
            accept(offer, log)
        assert str(refused.value) == "the training log cannot be written: the disk is full"

    (disk.root / "filler").unlink()
    with TrainingLog.open(path) as log:
        (kept,) = log.sessions()
        assert kept == row  # as it was: offered again, now that it can be taken
        again = pending_resume(log, library=Library(), now=row.updated_at + 60)
        assert again is not None
        resumed = accept(again, log)
        assert resumed is not None and resumed.start_index == offer.start_index
        assert log.session(row.id).status == "stopped"  # type: ignore[union-attr]
