"""Headless runs (``warmup run --plain/--json``) through a real subprocess."""

from __future__ import annotations

import json
import re
import select
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Warmup = Callable[..., subprocess.CompletedProcess[str]]
FAST = ["--speed", "200", "--mute"]

# Every kind of segment in 40 s of session time: 0.2 s of real time at --speed 200.
SMALL = """\
format = 1
name = "Small"
rest = "3s"
switch = "2s"
then = "tail"

[[steps]]
name = "Hold"
duration = "5s"
sides = ["left", "right"]

[[steps]]
name = "Lift"
reps = 3
pace = "2s"

[runwalk]
warmup = "3s"
run = "6s"
walk = "2s"
repeats = 2
cooldown = "3s"
"""
TAIL = 'name = "Tail"\n[[steps]]\nname = "Stretch"\nduration = "4s"\n'


@pytest.fixture
def small(user_routines: Path) -> str:
    (user_routines / "small.toml").write_text(SMALL)
    (user_routines / "tail.toml").write_text(TAIL)
    return "small"


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_run_json_segment_starts_match_show_json(warmup: Warmup, small: str) -> None:
    shown = json.loads(warmup("show", small, "--json").stdout)
    result = warmup("run", small, "--json", *FAST)
    assert (result.returncode, result.stderr) == (0, "")
    events = json_lines(result.stdout)
    starts = [e for e in events if e["event"] == "segment_start"]
    key = ("index", "step", "kind", "side", "duration")
    assert [{k: e[k] for k in key} for e in starts] == [
        {k: s[k] for k in key} for s in shown["segments"]
    ]
    elapsed = 0.0
    for start, segment in zip(starts, shown["segments"], strict=True):
        assert start["t"] == pytest.approx(elapsed, abs=1e-3)
        elapsed += segment["duration"]
    assert elapsed == shown["total_seconds"]
    assert events[-1]["event"] == "session_end"
    assert events[-1]["t"] == pytest.approx(shown["total_seconds"], abs=1e-3)
    assert {seg["kind"] for seg in shown["segments"]} == {"exercise", "rest", "switch", "walk",
                                                          "run"}


def test_run_json_event_fields(warmup: Warmup, small: str) -> None:
    events = json_lines(warmup("run", small, "--json", *FAST).stdout)
    names = {e["event"] for e in events}
    assert names == {"segment_start", "segment_end", "cue", "session_end"}
    base = {"t", "wall", "event", "index", "step", "kind", "side", "duration"}
    for event in events:
        assert base <= set(event)
        assert event["routine"] == "small"
    times = [e["t"] for e in events]
    walls = [e["wall"] for e in events]
    assert times == sorted(times) and walls == sorted(walls)
    # Real time runs 200 times slower than session time (allowing for start-up jitter).
    assert walls[-1] < times[-1] / 200 + 2.0
    ends = [e for e in events if e["event"] == "segment_end"]
    assert all(e["skipped"] is False for e in ends)
    cues = {(e["cue"], e.get("value")) for e in events if e["event"] == "cue"}
    assert {("rep", 1), ("rep", 3), ("pip", 3), ("pip", 1), ("switch_sides", None),
            ("last_interval", None)} <= cues


def test_run_plain(warmup: Warmup, small: str) -> None:
    result = warmup("run", small, "--plain", *FAST)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert all(re.match(r"^\d\d:\d\d\.\d ", line) for line in lines), lines
    assert lines[0] == "00:00.0 start Hold (left side), 5 s"
    assert "00:05.0 done Hold (left side)" in lines
    assert "00:15.0 rep 1 of 3" in lines
    assert "00:35.0 last interval" in lines
    assert lines[-1] == "00:46.0 session finished"


def test_run_chain_carries_on_into_then(warmup: Warmup, small: str) -> None:
    alone = json_lines(warmup("run", small, "--json", *FAST).stdout)
    result = warmup("run", small, "--json", "--chain", *FAST)
    assert (result.returncode, result.stderr) == (0, "")
    chained = json_lines(result.stdout)
    assert {e["routine"] for e in alone} == {"small"}
    strip = ("wall", "late")  # both depend on how busy the machine is
    assert [{k: v for k, v in e.items() if k not in strip} for e in chained[: len(alone)]] == [
        {k: v for k, v in e.items() if k not in strip} for e in alone
    ]
    # The next routine is a session of its own: its times start again from zero.
    assert [(e["routine"], e["event"], e["t"], e["step"]) for e in chained[len(alone):]] == [
        ("tail", "segment_start", 0.0, "Stretch"),
        ("tail", "segment_end", 4.0, "Stretch"),
        ("tail", "session_end", 4.0, None),
    ]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_ends_a_headless_run_with_128_plus_its_number(
    work: Path, cli_env: dict[str, str], signum: int
) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "warmup_tui", "run", "pre-run", "--json", "--mute"],
        cwd=work, env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # A shell running tests in the background may ignore SIGINT, and children inherit
        # that; give the child the normal Ctrl+C behaviour a terminal user has.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 20)
        assert ready, "no first line within 20 s"
        first = json.loads(proc.stdout.readline())
        assert first["event"] == "segment_start"
        proc.send_signal(signum)
        rest, errors = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 128 + signum
    assert errors == ""
    tail = json_lines(rest)
    # The cut-short segment is reported, then the end of the session.
    assert [(e["event"], e.get("skipped")) for e in tail[-2:]] == [
        ("segment_end", True), ("session_end", None),
    ]
    assert tail[-2]["index"] == 0
