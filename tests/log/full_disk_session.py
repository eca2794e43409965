"""Run in a subprocess by the full-disk tests: a session whose log's disk fills up on
the way; the process then ends, as the app does after it.

Usage: python full_disk_session.py FOLDER (a SmallDisk's root; the log is FOLDER/log.sqlite3)
Prints one JSON line: the session's state at the end and the recorder's notices.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from log_support import run_for, run_to_end, start_recorded
from small_disk import SmallDisk

FULL_AT = 400.0  # seconds into first-steps: its first walk, after one run


def main() -> int:
    disk = SmallDisk(Path(sys.argv[1]))
    notices: list[str] = []
    session, clock, recorder = start_recorded("first-steps", notices,
                                              log_path=disk.root / "log.sqlite3")
    run_for(session, clock, FULL_AT, recorder)
    assert recorder.wait_written(timeout=30)
    disk.fill()
    run_to_end(session, clock, recorder)
    recorder.close()
    recorder.wait_written(timeout=30)
    print(json.dumps({"state": session.state, "notices": notices}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
