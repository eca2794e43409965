"""``warmup doctor`` as a user runs it: a real process, real ALSA configurations (no sound
card, and the file capture for ``--play``), a real settings file, a real terminal size."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path
from typing import Any

import pytest

from tests.audio.conftest import MISSING_CARD_CONFIG, Capture, scaled_sound
from tests.cli.conftest import warmup_env
from tests.cli.test_headless_imports import loaded_by
from warmup_tui.runs.doctor.audio_probe import TEST_CUE

AREAS = ["audio", "voice", "config", "log", "terminal", "versions"]


def doctor(*args: str, env: dict[str, str] | None = None,
           stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warmup_tui", "doctor", *args],
                          env=env or warmup_env(), stdin=stdin, capture_output=True,
                          text=True, timeout=120, check=False)


def no_card_env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "no-card.conf"
    config.write_text(MISSING_CARD_CONFIG)
    return {**warmup_env(), "ALSA_CONFIG_PATH": str(config)}


def as_json(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_json_has_every_area_and_says_there_is_no_sound_card(tmp_path: Path) -> None:
    report = as_json(doctor("--json", env=no_card_env(tmp_path)))
    assert list(report) == AREAS
    audio = report["audio"]
    assert audio["ok"] is False and audio["stream"] is False and audio["status"] == "no output"
    assert "NoSuchCard" in audio["device_error"] or "No such" in audio["device_error"]
    assert any("terminal bell stands in" in line for line in audio["lines"])
    voice = report["voice"]
    assert set(voice) >= {"engine", "available", "setting", "ok", "lines"}
    assert voice["setting"] == "auto"
    assert voice["available"] == [name for name in ("piper", "espeak-ng", "espeak")
                                  if shutil.which(name)]
    assert voice["engine"] == (voice["available"] or [None])[0]
    assert report["config"] == {"path": report["config"]["path"], "exists": False,
                                "problems": [], "ok": True, "lines": report["config"]["lines"]}
    assert report["log"]["status"] == "none"
    versions = report["versions"]
    assert versions["python"] == ".".join(map(str, sys.version_info[:3]))
    assert versions["warmup"] and versions["textual"]
    for area in AREAS:
        assert isinstance(report[area]["lines"], list) and report[area]["lines"]


def test_plain_lines_without_a_sound_card_exit_0(tmp_path: Path) -> None:
    result = doctor(env=no_card_env(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("!! Sound: no sound output device could be opened")
    assert "the terminal bell stands in for each cue" in lines[1]
    assert [line[3:].split(":")[0] for line in lines if line[:3] in ("ok ", "!! ")] == [
        "Sound", "Voice", "Settings", "Training log", "Terminal", "Versions"]
    assert lines[-1] == "1 thing to look at (marked !!)"
    assert result.stderr == ""


def test_a_bad_settings_file_is_explained_and_left_alone(tmp_path: Path,
                                                         isolated_home: Path) -> None:
    config = isolated_home / ".config" / "warmup-tui" / "config.toml"
    config.parent.mkdir(parents=True)
    text = "[sound]\nvolume = 3\n\n[voice]\nspeed = 200\n"
    config.write_text(text)
    report = as_json(doctor("--json", env=no_card_env(tmp_path)))
    found = report["config"]
    assert found["ok"] is False and found["exists"] is True
    volume, speed = found["problems"]
    assert volume == f"{config}:2: sound.volume: expected 0 to 1, got 3; using 0.8"
    assert speed.startswith(f"{config}:5: voice.speed: unknown key")
    assert found["lines"][0].startswith(f"the settings file {config} has 2 problems")
    assert config.read_text() == text


def test_play_sends_a_cue_and_a_phrase_to_the_sound_device(capture: Capture) -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (bash setup.sh test installs it)")
    report = as_json(doctor("--json", "--play", env={**warmup_env(), **{
        "ALSA_CONFIG_PATH": capture.env["ALSA_CONFIG_PATH"]}}))
    audio = report["audio"]
    assert audio["ok"] is True and audio["kind"] == "FILE", audio
    assert audio["played"]["phrase"] and audio["played"]["notices"] == []
    streams = [data for data in capture.files() if data]
    cue = scaled_sound(TEST_CUE, 0.8)
    assert cue in streams, [len(data) for data in streams]
    # The phrase follows the cue: at least half a second of speech, not silence.
    phrase = streams[streams.index(cue) + 1]
    assert len(phrase) > 44100 and any(phrase)


def test_terminal_size_and_no_color_are_read_from_the_real_terminal(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {**no_card_env(tmp_path), "NO_COLOR": "1", "TERM": "xterm-256color"}
        report = as_json(doctor("--json", env=env, stdin=follower))
    finally:
        os.close(leader)
        os.close(follower)
    terminal = report["terminal"]
    assert (terminal["columns"], terminal["rows"]) == (100, 30)
    assert terminal["no_color"] is True and terminal["colours"] == "none"
    assert terminal["term"] == "xterm-256color" and terminal["ok"] is True


def test_doctor_imports_no_textual(tmp_path: Path) -> None:
    code, modules = loaded_by(tmp_path, "doctor", "--json")
    assert code == 0
    assert "warmup_tui.cli.doctor_cmd" in modules
    assert not {name for name in modules if name.split(".")[0] == "textual"}
