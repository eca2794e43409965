"""Headless runs with sound on: the cues land in the capture in order; no device is harmless."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.audio.conftest import Capture, identify

MINI = """\
format = 1
name = "Mini"
rest = "2s"
switch = "2s"

[[steps]]
name = "Hold"
duration = "6s"
sides = ["left", "right"]

[[steps]]
name = "Reps"
reps = 2
pace = "1s"

[runwalk]
run = "6s"
walk = "5s"
repeats = 2
"""

# Each segment start and cue of MINI, by ear. A switch segment plays "switch" once (not
# again for its switch-sides cue); the paced exercise's first rep is its "go"; the last run
# plays "last" instead of "run".
MINI_SOUNDS = [
    "go", "pip", "pip", "pip",           # Hold, left
    "switch",                            # switch sides (2 s: too short for pips)
    "go", "pip", "pip", "pip",           # Hold, right
    "rest",
    "go", "tick",                        # Reps: go is rep 1, a tick for rep 2
    "rest",
    "run", "pip", "pip", "pip",
    "walk", "pip", "pip", "pip",
    "last", "pip", "pip", "pip",
    "walk", "pip", "pip", "pip",
    "finish",
]

HALFWAY = """\
format = 1
name = "Halfway"
rest = "0s"

[[steps]]
name = "Long hold"
duration = "20s"

[[steps]]
name = "Paced"
reps = 3
pace = "1s"
"""


def run_headless(routine: Path, env: dict[str, str], *extra: str,
                 speed: str = "10") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warmup_tui", "run", str(routine), "--json", "--speed", speed,
         "--no-voice", *extra],  # tones only here; tests/voice covers the speech
        env=env, capture_output=True, text=True, timeout=60, cwd=routine.parent,
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text)
    return path


def write_config(home: Path, text: str) -> None:
    folder = home / ".config" / "warmup-tui"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text)


def events(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_a_headless_run_plays_every_cue_in_order(capture: Capture, tmp_path: Path) -> None:
    result = run_headless(write(tmp_path, "mini", MINI), capture.env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert events(result.stdout)[-1]["event"] == "session_end"
    assert events(result.stdout)[-1]["completed"] is True
    # Late events are skipped by design; none should be late on an idle machine at --speed 10.
    assert not any(e.get("late") for e in events(result.stdout))
    assert identify(capture.files(), 0.8) == MINI_SOUNDS


def test_settings_choose_the_cues_and_the_volume(capture: Capture, tmp_path: Path,
                                                 isolated_home: Path) -> None:
    routine = write(tmp_path, "halfway", HALFWAY)
    result = run_headless(routine, capture.env)
    assert result.returncode == 0, result.stderr
    all_on = ["go", "halfway", "pip", "pip", "pip", "go", "tick", "tick", "finish"]
    assert identify(capture.files(), 0.8) == all_on

    for path in capture.folder.glob("capture.raw*"):
        path.unlink()
    write_config(isolated_home, "[sound]\nvolume = 0.5\npips = false\nhalfway = false\n"
                                "reps = false\n")
    result = run_headless(routine, capture.env)
    assert result.returncode == 0, result.stderr
    assert identify(capture.files(), 0.5) == ["go", "go", "finish"]


def test_a_session_stopped_early_ends_without_the_finish_sound(capture: Capture,
                                                              tmp_path: Path) -> None:
    routine = write(tmp_path, "halfway", HALFWAY)
    process = subprocess.Popen(
        [sys.executable, "-m", "warmup_tui", "run", str(routine), "--json", "--speed", "1",
         "--no-voice"], env=capture.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, cwd=tmp_path,
        # A shell running tests in the background may ignore SIGINT, and children inherit
        # that; the app rightly leaves an ignored SIGINT ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert process.stdout is not None
    first = json.loads(process.stdout.readline())  # the first segment has started
    assert first["event"] == "segment_start"
    process.send_signal(signal.SIGINT)
    rest, _err = process.communicate(timeout=30)
    end = events(rest)[-1]
    assert end["event"] == "session_end" and end["completed"] is False
    played = identify(capture.files(), 0.8)
    assert played[:1] == ["go"] and "finish" not in played


@pytest.mark.parametrize("how", ["--mute flag", "mute in config"])
def test_muted_runs_open_no_stream(capture: Capture, tmp_path: Path, isolated_home: Path,
                                   how: str) -> None:
    extra = ["--mute"] if how == "--mute flag" else []
    if how == "mute in config":
        write_config(isolated_home, "[sound]\nmute = true\n")
    result = run_headless(write(tmp_path, "halfway", HALFWAY), capture.env, *extra, speed="40")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert capture.files() == []


SHORT = """\
format = 1
name = "Short"

[[steps]]
name = "Hold"
duration = "6s"
"""


def no_device_env(device: str, missing_card_env: dict[str, str]) -> dict[str, str]:
    if device == "missing card":
        return missing_card_env
    if Path("/proc/asound/cards").exists():
        pytest.skip("this machine has a sound card")
    return {k: v for k, v in os.environ.items() if k != "ALSA_CONFIG_PATH"}


@pytest.mark.parametrize("device", ["machine default", "missing card"])
def test_no_sound_device_means_bell_and_one_notice(tmp_path: Path,
                                                   missing_card_env: dict[str, str],
                                                   device: str) -> None:
    env = no_device_env(device, missing_card_env)
    result = run_headless(write(tmp_path, "short", SHORT), env)
    assert result.returncode == 0
    assert events(result.stdout)[-1]["event"] == "session_end"
    assert "ALSA" not in result.stderr
    lines = [line for line in result.stderr.replace("\a", "").splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("sound: no sound device"), result.stderr
    # go, three pips and finish: each falls back to the terminal bell.
    assert result.stderr.count("\a") == 5


@pytest.mark.parametrize("device", ["machine default", "missing card"])
def test_without_the_silencer_alsa_would_print(missing_card_env: dict[str, str],
                                               device: str) -> None:
    # The control for the test above: the same failed open, no handler, prints ALSA lines.
    env = no_device_env(device, missing_card_env)
    code = ("import simpleaudio\n"
            "try:\n    simpleaudio.play_buffer(bytes(100), 1, 2, 44100)\n"
            "except Exception:\n    pass\n")
    result = subprocess.run([sys.executable, "-c", code], env=env,
                            capture_output=True, text=True, timeout=30)
    assert "ALSA lib" in result.stderr
