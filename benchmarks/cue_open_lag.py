"""How long an event loop stalls while a cue's sound stream opens: on the loop, on a thread,
and by the player process (the TUI's way).

    .venv/bin/python benchmarks/cue_open_lag.py      # about 15 seconds

A 1 ms asyncio timer runs while the real Player starts a cue (simpleaudio opening an ALSA
stream), once called on the loop itself, once from a thread of its own, and once asked of
the player process (``Player(process=True)``: the loop only queues a request). Two devices,
each ALSA's file plugin in a process of its own (libasound reads its config once):
"fast", a plain file, and "slow", a named pipe that a reader here opens again only
SLOW_OPEN seconds after the last stream closed it (the next cue comes sooner, so its
open waits): a stand-in for a sound server slow to answer. If the stream opened without
holding the GIL, the thread would leave the timer on time however slow the device; the
figures show whether it does. Where PulseAudio is installed, a third device is a real
server of our own (tests/sound_server/pulse.py) through ALSA's pulse plugin, as on a desktop.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.sound_server import pulse  # noqa: E402  (the tests' own server, reused)

PLAYS = 5
MODES = ("loop", "thread", "process")
SLOW_OPEN = 0.5  # seconds from one stream's end to the slow device taking the next
CONFIG = """pcm.!default {
  type file
  slave.pcm { type null }
  file "%s"
  format "raw"
  truncate true
}
"""

CHILD = """
import asyncio, json, sys, threading, time
from warmup_tui.audio.player import Player

async def main(mode):
    player = Player(volume=0.8, process=mode == "process")
    if mode == "process":
        player.process_pid(10)
        await asyncio.sleep(0.5)  # the process has started and read the cues
    lags, opens, running = [], [], True
    async def tick():
        while running:
            before = time.perf_counter()
            await asyncio.sleep(0.001)
            lags.append((before, time.perf_counter() - before - 0.001))
    ticker = asyncio.create_task(tick())
    windows = []
    for _ in range(%(plays)d):
        await asyncio.sleep(0.3)
        started = time.perf_counter()
        if mode in ("loop", "process"):
            player.play("go")
        else:
            opener = threading.Thread(target=player.play, args=("go",))
            opener.start()
            while opener.is_alive():
                await asyncio.sleep(0.001)
        opens.append(time.perf_counter() - started)
        windows.append((started, time.perf_counter() + 0.01))
    await asyncio.sleep(0.05)
    running = False
    await ticker
    # A tick counts for a play when its wait overlaps the play's window.
    worst = [max([lag for at, lag in lags if at <= b and at + 0.001 + lag >= a] or [0.0])
             for a, b in windows]
    print(json.dumps({"open_ms": [1000 * o for o in opens], "lag_ms": [1000 * w for w in worst]}))

asyncio.run(main(sys.argv[1]))
"""


def slow_reader(fifo: Path, stop: threading.Event) -> None:
    """Takes each stream SLOW_OPEN seconds after the last one ended, and drains it."""
    while not stop.is_set():
        time.sleep(SLOW_OPEN)
        fd = os.open(fifo, os.O_RDONLY)  # waits for a writer
        try:
            while os.read(fd, 65536):
                pass
        finally:
            os.close(fd)


def file_device(device: str, mode: str, folder: Path,
                stop: threading.Event) -> dict[str, str]:
    """The environment of a child whose default ALSA device is the ``device`` file."""
    target = folder / f"{device}-{mode}.raw"
    if device == "slow":
        os.mkfifo(target)
        threading.Thread(target=slow_reader, args=(target, stop), daemon=True).start()
    config = folder / f"{device}-{mode}.conf"
    config.write_text(CONFIG % target)
    return {**os.environ, "ALSA_CONFIG_PATH": str(config)}


def measure(mode: str, env: dict[str, str]) -> dict[str, list[float]]:
    done = subprocess.run([sys.executable, "-c", CHILD % {"plays": PLAYS}, mode], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    figures: dict[str, list[float]] = json.loads(done.stdout)
    return figures


def row(device: str, mode: str, f: dict[str, list[float]]) -> str:
    opens, lags = sorted(f["open_ms"]), sorted(f["lag_ms"])
    where = "by the player process" if mode == "process" else f"on the {mode}"
    return (f"| {device} | {where} | {opens[len(opens) // 2]:.1f} / {opens[-1]:.1f} |"
            f" {lags[len(lags) // 2]:.1f} / {lags[-1]:.1f} |")


def main() -> int:
    print("| device | cue started | open, median / worst (ms) | 1 ms timer late by,"
          " median / worst (ms) |")
    print("|---|---|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="warmup-cue-lag-") as name:
        folder = Path(name)
        for device in ("fast", "slow"):
            for mode in MODES:
                stop = threading.Event()
                try:
                    print(row(device, mode, measure(mode, file_device(device, mode, folder,
                                                                      stop))))
                finally:
                    stop.set()
        if pulse.missing_tools() is None:
            server = pulse.start(folder / "pulse")
            try:
                for mode in MODES:
                    print(row("PulseAudio", mode, measure(mode, server.alsa_env())))
            finally:
                server.stop()
    print(f"\nload average {os.getloadavg()[0]:.2f}; {PLAYS} cues each; slow device: "
          f"a named pipe taking a stream {SLOW_OPEN * 1000:.0f} ms after the last ended")
    return 0


if __name__ == "__main__":
    sys.exit(main())
