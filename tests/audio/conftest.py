"""Real audio on a machine without a sound card: ALSA's default device written to files.

Playback runs in a subprocess whose ALSA_CONFIG_PATH points at a config routing the default
PCM to a file. libasound reads its config once per process, so a fresh process is the clean
way to give it ours. With ``truncate false`` every stream opened gets its own file, in the
order opened: CAPTURE, CAPTURE.0001, CAPTURE.0002, ...
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import wave
from array import array
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SOUNDS = REPO / "sounds"

CAPTURE_CONFIG = """\
pcm.!default {
  type file
  slave.pcm { type null }
  file "%s"
  format "raw"
  truncate false
}
"""

# A default naming a card that is not there: libasound prints "Cannot get card index".
MISSING_CARD_CONFIG = """\
pcm.!default { type hw card "NoSuchCard" }
"""


@dataclass
class Capture:
    folder: Path
    env: dict[str, str]

    @property
    def base(self) -> Path:
        return self.folder / "capture.raw"

    def files(self) -> list[bytes]:
        """Every captured stream's bytes, in the order the streams were opened."""
        found = [p for p in self.folder.iterdir() if p.name.startswith("capture.raw")]

        def order(path: Path) -> int:
            suffix = path.name[len("capture.raw"):]
            return int(suffix[1:]) if suffix else 0

        return [p.read_bytes() for p in sorted(found, key=order)]


@pytest.fixture
def capture(tmp_path: Path) -> Capture:
    folder = tmp_path / "alsa"
    folder.mkdir()
    config = folder / "asound.conf"
    config.write_text(CAPTURE_CONFIG % (folder / "capture.raw"))
    return Capture(folder, {**os.environ, "ALSA_CONFIG_PATH": str(config)})


@pytest.fixture
def missing_card_env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "no-card.conf"
    config.write_text(MISSING_CARD_CONFIG)
    return {**os.environ, "ALSA_CONFIG_PATH": str(config)}


def run_python(code: str, env: dict[str, str],
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    # The limit only catches a hung process: on a loaded machine a start-up alone can take
    # tens of seconds, and the tests check what the process did, never how fast.
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=timeout)


def scaled_sound(name: str, volume: float) -> bytes:
    """What a sound's WAV frames become at ``volume``, as bytes on the wire (worked out here,
    not with the player's own code, so a scaling bug cannot hide)."""
    with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as reader:
        frames = array("h", reader.readframes(reader.getnframes()))
    return array("h", scaled_values(frames, volume)).tobytes()


def scaled_values(frames: array[int], volume: float) -> list[int]:
    """The player's rule: the volume in whole 1/65536ths, each product rounded to the
    nearest whole sample, halves up (as a fraction, so no float rounding creeps in)."""
    if volume >= 1.0:
        return list(frames)
    steps = round(max(0.0, volume) * 65536)
    return [math.floor(Fraction(value * steps, 65536) + Fraction(1, 2)) for value in frames]


def identify(captured: list[bytes], volume: float) -> list[str]:
    """Name each captured stream by the sound whose scaled frames it equals exactly."""
    by_bytes = {scaled_sound(p.stem, volume): p.stem for p in SOUNDS.glob("*.wav")}
    return [by_bytes.get(data, f"<unknown {len(data)} bytes>") for data in captured]
