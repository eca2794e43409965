"""Durations in the words people type, through the real ``warmup`` command: in a routine
file and on the command line, with one line for nonsense."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

Warmup = Callable[..., subprocess.CompletedProcess[str]]


def test_a_routine_file_takes_durations_in_words(warmup: Warmup, work: Path) -> None:
    (work / "r.toml").write_text(
        'name = "Words"\nrest = "15 seconds"\n'
        '[[steps]]\nname = "Hold"\nduration = "1 minute 30 seconds"\n'
        '[[steps]]\nname = "Walk"\nduration = "2 minutes"\n')
    result = warmup("show", "r.toml", "--json")
    assert result.returncode == 0, result.stderr
    durations = [segment["duration"] for segment in json.loads(result.stdout)["segments"]]
    assert durations == [90.0, 15.0, 120.0]


def test_intervals_take_durations_in_words(warmup: Warmup) -> None:
    result = warmup("intervals", "--run", "45 seconds", "--walk", "1 min", "--repeats", "1",
                    "--json", "--speed", "1000", "--mute", "--no-voice")
    assert result.returncode == 0, result.stderr
    starts = [json.loads(line) for line in result.stdout.splitlines()]
    runs = [(e["kind"], e["duration"]) for e in starts if e["event"] == "segment_start"]
    assert runs == [("run", 45.0), ("walk", 60.0)]


def test_nonsense_is_refused_in_one_line(warmup: Warmup, work: Path) -> None:
    (work / "r.toml").write_text('name = "R"\n[[steps]]\nname = "A"\nduration = "5 parsecs"\n')
    result = warmup("validate", "r.toml")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        'r.toml:4: steps[0].duration: "5 parsecs" is not a duration: "parsecs" is not a unit;'
        ' use hours, minutes or seconds (h, m, s)']
