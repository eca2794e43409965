"""``warmup today`` headless speaks every step, first time round, and logs each run once.

Through real simpleaudio into the ALSA file capture, with the real espeak-ng and an empty
speech cache, so nothing is spoken unless the run's phrases were rendered before they fell
due.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.audio.conftest import Capture, identify
from tests.voice.conftest import LoggedEngine, needs_espeak

WARMUP = """\
format = 1
name = "Tiny warmup"

[[steps]]
name = "Glute bridge"
duration = "3s"
"""

PROGRAMME = """\
format = 1
name = "Tiny"
sessions_per_week = 1

[[weeks]]
[[weeks.sessions]]
run = "3s"
walk = "2s"
repeats = 1
"""


@needs_espeak
def test_today_speaks_both_runs_from_an_empty_cache_and_logs_each_once(
        capture: Capture, logged_engine: LoggedEngine, isolated_home: Path) -> None:
    config = isolated_home / ".config" / "warmup-tui"
    (config / "routines").mkdir(parents=True)
    (config / "programmes").mkdir()
    (config / "routines" / "pre-run.toml").write_text(WARMUP)
    (config / "programmes" / "tiny.toml").write_text(PROGRAMME)
    (config / "config.toml").write_text('[training]\nprogramme = "tiny"\n')
    env = {**capture.env, "PATH": os.pathsep.join([str(logged_engine.bin), os.environ["PATH"]])}
    result = subprocess.run(
        [sys.executable, "-m", "warmup_tui", "today", "--json", "--speed", "2"],
        env=env, capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr
    heard = ["speech" if name.startswith("<unknown") else name
             for name in identify(capture.files(), 0.8)]
    assert heard == ["go", "speech", "finish", "speech",
                     "run", "speech", "walk", "speech", "finish", "speech"]
    log = sqlite3.connect(isolated_home / ".local" / "share" / "warmup-tui" / "log.sqlite3")
    rows = log.execute("SELECT routine_id, programme_session, status FROM sessions"
                       " ORDER BY id").fetchall()
    log.close()
    assert rows == [("pre-run", None, "completed"), ("tiny", "w1s1", "completed")]
