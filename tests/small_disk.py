"""A real small file system (a 256 KiB tmpfs) that a test can fill up or make read-only.

A read-only folder cannot be faked with chmod when the tests run as root (root writes
anyway), so the disk is mounted for real; where mounting is not allowed the test is
skipped and says why. The disk is unmounted when the test ends.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

SIZE = "256k"


class SmallDisk:
    def __init__(self, root: Path) -> None:
        self.root = root

    def make_read_only(self) -> None:
        _mount("-o", "remount,ro", str(self.root))

    def fill(self, leave_free: int = 0) -> None:
        """Writes a filler file until the disk is full, or until only ``leave_free``
        bytes (rounded to the 4 KiB pages tmpfs hands out) are left."""
        info = os.statvfs(self.root)
        wanted = max(0, info.f_bavail * info.f_frsize - leave_free)
        chunk = b"\0" * 4096
        with (self.root / "filler").open("ab", buffering=0) as filler, \
                contextlib.suppress(OSError):
            while wanted > 0:
                wanted -= filler.write(chunk[:wanted])

    def probe(self) -> int:
        """The errno a new file here meets: proof that the disk refuses writes."""
        try:
            (self.root / "probe").write_bytes(b"\0" * 8192)
        except OSError as error:
            return error.errno or 0
        (self.root / "probe").unlink()
        return 0


@contextlib.contextmanager
def small_disk(folder: Path) -> Iterator[SmallDisk]:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root (mount -t tmpfs)")
    if shutil.which("mount") is None:
        pytest.skip("mount is not installed (Debian package mount)")
    done = _mount("-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(folder), check=False)
    if done.returncode != 0:
        pytest.skip(f"mount is not allowed here: {done.stderr.strip()}")
    try:
        yield SmallDisk(folder)
    finally:
        # A process the test started may still hold a file there (a session being killed);
        # a lazy unmount detaches the disk at once and frees it when that file closes.
        done = subprocess.run(["umount", str(folder)], check=False, capture_output=True)
        if done.returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def _mount(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"mount {' '.join(args)} failed: {done.stderr.strip()}")
    return done


REASONS = {"full": errno.ENOSPC, "read-only": errno.EROFS}


def break_disk(disk: SmallDisk, how: str) -> None:
    """Fills the disk or makes it read-only, and checks that it now refuses writes."""
    if how == "full":
        disk.fill()
    else:
        disk.make_read_only()
    assert disk.probe() == REASONS[how]
