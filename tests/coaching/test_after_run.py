"""The bundled after-run routine: both calf stretches on each side, held 30 s, then slow
calf raises; it validates and lists like every bundled routine, through the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from warmup_tui.common.paths import bundled_dir
from warmup_tui.engine.timeline import build_timeline
from warmup_tui.routines.files import load_routine

REPO = Path(__file__).resolve().parents[2]


def warmup(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # XDG folders: the test's own (conftest)
    return subprocess.run([sys.executable, "-m", "warmup_tui", *args], env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_both_calf_stretches_are_held_30_s_on_each_side_then_calf_raises() -> None:
    loaded = load_routine(bundled_dir("routines") / "after-run.toml")
    assert loaded.routine is not None, loaded.problems
    holds = [(seg.step, seg.side, seg.duration) for seg in build_timeline(loaded.routine)
             if seg.kind == "exercise"]
    assert holds == [
        ("Calf stretch, knee straight", "left", 30.0),
        ("Calf stretch, knee straight", "right", 30.0),
        ("Calf stretch, knee bent", "left", 30.0),
        ("Calf stretch, knee bent", "right", 30.0),
        ("Slow calf raise", None, 40.0),
    ]


def test_it_validates_and_is_listed() -> None:
    checked = warmup("validate", "after-run")
    assert checked.returncode == 0
    assert checked.stdout.strip().endswith("routines/after-run.toml: ok")
    listed = warmup("list")
    assert listed.returncode == 0
    row = next(line for line in listed.stdout.splitlines() if line.startswith("after-run "))
    assert row.split()[1:3] == ["bundled", "3:00"]
    assert "After-run calf care: Calf stretches with the knee straight and bent" in row
