"""Times preparing a session's spoken phrases with each speech engine installed, cold (an
empty cache) and cached (a second time), and what Piper costs the app's own memory.

    .venv/bin/python benchmarks/voice_prep.py        # about 1 minute with Piper

Sessions: the bundled pre-run warmup, and week 1 session 1 of build-to-30. "Prepare" is
what the app does before a session starts: Voice.prepare, then waiting until every phrase
(and every shorter form) is ready. Piper runs as a separate process, so the app's resident
memory (VmRSS) should not grow with it; the Piper process's own peak is shown beside it.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from array import array
from pathlib import Path

from procstat import cpu_model

from warmup_tui.audio.speech_cache import SpeechCache
from warmup_tui.audio.speech_engine import Engine, find_engine
from warmup_tui.audio.synth import RATE
from warmup_tui.audio.voice import Voice
from warmup_tui.engine.timeline import Segment, build_timeline
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.model import session_segments
from warmup_tui.routines.files import parse_routine

REPO = Path(__file__).resolve().parents[1]


class SilentPlayer:
    """The voice's player without a sound device: nothing is played here."""

    volume = 0.8
    available = True

    def samples(self, name: str) -> array[int] | None:
        return array("h", bytes(2 * RATE // 2))

    def play_samples(self, data: bytes, rate: int = RATE) -> None:
        return None


def sessions() -> dict[str, list[Segment]]:
    pre_run = (REPO / "routines" / "pre-run.toml").read_text()
    programme = resolve_programme("build-to-30")
    return {"pre-run warmup": build_timeline(parse_routine(pre_run, "pre-run.toml")),
            "build-to-30 w1s1": session_segments(programme.sessions()[0])}


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def prepare_seconds(engine: Engine, segments: list[Segment], folder: Path) -> tuple[float, int]:
    voice = Voice(SilentPlayer(), SpeechCache(engine, "en", 165, folder))
    start = time.perf_counter()
    voice.prepare(segments)
    if not voice.wait_ready(600):
        raise SystemExit(f"{engine.name}: phrases not ready after 10 minutes")
    return time.perf_counter() - start, len(list(folder.glob("*.wav")))


def main() -> None:
    engines = [e for e in (find_engine("piper"), find_engine("espeak")) if e is not None]
    if not engines:
        raise SystemExit("no speech engine installed")
    print(f"{cpu_model()}, {os.cpu_count()} cores; Python {sys.version.split()[0]}; load "
          f"average {os.getloadavg()[0]:.2f}; engines: {', '.join(e.name for e in engines)}")
    print(f"{'engine':<10} {'session':<18} {'phrases':>7} {'cold (s)':>9} {'cached (s)':>10} "
          f"{'app RSS before/after (MB)':>26}")
    for engine in engines:
        for name, segments in sessions().items():
            with tempfile.TemporaryDirectory() as scratch:
                folder = Path(scratch)
                before = rss_mb()
                cold, count = prepare_seconds(engine, segments, folder)
                cached, _ = prepare_seconds(engine, segments, folder)
                after = rss_mb()
            print(f"{engine.name:<10} {name:<18} {count:>7} {cold:>9.2f} {cached:>10.3f} "
                  f"{before:>12.1f} / {after:<11.1f}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"largest engine process's peak RSS: {children:.0f} MB (a separate process)")


if __name__ == "__main__":
    main()
