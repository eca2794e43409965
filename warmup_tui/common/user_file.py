"""The one way the app reads a file the user wrote (routine, programme, settings).

Only a regular file is read, and never more than a limit: a pipe, a device such as
/dev/zero, or a link to one would otherwise block for ever or fill the memory. The file
is opened without blocking and checked on the opened descriptor, so what is checked is
what is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from warmup_tui.common.problems import Problem, ProblemsError, display_path

MAX_FILE_BYTES = 1_000_000
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_user_text(path: Path, what: str, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of ``path``, or :class:`ProblemsError` with one line saying why it
    cannot be read. ``what`` names the kind of file for the message ("routine file")."""
    shown = display_path(path)
    raw = _read_bytes(Path(path), shown, what, limit)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ProblemsError(
            [Problem(shown, "is not UTF-8 text; save it as UTF-8", line=line)]
        ) from None


def read_user_bytes(path: Path, what: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path`` (a regular file of at most ``limit`` bytes), or
    :class:`ProblemsError` with one line saying why it cannot be read."""
    return _read_bytes(Path(path), display_path(path), what, limit)


def is_file(path: Path) -> bool:
    """Whether ``path`` names a file; False rather than an error for a name too long for
    the file system, a loop of links or a folder that may not be entered."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False


def exists(path: Path) -> bool:
    """Like :func:`is_file`, for anything at all (a link counts, even a broken one)."""
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False


def names_a_file(ref: str) -> bool:
    """Whether a routine or programme named on the command line is a path rather than an
    id: it ends in ".toml", has a "/", or is a file here. A folder of that name here does
    not hide the routine or programme."""
    return ref.endswith(".toml") or "/" in ref or is_file(Path(ref))


def toml_files(folder: Path) -> list[Path]:
    """Every ``.toml`` entry in ``folder``, by name; none when it cannot be listed. Pipes,
    devices, folders and broken links are listed too: reading them reports what is wrong,
    where skipping them would leave the user wondering where their routine went."""
    try:
        return sorted(folder.glob("*.toml"))
    except OSError:
        return []


def _read_bytes(path: Path, shown: str, what: str, limit: int) -> bytes:
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise ProblemsError([Problem(shown, _missing(path))]) from None
    except (OSError, ValueError) as error:  # a loop of links, a name too long, no access
        reason = getattr(error, "strerror", None) or str(error)
        raise ProblemsError([Problem(shown, f"cannot be read: {reason}")]) from None
    try:
        _check_regular(os.fstat(fd).st_mode, shown, what)
        return _read_at_most(fd, limit + 1, shown, what, limit)
    finally:
        os.close(fd)


def _missing(path: Path) -> str:
    if os.path.islink(path):
        return f"is a link to {os.readlink(path)}, which does not exist"
    return "no such file"


def _check_regular(mode: int, shown: str, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise ProblemsError([Problem(shown, f"is a folder, not a {what}")])
    if not stat.S_ISREG(mode):
        raise ProblemsError([Problem(shown, f"is not a regular file, so not a {what}")])


def _read_at_most(fd: int, size: int, shown: str, what: str, limit: int) -> bytes:
    chunks: list[bytes] = []
    left = size
    try:
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise ProblemsError([Problem(shown, f"cannot be read: {error.strerror}")]) from None
    if left <= 0:
        raise ProblemsError([Problem(shown, f"is over {_size(limit)}; that is not a {what}")])
    return b"".join(chunks)


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit} bytes"
