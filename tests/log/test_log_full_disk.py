"""A training log created or opened on a full or read-only disk says so, in words, instead
of SQLite's "disk I/O error" or the failed ROLLBACK that used to hide "database or disk is
full"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from log_support import run_to_end, start_recorded
from small_disk import SmallDisk, break_disk, small_disk

from warmup_tui.log import LogUnavailable, TrainingLog


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
