"""The bundled cue sounds: made by the script, small, well-formed, and told apart by ear."""

from __future__ import annotations

import itertools
import subprocess
import sys
import wave
from array import array
from pathlib import Path

from tests.audio.conftest import REPO, SOUNDS
from warmup_tui.audio.player import SOUND_NAMES


def frames(path: Path) -> array[int]:
    with wave.open(str(path), "rb") as reader:
        assert reader.getnchannels() == 1
        assert reader.getsampwidth() == 2
        assert reader.getframerate() == 44100
        return array("h", reader.readframes(reader.getnframes()))


def test_the_committed_sounds_are_exactly_what_the_script_makes(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "make_sounds.py"),
                             str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    made = sorted(p.name for p in tmp_path.glob("*.wav"))
    assert made == sorted(f"{name}.wav" for name in SOUND_NAMES)
    assert sorted(p.name for p in SOUNDS.glob("*.wav")) == made
    for name in made:
        assert (tmp_path / name).read_bytes() == (SOUNDS / name).read_bytes(), name


def test_every_cue_is_short_and_starts_and_ends_in_silence() -> None:
    for name in SOUND_NAMES:
        samples = frames(SOUNDS / f"{name}.wav")
        seconds = len(samples) / 44100
        limit = 1.05 if name == "finish" else 0.6
        assert 0.01 < seconds <= limit, (name, seconds)
        assert samples[0] == 0 and samples[-1] == 0, name  # no click at either end
        assert max(abs(v) for v in samples) > 3000, name  # audible, not a silent file


def pitch_track(samples: array[int], window: int = 2205) -> list[float]:
    """Rough pitch (Hz) of each loud 50 ms window, from upward zero crossings."""
    loudest = max(abs(v) for v in samples)
    track = []
    for start in range(0, len(samples) - window, window):
        part = samples[start : start + window]
        if max(abs(v) for v in part) < loudest / 4:
            continue
        ups = sum(1 for a, b in itertools.pairwise(part) if a < 0 <= b)
        track.append(ups * 44100 / window)
    return track


def test_run_and_walk_are_opposites_by_ear() -> None:
    run = pitch_track(frames(SOUNDS / "run.wav"))
    walk = pitch_track(frames(SOUNDS / "walk.wav"))
    assert run[-1] > run[0] * 1.4, run  # run climbs
    assert walk[-1] < walk[0] / 1.4, walk  # walk falls
    assert min(run) > 2 * max(walk), (run, walk)  # and they live in different registers


def test_the_readme_says_what_every_sound_means() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Sounds", 1)[1]
    for name in SOUND_NAMES:
        assert f"| {name} |" in section, name
