"""No check can hang the doctor: a check past its limit is reported as such, and the
others still answer."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from warmup_tui.common.config import Settings
from warmup_tui.runs.doctor import audio_check
from warmup_tui.runs.doctor.findings import Finding
from warmup_tui.runs.doctor.time_limit import Check, run_all


def hung_device_config(tmp_path: Path) -> Path:
    """ALSA's default device writing into a pipe nobody reads: opening it blocks inside
    libasound, as a hung device does."""
    fifo = tmp_path / "nobody-reads"
    os.mkfifo(fifo)
    config = tmp_path / "hung.conf"
    device = f'type file slave.pcm {{ type null }} file "{fifo}" format "raw"'
    config.write_text(f"pcm.!default {{ {device} }}\n")
    return config


def test_a_hung_check_is_reported_and_the_others_answer() -> None:
    never = threading.Event()

    def hangs() -> Finding:
        never.wait()
        return Finding("log", True, ())

    def breaks() -> Finding:
        raise RuntimeError("something odd")

    try:
        findings = run_all([
            Check("log", "the training log", hangs, 0.2),
            Check("terminal", "the terminal", lambda: Finding("terminal", True, ("fine",)), 5),
            Check("voice", "the voice", breaks, 5),
        ])
    finally:
        never.set()
    log, terminal, voice = findings
    assert log.area == "log" and not log.ok and log.data["status"] == "timed out"
    assert "checking the training log took longer than 0.2 s" in log.lines[0]
    assert terminal == Finding("terminal", True, ("fine",))
    assert voice.data["status"] == "check failed" and "something odd" in voice.lines[0]


def test_the_probe_really_hangs_on_that_device(tmp_path: Path) -> None:
    # The test below proves nothing unless this device does hang the probe.
    env = {**os.environ, "ALSA_CONFIG_PATH": str(hung_device_config(tmp_path))}
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, "-m", "warmup_tui.runs.doctor.audio_probe"], env=env,
                       capture_output=True, timeout=3)


def test_a_sound_device_that_hangs_is_given_up_on(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(hung_device_config(tmp_path)))
    monkeypatch.setattr(audio_check, "PROBE_SECONDS", 2.0)
    finding = audio_check.check_audio(Settings())
    assert not finding.ok
    assert finding.data["status"] == "timed out"
    assert "did not answer in 2 s" in finding.lines[0]
    assert "terminal bell stands in" in finding.lines[0]
