"""The benchmark's helpers that must be right for its figures to mean anything: the big log is
a log the app reads, the load it starts is always stopped, and the goals are marked right.
No timing here: the figures themselves belong to benchmarks/run_all.py."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import big_log
import goals
from busy_load import busy_cores
from procstat import alive, cpu_seconds

from warmup_tui.log import TrainingLog


def test_the_big_log_is_a_log_the_app_reads(isolated_home: Path) -> None:
    with TrainingLog.open() as log:
        path = log.path
    big_log.fill(path, 2_000)
    with TrainingLog.open() as log:
        sessions = log.sessions()
    assert len(sessions) == 2_000
    assert {s.status for s in sessions} >= {"completed", "stopped"}
    done = subprocess.run([sys.executable, "-m", "warmup_tui", "history", "--json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    weeks = json.loads(done.stdout)["weeks"]  # 2,000 sessions half an hour apart: six weeks
    assert len(weeks) == 8 and all(week["runs"] > 50 for week in weeks[3:-1])  # last: today


def test_the_busy_processes_spin_and_are_gone_after_an_error() -> None:
    with pytest.raises(RuntimeError), busy_cores(2) as pids:
        assert len(pids) == 2
        start = {pid: cpu_seconds(pid) for pid in pids}
        limit = time.monotonic() + 30
        while not all(cpu_seconds(pid) > start[pid] for pid in pids):
            assert time.monotonic() < limit, "the busy processes never used the CPU"
            time.sleep(0.05)
        raise RuntimeError("the benchmark failed half way")
    assert not any(alive(pid) for pid in pids)


def test_goals_are_marked_met_or_missed_by_how_much() -> None:
    met = goals.ratio("first frame ≤ 1.3x", 260.0, 200.0, 1.3)
    assert met.met and met.mark == "pass" and met.figure == "1.30x (260.0 vs 200.0 ms)"
    missed = goals.ratio("first frame ≤ 1.3x", 520.0, 200.0, 1.3)
    assert not missed.met and missed.mark == "MISS (100 % over)"
    late = goals.lateness("TUI lateness", [1.0, 3.0, 40.0], 5, 30)
    assert [v.met for v in late] == [True, False]
    assert late[1].mark == "MISS (10.0 ms over)"
    assert not goals.lateness("TUI lateness", [], 5, 30)[0].met
    assert goals.limit("--json worst ≤ 1 ms", 1.0000000002, 1).met  # the JSON's 1 ms step
