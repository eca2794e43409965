"""The volume applied to a cue's samples: every sample, over the whole 16-bit range, the
exact product rounded to the nearest step (give or take the volume's own rounding to
1/65536ths, under half a step at full scale), and full volume a plain copy."""

from __future__ import annotations

import tracemalloc
from array import array

import pytest

from warmup_tui.audio.clip import VOLUME_STEPS, scale

EVERY_SAMPLE = array("h", range(-32768, 32768))


@pytest.mark.parametrize("volume", [0.0, 0.1, 0.25, 0.5, 0.6, 0.8, 0.999])
def test_every_sample_is_rounded_to_the_nearest(volume: float) -> None:
    scaled = scale(EVERY_SAMPLE, volume)
    assert len(scaled) == len(EVERY_SAMPLE)
    for out, value in zip(scaled, EVERY_SAMPLE, strict=True):
        assert abs(out - value * volume) <= 0.5 + abs(value) / VOLUME_STEPS / 2, value


def test_full_volume_is_a_copy_and_below_nothing_is_silent_or_louder() -> None:
    full = scale(EVERY_SAMPLE, 1.0)
    assert full == EVERY_SAMPLE and full is not EVERY_SAMPLE
    assert scale(EVERY_SAMPLE, -0.5) == array("h", bytes(len(EVERY_SAMPLE) * 2))
    quiet = scale(EVERY_SAMPLE, 0.3)
    assert all(abs(out) <= abs(value) for out, value in zip(quiet, EVERY_SAMPLE, strict=True))


def test_scaling_a_long_clip_holds_little_beyond_the_result() -> None:
    """A phrase of speech is hundreds of thousands of samples: scaling it must not hold
    a Python int for each at once (memory the process keeps for good afterwards)."""
    long_clip = array("h", range(-32768, 32768)) * 8  # 524,288 samples, 1 MiB
    tracemalloc.start()
    try:
        scaled = scale(long_clip, 0.8)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    result_bytes = len(scaled) * scaled.itemsize
    assert peak < 2 * result_bytes, f"peak {peak:,} bytes for a {result_bytes:,}-byte result"
