"""A process of its own that opens the sound streams, so the app's event loop never does.

simpleaudio holds the GIL while it opens an ALSA stream (1.7 ms on a plain device, up to
10 ms through PulseAudio, as long as the device takes when it is slow), so an open on any
thread of the app stalls its event loop. Here the app's side only queues a short request;
a writer thread of ours hands it to the player process through a pipe, and that process
opens the stream. A stuck device then stalls the player process, never the screen.

Requests: load a cue once (the process reads its WAV file and applies the volume, so the
app never holds the samples), play a loaded cue, play given samples, stop one
stream, stop all. The process answers each play with ``ok ID`` or ``failed ID reason`` on
its stdout, which a reader thread passes on. It ends when its stdin closes (the app ended,
or crashed) and, on Linux, is killed with its parent even while stuck in an open.

Run as ``python -m warmup_tui.audio.player_process PARENT_PID``.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import os
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from warmup_tui.audio.clip import VOLUME_STEPS, read_clip, scale

# op, stream id, rate (a load: the volume in VOLUME_STEPS), channels, name length, data length
HEADER = struct.Struct("<cIIBHI")
LOAD, PLAY_CUE, PLAY, STOP, STOP_ALL = b"L", b"C", b"P", b"S", b"A"
PR_SET_PDEATHSIG = 1
CLOSE_WAIT = 1.0  # at exit, how long the writer may take to hand over what is queued
DRAIN_SECONDS = 2.0  # once its pipe closes, how long the process lets a last cue ring out

Message = tuple[bytes, memoryview | bytes]


class RemoteHandle:
    """A stream played by the process: stopping it is a request; it counts as playing
    until the process has opened it and then for its length (the process is not asked
    again: that would mean waiting for it)."""

    def __init__(self, client: PlayerProcess, ident: int, seconds: float) -> None:
        self._client, self._ident, self._seconds = client, ident, seconds
        self._ends: float | None = None  # known once the process says it is open
        self._over = False

    def opened(self) -> None:
        self._ends = time.monotonic() + self._seconds

    def stop(self) -> None:
        if not self._over:
            self._over = True
            self._client.send(STOP, self._ident)

    def failed(self) -> None:
        self._over = True

    def is_playing(self) -> bool:
        if self._over:
            return False
        if self._ends is None:
            return self._client.alive
        return time.monotonic() < self._ends


class PlayerProcess:
    """The app's side: every method queues a request and returns at once.

    ``on_result(ok, reason)`` hears how each play went; ``on_dead(reason)`` is told once
    when the process cannot be started or has gone. Both are called from our threads.
    """

    def __init__(self, on_result: Callable[[bool, str], None],
                 on_dead: Callable[[str], None]) -> None:
        self._on_result, self._on_dead = on_result, on_dead
        self._queue: queue.SimpleQueue[Message | None] = queue.SimpleQueue()
        self._ids = itertools.count(1)
        self._handles: dict[int, RemoteHandle] = {}  # plays not yet answered
        self._process: subprocess.Popen[bytes] | None = None
        self._started = threading.Event()
        self._handed_over = threading.Event()  # closed: all that was queued is written
        self._closing = False
        self.alive = True
        self._writer = threading.Thread(target=self._serve, name="player-process", daemon=True)
        self._writer.start()

    # ----- requests (any thread) ---------------------------------------------------------

    def send(self, op: bytes, ident: int = 0, data: memoryview | bytes = b"", *,
             name: str = "", rate: int = 0, channels: int = 0) -> None:
        encoded = name.encode()
        header = HEADER.pack(op, ident, rate, channels, len(encoded), len(data)) + encoded
        self._queue.put((header, data))

    def load(self, name: str, path: Path, volume: float) -> None:
        """Have the process read a cue's 16-bit WAV file once, at ``volume`` (0..1)."""
        self.send(LOAD, 0, os.fsencode(path), name=name,
                  rate=round(max(0.0, min(1.0, volume)) * VOLUME_STEPS))

    def play_cue(self, name: str, seconds: float) -> RemoteHandle:
        return self._play(PLAY_CUE, seconds, b"", name=name)

    def play_buffer(self, data: bytes, channels: int, width: int, rate: int) -> RemoteHandle:
        """simpleaudio's call, played by the process (``width`` is always 2 here)."""
        return self._play(PLAY, len(data) / width / channels / rate, data, rate=rate,
                          channels=channels)

    def stop_all(self) -> None:
        for handle in list(self._handles.values()):
            handle.failed()
        self.send(STOP_ALL)

    def _play(self, op: bytes, seconds: float, data: bytes, **fields: Any) -> RemoteHandle:
        ident = next(self._ids)
        handle = RemoteHandle(self, ident, seconds)
        self._handles[ident] = handle
        self.send(op, ident, data, **fields)
        return handle

    def pid(self, timeout: float) -> int | None:
        """The process's id once it has started (for tests and the benchmark)."""
        self._started.wait(timeout)
        return self._process.pid if self._process is not None else None

    def close(self, timeout: float = CLOSE_WAIT) -> None:
        """Hand over what is queued (waiting up to ``timeout`` for that), then close the
        pipe: the process lets what plays ring out a moment and ends."""
        if self._closing:
            return
        self._closing, self.alive = True, False
        self._queue.put(None)
        self._handed_over.wait(timeout)

    # ----- our threads -------------------------------------------------------------------

    def _serve(self) -> None:
        # This thread starts the process and lives as long as the app: on Linux the
        # process is killed when the thread that started it ends.
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(os.getpid())], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
        except OSError as error:
            self._dead(f"cannot start it: {error}")
            self._handed_over.set()
            return
        finally:
            self._started.set()
        threading.Thread(target=self._read, args=(self._process.stdout,),
                         name="player-answers", daemon=True).start()
        pipe = self._process.stdin
        assert pipe is not None
        try:
            while (message := self._queue.get()) is not None:
                for part in message:
                    pipe.write(part)  # a raw pipe: write() of a blocking pipe takes it all
            pipe.close()
        except (OSError, ValueError) as error:
            self._dead(f"its pipe broke: {error}")
        self._handed_over.set()
        self._process.wait()  # this thread's end would kill the process: let it ring out

    def _read(self, answers: BinaryIO) -> None:
        for line in answers:
            parts = line.decode(errors="replace").rstrip("\n").split(" ", 2)
            word, ident, reason = [*parts, "", ""][:3]
            handle = self._handles.pop(int(ident), None) if ident.isdigit() else None
            if handle is not None and word == "ok":
                handle.opened()
            elif handle is not None:
                handle.failed()
            if word in ("ok", "failed"):
                self._on_result(word == "ok", reason)
        if not self._closing:
            self._dead("it ended")

    def _dead(self, reason: str) -> None:
        if self.alive:
            self.alive = False
            self._on_dead(reason)


