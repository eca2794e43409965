"""A real PulseAudio server for one test: its own runtime folder, a null sink, and
role ducking, so a test can hear (by recording the sink's monitor) what the server does.

Started with only the modules a test asks for; stopped by its own pid.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

RATE = 44100
SINK = "out"
STARTUP_LIMIT = 20.0  # seconds; a generous limit for a loaded machine

# What the ALSA clients of the test (the app's player) are given as their whole config:
# the default device is the pulse plugin, talking to the test's server.
ALSA_TO_PULSE = """\
pcm.!default { type pulse }
ctl.!default { type pulse }
"""


def missing_tools() -> str | None:
    """Why a server cannot run here, or None."""
    for tool in ("pulseaudio", "pactl", "paplay", "parec"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (bash setup.sh test installs it)"
    if any(Path("/usr/lib").glob("*/alsa-lib/libasound_module_pcm_pulse.so")):
        return None
    return "ALSA's pulse plugin is not installed (libasound2-plugins)"


def poll(condition: Callable[[], bool], limit: float, what: str) -> None:
    """Wait for ``condition`` to hold, checking often; fail with ``what`` after ``limit``."""
    end = time.monotonic() + limit
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@dataclass
class PulseServer:
    folder: Path
    process: subprocess.Popen[bytes]

    @property
    def env(self) -> dict[str, str]:
        """The environment a client of this server runs in (and nothing of the user's)."""
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PULSE_", "PIPEWIRE_"))}
        env.update(XDG_RUNTIME_DIR=str(self.folder / "runtime"), HOME=str(self.folder),
                   PULSE_SERVER=f"unix:{self.socket}")
        return env

    @property
    def socket(self) -> Path:
        return self.folder / "runtime" / "native"

    @property
    def log(self) -> str:
        return (self.folder / "pulseaudio.log").read_text(errors="replace")

    def alsa_env(self) -> dict[str, str]:
        """A client environment whose ALSA default device is this server."""
        config = self.folder / "asound.conf"
        config.write_text(ALSA_TO_PULSE)
        return {**self.env, "ALSA_CONFIG_PATH": str(config)}

    def ready(self) -> bool:
        result = subprocess.run(["pactl", "info"], env=self.env, capture_output=True,
                                timeout=10, check=False)
        return result.returncode == 0

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start(folder: Path, *modules: str) -> PulseServer:
    """A server with a mono null sink ``out`` and ``modules`` (each "name args")."""
    runtime = folder / "runtime"
    runtime.mkdir(parents=True)
    runtime.chmod(0o700)
    loads = [f"--load=module-null-sink sink_name={SINK} rate={RATE} channels=1",
             f"--load=module-native-protocol-unix socket={runtime / 'native'}",
             *(f"--load={module}" for module in modules)]
    log = (folder / "pulseaudio.log").open("wb")
    process = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n", "--use-pid-file=no",
         "--disable-shm=yes", "--log-target=stderr", *loads],
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(folder)},
        stdout=log, stderr=log)
    server = PulseServer(folder, process)
    try:
        poll(lambda: process.poll() is None and server.ready(), STARTUP_LIMIT,
             "the PulseAudio server to start")
    except AssertionError:
        server.stop()
        raise
    return server


def tone_wav(path: Path, freq: float, seconds: float, level: float) -> Path:
    """A steady sine as a 16-bit mono WAV: the test's "music"."""
    import wave

    samples = array("h", (round(level * 32767 * math.sin(2 * math.pi * freq * n / RATE))
                          for n in range(int(seconds * RATE))))
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(RATE)
        writer.writeframes(samples.tobytes())
    return path


def level_at(samples: array[int], freq: float) -> float:
    """The amplitude of ``freq`` in ``samples`` (Goertzel), in sample units."""
    coeff = 2 * math.cos(2 * math.pi * freq / RATE)
    before = earlier = 0.0
    for value in samples:
        before, earlier = value + coeff * before - earlier, before
    power = before * before + earlier * earlier - coeff * before * earlier
    return 2 * math.sqrt(max(power, 0.0)) / len(samples)


def windows(raw: bytes, seconds: float) -> Iterator[array[int]]:
    """The recording cut into windows of ``seconds``."""
    samples = array("h", raw[: len(raw) - len(raw) % 2])
    size = int(seconds * RATE)
    for start in range(0, len(samples) - size + 1, size):
        yield samples[start:start + size]
