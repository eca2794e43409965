"""Run in a subprocess by the two-writers test: record N sessions as fast as possible.

Usage: python writer_process.py NAME COUNT START
Waits until Unix time START so the writers really overlap, then prints one JSON line:
when it began and ended writing, and any notices the recorders gave.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from log_support import deliver, run_to_end, timeline, wall_of

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.session import Session
from warmup_tui.log import LogRecorder


def main() -> int:
    name, count, start = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    segments = timeline("pre-run")
    notices: list[str] = []
    time.sleep(max(0.0, start - time.time()))
    began = time.time()
    for number in range(count):
        clock = FakeClock()
        recorder = LogRecorder(f"{name}-{number}", segments, wall=wall_of(clock))
        session = Session(segments, clock)
        deliver(session.start(), recorder)
        run_to_end(session, clock, recorder)
        recorder.wait_written()
        notices.extend(recorder.notices)
    print(json.dumps({"began": began, "ended": time.time(), "notices": notices}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
