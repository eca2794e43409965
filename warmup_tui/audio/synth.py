"""The app's cue sounds, synthesised in plain Python (no numpy) so they can be tuned and rebuilt.

Every sound is 16-bit mono at 44.1 kHz. Each is built from short notes with a fast attack and
a smooth decay to exact silence, so nothing clicks at the start or end. The output is fully
deterministic: running ``scripts/make_sounds.py`` twice gives the same bytes.

Design for the ear (eyes closed, on a treadmill):
- run is bright and rising, walk is low, soft and falling: opposite pitch, direction and timbre;
- rest is one mellow low tone, go one clear bell-like note;
- pips are short plain beeps, the rep tick a quiet high blip, the click a dry short tick.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Sequence

RATE = 44100
FULL_SCALE = 32767

# (frequency, amplitude) partials: how bright a note sounds.
Timbre = Sequence[tuple[float, float]]
PURE: Timbre = ((1.0, 1.0),)
MELLOW: Timbre = ((1.0, 1.0), (2.0, 0.15))
BELL: Timbre = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.15), (4.2, 0.08))
BRIGHT: Timbre = ((1.0, 1.0), (2.0, 0.45), (3.0, 0.3), (4.0, 0.18), (5.0, 0.1))


def note(freq: float, seconds: float, *, level: float = 0.5, timbre: Timbre = MELLOW,
         attack: float = 0.005, decay: float = 4.0) -> list[float]:
    """One note as floats in -1..1: a short linear attack, then an exponential decay that
    is faded to exactly zero over the last 5 ms."""
    count = round(seconds * RATE)
    attack_n = max(1, round(attack * RATE))
    fade_n = min(count, round(0.005 * RATE))
    norm = sum(amp for _, amp in timbre)
    out: list[float] = []
    for i in range(count):
        t = i / RATE
        env = min(1.0, i / attack_n) * math.exp(-decay * t)
        if i >= count - fade_n:
            env *= (count - 1 - i) / fade_n
        value = sum(amp * math.sin(2 * math.pi * freq * mult * t) for mult, amp in timbre)
        out.append(level * env * value / norm)
    return out


def sequence(parts: Sequence[tuple[float, list[float]]]) -> list[float]:
    """Mix notes, each starting at its own offset in seconds (notes may overlap and ring on)."""
    length = max(round(start * RATE) + len(samples) for start, samples in parts)
    mixed = [0.0] * length
    for start, samples in parts:
        first = round(start * RATE)
        for i, value in enumerate(samples):
            mixed[first + i] += value
    return mixed


def to_pcm(samples: Sequence[float]) -> array[int]:
    """Floats in -1..1 to 16-bit samples, clipped."""
    return array("h", (max(-FULL_SCALE, min(FULL_SCALE, round(v * FULL_SCALE)))
                       for v in samples))


def go() -> list[float]:
    return note(1046.5, 0.35, level=0.6, timbre=BELL, decay=9.0)


def rest() -> list[float]:
    return note(392.0, 0.5, level=0.55, timbre=MELLOW, attack=0.03, decay=5.0)


def run() -> list[float]:
    # A quick rising arpeggio, bright: C6 E6 G6 C7.
    return sequence([(i * 0.07, note(f, 0.2, level=0.45, timbre=BRIGHT, decay=12.0))
                     for i, f in enumerate((1046.5, 1318.5, 1568.0, 2093.0))])


def walk() -> list[float]:
    # Slow, soft and falling, low in pitch: G4 D4 G3.
    return sequence([(i * 0.14, note(f, 0.3, level=0.5, timbre=PURE, attack=0.015, decay=7.0))
                     for i, f in enumerate((392.0, 293.7, 196.0))])


def pip() -> list[float]:
    return note(880.0, 0.09, level=0.5, timbre=PURE, attack=0.003, decay=8.0)


def halfway() -> list[float]:
    # Two equal mid notes: "ding ding".
    return sequence([(0.0, note(784.0, 0.2, level=0.5, timbre=BELL, decay=10.0)),
                     (0.18, note(784.0, 0.25, level=0.5, timbre=BELL, decay=10.0))])


def switch() -> list[float]:
    # A two-tone warble, high-low-high-low: turn around.
    return sequence([(i * 0.09, note(f, 0.11, level=0.45, timbre=MELLOW, decay=6.0))
                     for i, f in enumerate((1174.7, 880.0, 1174.7, 880.0))])


def tick() -> list[float]:
    return note(1760.0, 0.035, level=0.22, timbre=PURE, attack=0.001, decay=60.0)


def finish() -> list[float]:
    # Rising major arpeggio whose top note rings out: C5 E5 G5 C6.
    notes = [(0.0, 523.3, 0.3), (0.12, 659.3, 0.3), (0.24, 784.0, 0.3), (0.36, 1046.5, 0.64)]
    return sequence([(start, note(f, length, level=0.45, timbre=BELL, decay=4.0))
                     for start, f, length in notes])


def last() -> list[float]:
    # The run arpeggio, then a high double note: "run, and this is the last one".
    return sequence([(0.0, run()),
                     (0.34, note(2093.0, 0.09, level=0.4, timbre=BRIGHT, decay=10.0)),
                     (0.45, note(2093.0, 0.12, level=0.4, timbre=BRIGHT, decay=10.0))])


def click() -> list[float]:
    # Dry and short so it stays clear of speech and other cues at 160-180 clicks a minute.
    return note(2500.0, 0.02, level=0.5, timbre=((1.0, 1.0), (1.7, 0.5)), attack=0.0005,
                decay=150.0)


SOUNDS: dict[str, Callable[[], list[float]]] = {
    "go": go, "rest": rest, "run": run, "walk": walk, "pip": pip, "halfway": halfway,
    "switch": switch, "tick": tick, "finish": finish, "last": last, "click": click,
}


def render(name: str) -> array[int]:
    """The named sound as 16-bit samples."""
    return to_pcm(SOUNDS[name]())
