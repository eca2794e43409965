"""Records a session in the training log as it runs: an EventSink for the session engine.

The row is created when the session starts and rewritten (one small transaction) at each
segment start and end, so a crash loses at most the segment in progress and a resumed
session knows where it was. The log must never stop a session: any failure becomes one
notice and the session carries on. While another process holds the log busy, the session
is kept beside it (spool.py) until the log takes it: at a later write, or the next time any
warmup opens the log. Nothing here waits for SQLite on the caller's thread: each change
goes to the recorder's own writer thread (writer.py), which writes them in order.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from warmup_tui.engine.events import Event
from warmup_tui.engine.timeline import Segment, total_seconds
from warmup_tui.log import db, spool
from warmup_tui.log.db import DEFAULT_BUSY_SECONDS, Notice
from warmup_tui.log.rows import SKIPPED_NOTE, NewSession, Progress, SegmentRow, Status, kept_record
from warmup_tui.log.session_tally import SessionTally
from warmup_tui.log.sqlite_errors import BUSY_MESSAGE, LogUnavailable, disk_reason, is_busy
from warmup_tui.log.store import TrainingLog
from warmup_tui.log.writer import LogWriter

BRIEF_BUSY_SECONDS = 0.05
# The last state is kept beside the log by then, so a headless run need not wait long at
# exit for the log to free up: the next open of the log takes the session.
FINAL_RETRY_SECONDS = 3.0
RETRY_BUSY_SECONDS = 1.0  # each retry of the last write waits this long for the lock


class LogRecorder:
    """Writes one session to the log; give it to the session's sinks.

    Pass ``log`` to share an open TrainingLog; otherwise the recorder opens the default
    log at the first event (or at :meth:`open`) and closes it when the session ends.
    """

    def __init__(
        self,
        routine_id: str,
        segments: Sequence[Segment],
        *,
        routine_name: str | None = None,
        routine_path: str | Path | None = None,
        programme_id: str | None = None,
        programme_session: str | None = None,
        speed: float = 1.0,
        resumed_from: int | None = None,
        log: TrainingLog | None = None,
        log_path: Path | None = None,
        on_notice: Notice | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.new = NewSession(
            routine_id=routine_id, routine_name=routine_name or routine_id,
            started_at=0.0, planned_seconds=total_seconds(list(segments)),
            segments_total=len(segments), pid=os.getpid(),
            routine_path=str(routine_path) if routine_path is not None else None,
            programme_id=programme_id, programme_session=programme_session,
            speed=speed, resumed_from=resumed_from)
        self.segments_total = len(segments)
        self.key = uuid.uuid4().hex  # names the session wherever it is kept, so it goes in once
        self.session_id: int | None = None
        self.status: Status = "running"
        self.notices: list[str] = []
        self._log = log
        self._owns_log = log is None
        self._log_path = log_path
        self._on_notice = on_notice
        self._wall = wall
        self._cut_off = False
        self._note: str | None = None
        self._writer = LogWriter(on_error=self._problem)
        # owned by the writer thread once it runs
        self._disabled = False
        self._busy_before = False
        self._kept = False  # its latest state is in a file beside the log
        self._unwritten: list[SegmentRow] = []
        self._started_at: float | None = None
        self._tally = SessionTally(len(segments))  # what the events have told us

    # ----- the EventSink -------------------------------------------------------------------

    def handle(self, event: Event) -> None:
        if self._cut_off:
            return
        try:
            self._handle(event)
        except Exception as error:  # the log must never stop a session
            self._problem(error)

    def _problem(self, error: Exception) -> None:
        self._notice(f"the training log hit a problem ({error}); the session goes on")

    def open(self) -> int | None:
        """Create the session's row now, waiting for it (otherwise the first event does,
        without waiting); None if the log cannot be written."""
        if self._started_at is None:
            self._started_at = self._wall()
        self._write()
        self._writer.wait()
        return self.session_id

    def cut_off(self) -> None:
        """The session is being ended by something other than the runner (the terminal
        closed, SIGTERM): leave its row "running" at the segment it was in, and ignore the
        stop events that follow, so the next start offers to resume it."""
        if self._cut_off or self.status != "running":
            return
        if self._started_at is not None:
            self._write()
            self._writer.put(self._disown)
        self._cut_off = True
        self.close()

    def mark_skipped(self) -> None:
        """The runner skipped this warmup: the stop that follows is kept as "skipped", not
        as a session stopped early."""
        self._note = SKIPPED_NOTE

    def _disown(self) -> None:
        if self._log is not None and self.session_id is not None and not self._unwritten:
            # if this fails, the session is still offered once the process is gone
            with contextlib.suppress(sqlite3.Error):
                self._log.disown(self.session_id)

    def close(self) -> None:
        """No more writes: the writer thread makes those already handed to it, then closes
        the log if the recorder opened it. Returns at once (see :meth:`wait_written`)."""
        self._writer.finish(self._close_log)

    def _close_log(self) -> None:
        if self._owns_log and self._log is not None:
            self._log.close()
            self._log = None

    def _handle(self, event: Event) -> None:
        first = self._started_at is None
        if first:
            self._started_at = self._wall()
        changed = self._tally.take(event, self._wall)
        if not (changed or first):
            return  # cues, pauses and resumes change nothing worth a write
        self.status = self._tally.status
        self._write()
        if self.status != "running":
            self.close()

    # ----- writing -------------------------------------------------------------------------

    def _write(self) -> None:
        """Hand the session as it is now to the writer thread."""
        progress, rows = self._tally.progress(self._wall()), self._tally.take_rows()
        if self._note is not None and progress.status == "stopped":
            progress = replace(progress, note=self._note)  # a skipped warmup says so
        self._writer.put(lambda: self._apply(progress, rows))

    def _apply(self, progress: Progress, rows: list[SegmentRow]) -> None:
        """On the writer thread: write this state, or keep it beside a busy log."""
        self._unwritten.extend(rows)
        if self._disabled:
            return
        final = progress.status != "running"
        # After a busy failure, don't stall the screen at every event waiting for the
        # lock: try briefly, and let the pending rows catch up at a later event.
        wait = BRIEF_BUSY_SECONDS if self._busy_before and not final else DEFAULT_BUSY_SECONDS
        problem = self._attempt(progress, wait)
        if problem is None:
            return
        message, busy = problem
        if not busy:
            self._disabled = True
            self._notice(f"{message}; this session is not being logged")
            self._close_log()
            return
        self._busy_before = True
        self._notice(f"{message}; {self._keep_aside(progress)}")
        if final:
            self._keep_trying(progress)

    def _attempt(self, progress: Progress, wait: float) -> tuple[str, bool] | None:
        """One try at writing everything not yet written; (message, busy) if it failed."""
        try:
            if self._log is None:
                self._log = TrainingLog.open(self._log_path, busy_seconds=wait,
                                             on_notice=self._notice)
            self._log.set_busy_timeout(wait)
            self.session_id = self._log.write_session(self.key, self._started(),
                                                      progress, self._unwritten)
        except LogUnavailable as error:
            return str(error), error.busy
        except sqlite3.Error as error:
            if is_busy(error):
                return BUSY_MESSAGE, True
            return f"the training log cannot be written: {disk_reason(error, self._log_file())}", \
                False
        self._unwritten = []
        self._busy_before = False
        if self._kept:
            spool.forget(self._log_file(), self.key)
            self._kept = False
        return None

    def _started(self) -> NewSession:
        assert self._started_at is not None
        return replace(self.new, started_at=self._started_at)

    def _log_file(self) -> Path:
        return self._log.path if self._log is not None else (
            self._log_path or db.default_path())

    def _keep_aside(self, progress: Progress) -> str:
        """Keep the session's state in a file beside the busy log; what became of it."""
        record = kept_record(self.key, self._started(), progress, self._unwritten)
        try:
            path = spool.keep(self._log_file(), self.key, record)
        except OSError as error:
            return f"the session goes on, but cannot be kept until it frees up ({error})"
        self._kept = True
        return (f"the session goes on and is kept in {path.parent.name}/ until the log "
                "takes it")

    def _keep_trying(self, progress: Progress) -> None:
        # The session is over but its last write met a busy log. The writer thread is not
        # a daemon, so a process on its way out waits for these tries.
        give_up = time.monotonic() + FINAL_RETRY_SECONDS
        while True:
            problem = self._attempt(progress, RETRY_BUSY_SECONDS)
            if problem is None:
                break
            if not problem[1] or time.monotonic() > give_up:
                where = ("it is kept beside the log, which takes it when next opened"
                         if self._kept else "this session could not be saved")
                self.notices.append(f"{problem[0]}; {where}")
                break

    def wait_written(self, timeout: float | None = None) -> bool:
        """Wait until every change handed over so far is written (or kept, or given up
        on); True if that happened within ``timeout``."""
        return self._writer.wait(timeout)

    def _notice(self, message: str) -> None:
        # one warning per session is enough; the rest go to .notices for anyone curious
        self.notices.append(message)
        if len(self.notices) == 1 and self._on_notice is not None:
            self._on_notice(message)
