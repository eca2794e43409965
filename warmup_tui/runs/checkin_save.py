"""Saving the app's after-run check-in: the session is known by its recorder's key, and
the answers go in once the session's own writes are in the log."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from warmup_tui.coaching.answers import Answers
from warmup_tui.engine.events import EventSink
from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.log.checkins import save_answers, session_id_for_key
from warmup_tui.log.recorder import LogRecorder
from warmup_tui.log.writer import wait_for_writes


def checkin_key(sinks: Sequence[EventSink]) -> str | None:
    """The log key of a session's record, when it was logged in real time (a preview at
    --speed is not a run to check in for)."""
    for sink in sinks:
        if isinstance(sink, LogRecorder) and sink.new.speed == 1:
            return sink.key
    return None


def save_after_run(session_key: str, answers: Answers) -> str | None:
    """Add ``answers`` to the session logged under ``session_key``; a line saying why not,
    or None. Blocks until the session's writes are done: call it from a worker."""
    wait_for_writes()
    try:
        with TrainingLog.open() as log:
            session_id = session_id_for_key(log, session_key)
            if session_id is None:
                return ("check-in not saved: the run is not in the log yet; "
                        "warmup checkin adds it later")
            save_answers(log, session_id, answers)
    except (LogUnavailable, sqlite3.Error) as error:
        return f"check-in not saved: {error}"
    return None
