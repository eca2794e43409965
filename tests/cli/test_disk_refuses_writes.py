"""The real ``warmup`` on a real full or read-only disk: one line saying what could not be
saved, where and why, exit status 1, and every file as it was."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from small_disk import SmallDisk, break_disk, small_disk

Warmup = Callable[..., subprocess.CompletedProcess[str]]

REASON_WORDS = {"full": "the disk is full", "read-only": "read-only file system"}


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SmallDisk]:
    """Config, data and state on the small disk; the cache (for a crash report) elsewhere."""
    with small_disk(tmp_path / "disk") as mounted:
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            folder = mounted.root / name.lower()
            folder.mkdir()
            monkeypatch.setenv(name, str(folder))
        yield mounted


def data_file(disk: SmallDisk, name: str) -> Path:
    return disk.root / "xdg_data_home" / "warmup-tui" / name


def assert_one_line(stderr: str, expected: str) -> None:
    assert stderr.splitlines() == [expected], stderr
    assert "Traceback" not in stderr and "went wrong" not in stderr


@pytest.mark.parametrize("how", ["full", "read-only"])
@pytest.mark.parametrize("change", [["--skip-to", "2"], ["--repeat-week"],
                                    ["--use", "build-to-30"]])
def test_programme_change_says_what_was_not_saved(
    warmup: Warmup, disk: SmallDisk, how: str, change: list[str]
) -> None:
    assert warmup("program", "--skip-to", "3").returncode == 0  # a log and a choice to keep
    state = data_file(disk, "programme.json")
    before = state.read_bytes()
    break_disk(disk, how)

    done = warmup("program", *change)

    assert done.returncode == 1
    assert_one_line(done.stderr, f"warmup: cannot save {state}: {REASON_WORDS[how]}; "
                    "nothing was changed")
    assert state.read_bytes() == before
    assert not state.with_name("programme.json.bak").exists()
    assert [p.name for p in state.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("how", ["full", "read-only"])
def test_new_routine_says_what_was_not_saved(warmup: Warmup, disk: SmallDisk, how: str) -> None:
    routines = disk.root / "xdg_config_home" / "warmup-tui" / "routines"
    routines.mkdir(parents=True)
    break_disk(disk, how)

    done = warmup("new", "hills", "--no-edit")

    assert done.returncode == 1
    assert_one_line(done.stderr, f"warmup: cannot save {routines / 'hills.toml'}: "
                    f"{REASON_WORDS[how]}; nothing was changed")
    assert list(routines.iterdir()) == []


@pytest.mark.parametrize("how", ["full", "read-only"])
def test_history_names_the_disk_not_sqlite(warmup: Warmup, disk: SmallDisk, how: str) -> None:
    data_file(disk, "").mkdir(parents=True)
    break_disk(disk, how)

    done = warmup("history")

    assert done.returncode == 1
    assert_one_line(done.stderr, f"warmup: the training log {data_file(disk, 'log.sqlite3')} "
                    f"cannot be opened: {REASON_WORDS[how]}")
