"""A load the benchmark starts and stops itself: one busy process per core."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator

SPIN = "while True: pass"


@contextlib.contextmanager
def busy_cores(count: int | None = None) -> Iterator[list[int]]:
    """Keeps ``count`` (default: every) core busy with a spinning Python process at normal
    priority for the duration of the block; yields their pids. They are killed on the way
    out, however the block ends."""
    count = count or os.cpu_count() or 2
    spinners: list[subprocess.Popen[bytes]] = []
    try:
        for _ in range(count):
            spinners.append(subprocess.Popen([sys.executable, "-c", SPIN],
                                             stdin=subprocess.DEVNULL))
        yield [p.pid for p in spinners]
    finally:
        for spinner in spinners:
            spinner.kill()
        for spinner in spinners:
            spinner.wait()
