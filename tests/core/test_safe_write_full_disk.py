"""A save the disk refuses (full, read-only) raises one error naming the file and the reason
in words, and leaves the file, its .bak and the folder as they were."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from small_disk import SmallDisk, break_disk, small_disk

from warmup_tui.common.cannot_write import CannotWrite
from warmup_tui.common.safe_write import write_atomic

REASON_WORDS = {"full": "the disk is full", "read-only": "read-only file system"}


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    with small_disk(tmp_path / "disk") as mounted:
        yield mounted


def folder_contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("how", ["full", "read-only"])
def test_refused_save_names_the_file_and_changes_nothing(disk: SmallDisk, how: str) -> None:
    folder = disk.root / "routines"
    path = folder / "mine.toml"
    write_atomic(path, "one\n")
    write_atomic(path, "two\n")  # now with a .bak of "one"
    before = folder_contents(folder)
    break_disk(disk, how)

    with pytest.raises(CannotWrite) as caught:
        write_atomic(path, "three\n" * 20_000)

    assert str(caught.value) == f"cannot save {path}: {REASON_WORDS[how]}; nothing was changed"
    assert caught.value.path == path
    assert folder_contents(folder) == before


@pytest.mark.parametrize("how", ["full", "read-only"])
def test_a_folder_that_cannot_be_made_is_reported_as_the_file(disk: SmallDisk,
                                                              how: str) -> None:
    path = disk.root / "new" / "folders" / "mine.toml"
    break_disk(disk, how)

    with pytest.raises(CannotWrite) as caught:
        write_atomic(path, "one\n")

    assert caught.value.path == path and caught.value.reason == REASON_WORDS[how]
    assert not path.exists()
