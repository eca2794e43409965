"""The training log's sink for headless runs (``warmup run NAME --plain/--json``)."""

from __future__ import annotations

import argparse
import sys

from warmup_tui.common.terminal_text import shown
from warmup_tui.engine.events import EventSink
from warmup_tui.engine.timeline import Segment
from warmup_tui.log.recorder import LogRecorder


def headless_recorder(args: argparse.Namespace, routine_id: str,
                      segments: list[Segment] | None, *, routine_name: str | None = None,
                      programme_id: str | None = None,
                      programme_session: str | None = None) -> list[EventSink]:
    """A recorder for the run, or none when the caller records it itself (no segments
    given) or one cannot even be made. Never raises: the log must not fail a run."""
    if not segments:
        return []
    try:
        recorder = LogRecorder(routine_id, segments, speed=float(getattr(args, "speed", 1.0)),
                               routine_name=routine_name, programme_id=programme_id,
                               programme_session=programme_session, on_notice=_warn)
        recorder.open()  # opening (and creating) the file now keeps it out of the timing
        return [recorder]
    except Exception as error:  # a log that cannot be set up is reported, not fatal
        _warn(f"the training log is off for this run ({error})")
        return []


def _warn(message: str) -> None:
    print(f"warmup: {shown(message)}", file=sys.stderr, flush=True)
