"""The training log as the programme's progress source (the programme never imports the log)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.programme.progress import MemoryProgress, ProgressSource


@contextmanager
def log_progress(on_notice: Callable[[str], None] | None = None) -> Iterator[ProgressSource]:
    """The training log as a progress source, closed afterwards. With no usable log, an
    empty source (the programme then starts at week 1) and, given ``on_notice``, one line
    saying so; ``on_notice`` also hears the log's own notices (a damaged file replaced)."""
    try:
        log = TrainingLog.open(on_notice=on_notice)
    except LogUnavailable as error:
        if on_notice is not None:
            on_notice(f"training log: {error}; showing the programme without your progress")
        yield MemoryProgress()
        return
    try:
        yield log
    finally:
        log.close()
