"""What counts as a run: a completed programme session, or a completed real-time session
with at least ``training.min_run_minutes`` of running. Real sessions through the recorder
into a real log file; ``warmup history`` through a real subprocess says why one did not
count."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

from log_support import record

from warmup_tui.log import TrainingLog
from warmup_tui.log.counting import RunRule
from warmup_tui.log.report import load_history

REPO = Path(__file__).resolve().parents[2]


def warmup(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warmup_tui", *args], capture_output=True,
                          text=True, cwd=REPO, env=os.environ.copy(), timeout=60)


def _this_monday() -> float:
    today = datetime.now().date()
    return datetime.combine(today - timedelta(days=today.weekday()), dt_time.min
                            ).astimezone().timestamp()


def _routine(folder: Path, name: str, run: str) -> None:
    (folder / f"{name}.toml").write_text(
        f'format = 1\nname = "{name}"\n[runwalk]\nrun = "{run}"\nwalk = "30s"\nrepeats = 1\n')


def _seed(user_routines: Path) -> None:
    _routine(user_routines, "five", "5m")
    _routine(user_routines, "under", "4m59s")
    _routine(user_routines, "test", "100s")
    # within this week, even just after Monday's midnight
    now = max(time.time() - 3600, _this_monday() + 1)
    record("five", now)
    record("under", now + 60)
    record("test", now + 120)
    record("test", now + 180, programme=("build-to-30", "w1s1"))  # a programme session
    record("five", now + 240, speed=10)  # a preview


def test_the_threshold_is_five_minutes_of_running(user_routines: Path) -> None:
    _seed(user_routines)
    with TrainingLog.open() as log:
        rows = {(row.routine_id, row.programme_session, row.speed): row
                for row in log.sessions()}
    rule = RunRule()
    assert rule.counts(rows["five", None, 1.0])
    assert rule.why_not(rows["under", None, 1.0]) == "under 5 minutes of running"
    assert rule.why_not(rows["test", None, 1.0]) == "under 5 minutes of running"
    assert rule.counts(rows["test", "w1s1", 1.0])  # programme sessions count whatever they hold
    assert rule.why_not(rows["five", None, 10.0]) == "a preview at x10"
    assert RunRule(100).counts(rows["test", None, 1.0])  # the threshold is the runner's
    history = load_history(4, 1, rule=rule)
    assert history.stats.this_week.runs == 2
    assert load_history(4, 1, rule=RunRule(0)).stats.this_week.runs == 4


def test_history_says_why_a_session_did_not_count(user_routines: Path) -> None:
    _seed(user_routines)
    data = json.loads(warmup("history", "--json", "--weeks", "1").stdout)
    by_routine = {(s["routine"], s["programme_session"], s["speed"]): s
                  for s in data["sessions"]}
    assert (by_routine["under", None, 1.0]["counted"],
            by_routine["under", None, 1.0]["why"]) == (False, "under 5 minutes of running")
    assert (by_routine["five", None, 1.0]["counted"], by_routine["five", None, 1.0]["why"]) == (
        True, None)
    assert by_routine["test", "w1s1", 1.0]["counted"]
    assert data["this_week"]["runs"] == 2
    text = warmup("history").stdout
    under = next(line for line in text.splitlines() if " under " in line)
    assert under.rstrip().endswith("not counted: under 5 minutes of running)")


def test_the_setting_moves_the_threshold(user_routines: Path, isolated_home: Path) -> None:
    _seed(user_routines)
    config = isolated_home / ".config" / "warmup-tui" / "config.toml"
    config.write_text("[training]\nmin_run_minutes = 1\n")
    done = warmup("history", "--json", "--weeks", "1")
    assert done.stderr == ""
    assert json.loads(done.stdout)["this_week"]["runs"] == 4
