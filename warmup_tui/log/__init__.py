"""The training log: every session in a SQLite file, the weekly goal, and resuming."""

from warmup_tui.log.db import LogUnavailable, default_path
from warmup_tui.log.recorder import LogRecorder
from warmup_tui.log.rows import SessionRow
from warmup_tui.log.store import TrainingLog

__all__ = ["LogRecorder", "LogUnavailable", "SessionRow", "TrainingLog", "default_path"]