# ----- the process -----------------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        import ctypes  # here, in the player process only: the app never needs it

        with contextlib.suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it was gone before the line above took effect
        sys.exit(0)


def _answer(out: BinaryIO, text: str) -> None:
    out.write(text.replace("\n", " ").encode() + b"\n")
    out.flush()


def serve(source: BinaryIO, out: BinaryIO, library: Any) -> None:
    """Read requests until ``source`` closes, playing each through ``library``."""
    clips: dict[str, tuple[bytes, int, int]] = {}
    playing: dict[int, Any] = {}
    while len(header := source.read(HEADER.size)) == HEADER.size:
        op, ident, rate, channels, name_size, size = HEADER.unpack(header)
        name = source.read(name_size).decode()
        data = source.read(size)
        if op == LOAD:
            with contextlib.suppress(Exception):  # unreadable: its plays fail, and say so
                clip = read_clip(Path(os.fsdecode(data)))
                clips[name] = (scale(clip.samples, rate / VOLUME_STEPS).tobytes(),
                               clip.channels, clip.rate)
        elif op in (PLAY, PLAY_CUE):
            samples, channels, rate = (clips.get(name, (b"", 1, 0)) if op == PLAY_CUE
                                       else (data, channels, rate))
            try:
                playing[ident] = library.play_buffer(samples, channels, 2, rate)
            except Exception as error:
                _answer(out, f"failed {ident} {error}")
            else:
                _answer(out, f"ok {ident}")
        elif op == STOP and ident in playing:
            playing.pop(ident).stop()
        elif op == STOP_ALL:
            library.stop_all()
            playing.clear()
        playing = {key: play for key, play in playing.items() if play.is_playing()}
    end = time.monotonic() + DRAIN_SECONDS
    while any(play.is_playing() for play in playing.values()) and time.monotonic() < end:
        time.sleep(0.01)
    library.stop_all()


def main(argv: list[str]) -> int:
    _die_with_parent(int(argv[1]))
    from warmup_tui.audio.alsa import mark_streams_as_events, silence_alsa

    silence_alsa()
    mark_streams_as_events()
    library = importlib.import_module("simpleaudio")  # failing, the app plays in-process
    serve(sys.stdin.buffer, sys.stdout.buffer, library)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
