"""Atomic file saves that keep the previous version as ``NAME.bak``."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from warmup_tui.common.cannot_write import CannotWrite


def write_atomic(path: Path, text: str | bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``text`` so that a crash at any moment leaves either the old
    file or the new one, never a half-written mix. The old file is copied to ``.bak`` first.

    A write the disk refuses (full, read-only, no permission) raises :class:`CannotWrite`;
    ``path`` is then as it was.
    """
    path = Path(path)
    try:
        _replace(path, text, keep_backup)
    except CannotWrite:
        raise
    except OSError as error:
        raise CannotWrite(path, error) from error


def _replace(path: Path, text: str | bytes, keep_backup: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if keep_backup and path.exists():
        backup = path.with_name(path.name + ".bak")
        _copy_atomic(path, backup)
    _rename_into_place(_synced_temp(path, path, _text_writer(text)), path)
    fsync_folder(path.parent)


def write_new(path: Path, text: str) -> bool:
    """Create ``path`` holding ``text`` only where nothing exists yet, not even a broken
    link; False when something was there. A complete file appears, or none."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_name = _synced_temp(path, path, _text_writer(text))
    try:
        os.link(tmp_name, path)  # unlike a rename, a link never replaces what is there
    except FileExistsError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
    fsync_folder(path.parent)
    return True


def _copy_atomic(source: Path, target: Path) -> None:
    def copy(out: BinaryIO) -> None:
        with source.open("rb") as src:
            shutil.copyfileobj(src, out)

    _rename_into_place(_synced_temp(target, source, copy), target)


def _rename_into_place(tmp_name: str, target: Path) -> None:
    try:
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _text_writer(text: str | bytes) -> Callable[[BinaryIO], None]:
    # as written: no newline translation; bytes (a FIT file) go in unchanged
    data = text.encode("utf-8") if isinstance(text, str) else text

    def write(out: BinaryIO) -> None:
        out.write(data)

    return write


def _synced_temp(target: Path, mode_from: Path, fill: Callable[[BinaryIO], None]) -> str:
    """A temporary file beside ``target``, filled and on disk, with the mode of
    ``mode_from``; its name, for the caller to rename or link into place. Nothing is left
    behind when filling it fails."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        _keep_mode(mode_from, fd)
        with os.fdopen(fd, "wb") as out:
            fill(out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return tmp_name


def _keep_mode(original: Path, fd: int) -> None:
    """mkstemp makes a private 0600 file. A replaced file keeps its own mode; a new one
    gets what any editor would give it, 0666 less the umask, so a routine can be shared."""
    with contextlib.suppress(OSError):
        try:
            mode = stat.S_IMODE(original.stat().st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.fchmod(fd, mode)


def _umask() -> int:
    # Linux reports it; setting it to read it back would change it, for a moment, for
    # every thread of the process.
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    current = os.umask(0o022)
    os.umask(current)
    return current


def fsync_folder(folder: Path) -> None:
    # The rename is only durable once the folder entry is on disk too.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
