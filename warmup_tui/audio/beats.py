"""The metronome's arithmetic: where each beat falls, to the sample, and what a chunk holds.

Pure and exact. Beat ``k`` of a click track at ``cadence`` per minute sits at sample
``round(k * 60 * rate / cadence)`` counted from the track's start, computed with fractions
so it never drifts. A chunk is any span ``[start, end)`` of that endless track; rendering
spans back to back gives the same samples as rendering the whole track at once, clicks that
straddle a boundary included. That is how the phase carries over from chunk to chunk.
"""

from __future__ import annotations

import math
from array import array
from fractions import Fraction

from warmup_tui.audio.synth import RATE

SAMPLE_MIN, SAMPLE_MAX = -32768, 32767


class BeatGrid:
    """Beat positions, in samples from the start of the track."""

    def __init__(self, cadence: float, rate: int = RATE) -> None:
        if cadence <= 0:
            raise ValueError("cadence must be positive")
        self.cadence = cadence
        self.rate = rate
        self.period = Fraction(60 * rate) / Fraction(cadence)  # samples per beat, exact

    def beat_sample(self, k: int) -> int:
        """Sample at which beat ``k`` starts (beat 0 at sample 0); halves round up."""
        return math.floor(k * self.period + Fraction(1, 2))

    def first_beat_from(self, sample: int) -> int:
        """The index of the first beat starting at or after ``sample``."""
        # beat_sample(k) >= s  <=>  k * period + 1/2 >= s  <=>  k >= (s - 1/2) / period
        return max(0, math.ceil((sample - Fraction(1, 2)) / self.period))

    def beats_between(self, start: int, end: int) -> list[int]:
        """Sample positions of the beats starting in ``[start, end)``."""
        positions = []
        k = self.first_beat_from(start)
        while (position := self.beat_sample(k)) < end:
            positions.append(position)
            k += 1
        return positions


def render_span(grid: BeatGrid, click: array[int], start: int, end: int) -> array[int]:
    """Samples ``[start, end)`` of the endless click track, including the tail of a click
    that began before ``start``."""
    length = end - start
    out = array("h", bytes(2 * length))
    if not click or length <= 0:
        return out
    width = len(click)
    positions = grid.beats_between(max(0, start - width + 1), end)
    overlapping = grid.period < width  # only at absurd cadences; needs mixing
    for position in positions:
        first = max(position, start)
        last = min(position + width, end)
        piece = click[first - position : last - position]
        if overlapping:
            for i, value in enumerate(piece):
                mixed = out[first - start + i] + value
                out[first - start + i] = min(SAMPLE_MAX, max(SAMPLE_MIN, mixed))
        else:
            out[first - start : last - start] = piece
    return out


def chunk_span(index: int, chunk_samples: int, total_samples: int | None) -> tuple[int, int] | None:
    """The ``[start, end)`` samples of chunk ``index``, or None past the end of the track."""
    start = index * chunk_samples
    end = start + chunk_samples
    if total_samples is not None:
        if start >= total_samples:
            return None
        end = min(end, total_samples)
    return start, end


def samples_late(deadline: float, now: float, rate: int, length: int) -> int:
    """How many samples of a chunk to drop because it starts ``now - deadline`` seconds
    late, so its beats still land on the grid rather than shifting by the delay."""
    if now <= deadline:
        return 0
    return min(length, round((now - deadline) * rate))
