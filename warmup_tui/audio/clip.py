"""A sound's samples: read from a 16-bit WAV file, and scaled to a volume."""

from __future__ import annotations

import wave
from array import array
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Clip:
    """A sound's samples: as read from its WAV file, or once the player's volume is applied."""

    samples: array[int]
    channels: int
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.channels / self.rate


VOLUME_STEPS = 1 << 16  # the volume is applied in 1/65536ths, in whole-number arithmetic
# Samples scaled at a time. A whole clip's worth of Python ints at once (a sound, or a
# phrase of speech: up to a megabyte of ints each) leaves memory behind for good;
# blocks of this size reuse the same few pages and cost no time.
SCALE_BLOCK = 4096


def scale(samples: array[int], volume: float) -> array[int]:
    """Samples multiplied by ``volume`` (0..1, itself rounded to 1/65536ths), rounded to
    the nearest whole sample."""
    if volume >= 1.0:
        return array("h", samples)
    # Integers only: about five times faster than rounding floats, and the start-up
    # scales every cue at once while the session's get-ready waits for them.
    factor, half = round(max(0.0, volume) * VOLUME_STEPS), VOLUME_STEPS // 2
    scaled = array("h")
    for start in range(0, len(samples), SCALE_BLOCK):
        block = samples[start:start + SCALE_BLOCK]
        scaled.extend([(value * factor + half) >> 16 for value in block])
    return scaled


def clip_seconds(path: Path) -> float:
    """How long a 16-bit PCM WAV file sounds, from its header alone. Raises as read_clip."""
    with wave.open(str(path), "rb") as reader:
        if reader.getsampwidth() != 2:
            raise ValueError(f"{reader.getsampwidth() * 8}-bit samples, expected 16-bit")
        return reader.getnframes() / reader.getframerate()


def read_clip(path: Path) -> Clip:
    """A 16-bit PCM WAV file's samples. Raises OSError, EOFError or wave.Error, or
    ValueError for other sample widths."""
    with wave.open(str(path), "rb") as reader:
        if reader.getsampwidth() != 2:
            raise ValueError(f"{reader.getsampwidth() * 8}-bit samples, expected 16-bit")
        samples = array("h", reader.readframes(reader.getnframes()))
        channels, rate = reader.getnchannels(), reader.getframerate()
    if array("h", b"\x01\x00")[0] != 1:  # WAV is little-endian
        samples.byteswap()
    return Clip(samples, channels, rate)
