"""Speech samples in the player's format: 16-bit mono at 44.1 kHz, in plain Python.

espeak-ng writes 16-bit mono at 22,050 Hz; say writes what it is asked for. Stereo is mixed
down and any other rate is resampled by linear interpolation, which for speech from a
synthesiser at half the rate is inaudibly different from anything fancier.
"""

from __future__ import annotations

import sys
import wave
from array import array
from pathlib import Path

from warmup_tui.audio.synth import RATE


def read_wav(path: Path) -> tuple[array[int], int, int]:
    """A 16-bit PCM WAV file as (interleaved samples, channels, rate). Raises OSError,
    EOFError, wave.Error, or ValueError for other sample widths."""
    with wave.open(str(path), "rb") as reader:
        if reader.getsampwidth() != 2:
            raise ValueError(f"{reader.getsampwidth() * 8}-bit samples, expected 16-bit")
        samples = array("h", reader.readframes(reader.getnframes()))
        channels, rate = reader.getnchannels(), reader.getframerate()
    if sys.byteorder == "big":  # WAV is little-endian
        samples.byteswap()
    return samples, channels, rate


def write_wav(path: Path, samples: array[int], rate: int = RATE) -> None:
    """Write mono 16-bit samples as a WAV file (not atomically: write to a temporary name)."""
    data = samples
    if sys.byteorder == "big":
        data = array("h", samples)
        data.byteswap()
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(data.tobytes())


def to_mono(samples: array[int], channels: int) -> array[int]:
    """Average the channels of interleaved samples."""
    if channels == 1:
        return samples
    frames = len(samples) // channels
    return array("h", (round(sum(samples[i * channels:(i + 1) * channels]) / channels)
                       for i in range(frames)))


def resample(samples: array[int], source: int, target: int = RATE) -> array[int]:
    """Mono samples from ``source`` Hz to ``target`` Hz by linear interpolation. Output
    sample ``j`` sits at input position ``j * source / target``; past the last input sample
    it holds that sample."""
    if source == target or not samples:
        return array("h", samples)
    count = (len(samples) * target) // source
    last = len(samples) - 1
    out = array("h", bytes(2 * count))
    for j in range(count):
        whole, remainder = divmod(j * source, target)
        if whole >= last:
            out[j] = samples[last]
            continue
        a, b = samples[whole], samples[whole + 1]
        out[j] = a + round((b - a) * remainder / target)
    return out


def load_for_player(path: Path) -> array[int]:
    """A WAV file's speech as 16-bit mono samples at the player's rate."""
    samples, channels, rate = read_wav(path)
    return resample(to_mono(samples, channels), rate)
