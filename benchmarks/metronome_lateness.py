"""How late the metronome's chunks start, quiet and with every core busy.

    .venv/bin/python benchmarks/metronome_lateness.py            # about 20 seconds
    .venv/bin/python benchmarks/metronome_lateness.py --chunks 40

Each chunk after the first is due a whole number of chunk lengths after beat one; one that
starts late drops the samples it missed (so its clicks stay on the grid, which the tests
check). The samples dropped are the lateness, as the metronome itself measured it: this
reads them from the length of each buffer it was handed, with the real clock and the
metronome's own thread. The goal: no chunk starts 20 ms late or more, a twentieth of a
click's gap at 180 steps a minute.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from array import array

from busy_load import busy_cores

from warmup_tui.audio.metronome import Metronome
from warmup_tui.audio.synth import RATE
from warmup_tui.engine.clock import MonotonicClock

CHUNK_SECONDS = 0.25  # short chunks: many deadlines in a few seconds
GOAL_MS = 20.0
CLICK = array("h", [1000] * 200)


class LengthsOnly:
    """A click player that plays nothing and keeps the length of each buffer it is given."""

    available = True

    def __init__(self) -> None:
        self.lengths: list[int] = []

    def samples(self, name: str) -> array[int] | None:
        return CLICK if name == "click" else None

    def play_samples(self, data: bytes, rate: int = RATE) -> None:
        self.lengths.append(len(data) // 2)


def chunk_lateness_ms(chunks: int) -> list[float]:
    """The lateness of every chunk after the first, in milliseconds."""
    player = LengthsOnly()
    metronome = Metronome(player, MonotonicClock(), 170, chunk_seconds=CHUNK_SECONDS)
    chunk = round(CHUNK_SECONDS * RATE)
    metronome.start(duration=chunks * CHUNK_SECONDS)
    deadline = time.monotonic() + chunks * CHUNK_SECONDS + 10
    while metronome.running and time.monotonic() < deadline:
        time.sleep(0.05)
    return [(chunk - length) * 1000 / RATE for length in player.lengths[1:]]


def line(label: str, late: list[float]) -> str:
    worst = max(late, default=0.0)
    verdict = "passed" if worst < GOAL_MS else "MISSED"
    return (f"{label:<24} chunks {len(late):>3}  median {statistics.median(late or [0]):5.1f} ms"
            f"  worst {worst:6.1f} ms  goal < {GOAL_MS:.0f} ms: {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=40)
    args = parser.parse_args()
    print(line("quiet", chunk_lateness_ms(args.chunks)))
    with busy_cores() as pids:
        print(line(f"{len(pids)} cores busy", chunk_lateness_ms(args.chunks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
