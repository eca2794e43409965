"""Saves replace the file in one step and keep the previous version as NAME.bak."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from warmup_tui.common.safe_write import write_atomic


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    # tmp_path also holds the isolated home; use a folder of our own to list.
    path = tmp_path / "saves"
    path.mkdir()
    return path


def test_first_save_creates_folders_and_no_backup(folder: Path) -> None:
    path = folder / "deep" / "er" / "mine.toml"
    write_atomic(path, "one\n")
    assert path.read_text() == "one\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["mine.toml"]


def test_each_save_keeps_the_version_before_it_as_bak(folder: Path) -> None:
    path = folder / "mine.toml"
    write_atomic(path, "one\n")
    write_atomic(path, "two\n")
    assert (path.read_text(), (folder / "mine.toml.bak").read_text()) == ("two\n", "one\n")
    write_atomic(path, "three\n")
    assert (path.read_text(), (folder / "mine.toml.bak").read_text()) == ("three\n", "two\n")
    assert sorted(p.name for p in folder.iterdir()) == ["mine.toml", "mine.toml.bak"]


def test_backup_can_be_turned_off(folder: Path) -> None:
    path = folder / "settings.toml"
    write_atomic(path, "a", keep_backup=False)
    write_atomic(path, "b", keep_backup=False)
    assert [p.name for p in folder.iterdir()] == ["settings.toml"]


def test_the_file_is_replaced_not_rewritten_in_place(folder: Path) -> None:
    # A reader that opened the old file keeps seeing all of it: the new text arrives
    # under the same name by a rename, never by truncating and rewriting the old file.
    path = folder / "mine.toml"
    path.write_text("old text\n")
    old_inode = path.stat().st_ino
    with path.open() as reader:
        write_atomic(path, "new text\n")
        assert reader.read() == "old text\n"
    assert path.read_text() == "new text\n"
    assert path.stat().st_ino != old_inode


def test_a_failed_save_leaves_the_old_file_and_no_temporary_files(folder: Path) -> None:
    path = folder / "mine.toml"
    path.write_text("good\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "half written \udcff")  # a lone surrogate fails mid-write
    assert path.read_text() == "good\n"
    assert sorted(p.name for p in folder.iterdir()) == ["mine.toml", "mine.toml.bak"]


def test_text_is_written_as_utf8_with_unix_newlines(folder: Path) -> None:
    path = folder / "mine.toml"
    write_atomic(path, 'name = "Übung"\r\ncue = "ok"\n')
    assert path.read_bytes() == 'name = "Übung"\r\ncue = "ok"\n'.encode()
    write_atomic(path, "a\nb\n")
    assert path.read_bytes() == b"a\nb\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_a_read_only_folder_raises_and_changes_nothing(folder: Path) -> None:
    path = folder / "mine.toml"
    path.write_text("good\n")
    folder.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            write_atomic(path, "new\n")
    finally:
        folder.chmod(0o700)
    assert path.read_text() == "good\n"


def test_a_replaced_file_and_its_backup_keep_the_file_mode(folder: Path) -> None:
    path = folder / "shared.toml"
    path.write_text("old\n")
    path.chmod(0o644)
    write_atomic(path, "new\n")
    backup = path.with_name("shared.toml.bak")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert stat.S_IMODE(backup.stat().st_mode) == 0o644


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_a_new_file_gets_the_umask_mode_not_a_private_one(folder: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        write_atomic(folder / "new.toml", "x = 1\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((folder / "new.toml").stat().st_mode) == 0o666 & ~umask


# A save that reaches the disk in the wrong order can leave an empty file after a power cut:
# the rename may be written before the data it points to. strace shows the real system calls.
SAVE_TWICE = """
import sys
from pathlib import Path
from warmup_tui.common.safe_write import write_atomic
path = Path(sys.argv[1])
write_atomic(path, "one\\n")
write_atomic(path, "two\\n")
"""
SYSCALL = re.compile(r'^\d+\s+(\w+)\((.*)\)\s+= (-?\d+)')


def durable_steps(trace: str) -> list[tuple[str, str]]:
    """The file syncs and renames in order, each syncing naming the path its fd was opened on."""
    open_fds: dict[str, str] = {}
    steps = []
    for line in trace.splitlines():
        found = SYSCALL.match(line)
        if found is None:
            continue
        name, args, result = found.groups()
        if name == "openat" and int(result) >= 0:
            open_fds[result] = args.split('"')[1]
        elif name == "close":
            open_fds.pop(args, None)
        elif name in ("fsync", "fdatasync") and args in open_fds:
            steps.append(("sync", open_fds[args]))
        elif name.startswith("rename"):
            source, target = args.split('"')[1::2][:2]
            steps.append(("rename", f"{source} -> {target}"))
    return steps


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_the_new_text_reaches_the_disk_before_it_replaces_the_file(folder: Path) -> None:
    path = folder / "mine.toml"
    log = folder.parent / "strace.txt"
    result = subprocess.run(
        ["strace", "-f", "-o", str(log), "-e",
         "trace=openat,close,fsync,fdatasync,rename,renameat,renameat2",
         sys.executable, "-c", SAVE_TWICE, str(path)],
        capture_output=True, text=True, timeout=60)
    if result.returncode != 0 and "ptrace" in result.stderr:
        pytest.skip("strace may not trace here")
    assert result.returncode == 0, result.stderr
    steps = durable_steps(log.read_text())
    renames = [what for kind, what in steps if kind == "rename"]
    # The first save, then the second one's backup copy and its new text.
    assert [r.split(" -> ")[1] for r in renames] == [str(path), f"{path}.bak", str(path)]
    for rename in renames:
        source = rename.split(" -> ")[0]
        at = steps.index(("rename", rename))
        assert ("sync", source) in steps[:at], f"{source} renamed before it was synced"
    last_save = steps.index(("rename", renames[-1]))
    assert ("sync", str(folder)) in steps[last_save:], "the folder entry was never synced"
