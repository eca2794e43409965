"""Plays the cue sounds through simpleaudio without ever blocking or raising.

``play(name)`` starts a stream and returns at once (simpleaudio writes the samples from its
own thread; we never wait for a sound on the caller). Each call opens its own stream, so two
cues that meet play over each other instead of one cutting the other off.

When there is no audio library, no sound device, or the library fails, the player falls
back to a bell callable for the rest of its life and says so once through ``on_notice``.
The session never notices: ``play`` cannot raise.

Threads: ``bell`` and ``on_notice`` are only ever called from inside ``play`` (or the
constructor), on the caller's thread, so a UI can pass its own methods. A failure seen by
the metronome's thread is held back and reported by the next ``play``.
"""

from __future__ import annotations

import atexit
import importlib
import threading
import time
import wave
import weakref
from array import array
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from warmup_tui.audio.alsa import mark_streams_as_events, silence_alsa
from warmup_tui.audio.quiet import QuietTracker
from warmup_tui.audio.synth import RATE, SOUNDS
from warmup_tui.common import paths
from warmup_tui.engine.clock import Clock, MonotonicClock

SOUND_NAMES: tuple[str, ...] = tuple(SOUNDS)
FAILURES_BEFORE_GIVING_UP = 3  # after a good start, a few failed opens in a row mean it is gone
DRAIN_SECONDS = 2.0  # at exit, how long to let a last cue (the finish) ring out


class PlayHandle(Protocol):
    def stop(self) -> None: ...

    def is_playing(self) -> bool: ...


@dataclass(frozen=True)
class Clip:
    """A sound's samples: as read from its WAV file, or once the player's volume is applied."""

    samples: array[int]
    channels: int
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.channels / self.rate


def _no_bell() -> None:
    return None


def _no_notice(message: str) -> None:
    return None


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


class Player:
    """The app's sound output. Build one per app; see the module docstring."""

    def __init__(
        self,
        sounds_dir: Path | None = None,
        *,
        volume: float = 0.8,
        bell: Callable[[], None] = _no_bell,
        on_notice: Callable[[str], None] = _no_notice,
        clock: Clock | None = None,
    ) -> None:
        self.sounds_dir = sounds_dir or paths.bundled_dir("sounds")
        self.volume = volume
        self._bell = bell
        self._on_notice = on_notice
        self._lock = threading.Lock()
        self._noticed = False
        self._held_notice: str | None = None  # seen off the caller's thread; told by play()
        self._failures = 0
        self._ever_played = False
        self._playing: list[PlayHandle] = []  # cues only: what an exit lets ring out
        # Each cue once, at the player's volume (fixed for its life): simpleaudio copies
        # what it plays, so no second copy is kept for it.
        self._clips: dict[str, Clip] = {}
        self._library: Any = None
        # Real time (tests: a fake clock): when the sound last fell quiet.
        self.quiet = QuietTracker(clock or MonotonicClock())
        self._load()
        _PLAYERS.add(self)

    # ----- set-up ------------------------------------------------------------------------

    def _load(self) -> None:
        silence_alsa()  # before anything can open a device
        mark_streams_as_events()  # read by libpulse when each stream opens
        try:
            self._library = importlib.import_module("simpleaudio")
        except Exception:  # ImportError, or a broken build failing to load its library
            self._notice("sound: the audio library (simpleaudio) is not available; "
                         "using the terminal bell")
            return
        bad = []
        for name in SOUND_NAMES:
            try:
                clip = read_clip(self.sounds_dir / f"{name}.wav")
            except (OSError, EOFError, ValueError, wave.Error):
                bad.append(f"{name}.wav")
                continue
            self._clips[name] = replace(clip, samples=scale(clip.samples, self.volume))
        if bad:
            self._notice(f"sound: cannot use {', '.join(bad)} in {self.sounds_dir}; "
                         "the bell stands in for those cues")

    # ----- public ------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """True while sounds are being played (False once fallen back to the bell)."""
        return self._library is not None

    def samples(self, name: str) -> array[int] | None:
        """A sound's samples at the current volume (mono 44.1 kHz sounds only), or None."""
        clip = self._clips.get(name)
        if clip is None or clip.channels != 1 or clip.rate != RATE:
            return None
        return array("h", clip.samples)  # a copy: the caller may change it

    def play(self, name: str) -> None:
        """Start the named cue and return at once; the bell when sound is unavailable."""
        try:
            library, clip = self._library, self._clips.get(name)
            if (library is not None and clip is not None and self._start(
                    partial(library.play_buffer, clip.samples, clip.channels, 2, clip.rate),
                    clip.seconds) is not None):
                return
            held, self._held_notice = self._held_notice, None
            if held:
                self._notice(held)
            self._bell()
        except Exception:
            return

    def play_samples(self, data: bytes, rate: int = RATE) -> PlayHandle | None:
        """Start raw 16-bit mono samples (already at the wanted volume); None when sound is
        unavailable or the stream could not start. Never rings the bell."""
        try:
            library = self._library
            if library is None:
                return None
            return self._start(lambda: library.play_buffer(data, 1, 2, rate),
                               len(data) / 2 / rate, cue=False)
        except Exception:
            return None

    def wait_idle(self, timeout: float = DRAIN_SECONDS) -> None:
        """Wait (up to ``timeout``) for sounds still playing; for exits, never for the UI."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                self._prune()
                if not self._playing:
                    return
            time.sleep(0.01)

    def stop_all(self) -> None:
        """Stop every stream of this process, cues and metronome alike."""
        with self._lock:
            self._playing = []
        self.quiet.cut_all()
        try:
            if self._library is not None:
                self._library.stop_all()
        except Exception:
            return

    # ----- internals ---------------------------------------------------------------------

    def _start(self, open_stream: Callable[[], PlayHandle], seconds: float, *,
               cue: bool = True) -> PlayHandle | None:
        try:
            handle: PlayHandle = _Timed(open_stream(), self.quiet, self.quiet.begin(seconds))
        except Exception as error:
            self._failed(error, tell_now=cue)
            return None
        with self._lock:
            self._failures = 0
            self._ever_played = True
            if cue:
                self._prune()
                self._playing.append(handle)
        return handle

    def _failed(self, error: Exception, *, tell_now: bool) -> None:
        with self._lock:
            self._failures += 1
            # A device that never opened is missing; one that worked may just be busy for a
            # moment, so only a run of failures means it is gone.
            give_up = not self._ever_played or self._failures >= FAILURES_BEFORE_GIVING_UP
            if give_up:
                self._library = None
        if give_up:
            reason = str(error).split(" -- ")[0].strip().rstrip(".") or type(error).__name__
            message = (f"sound: no sound device could be used ({reason}); "
                       "using the terminal bell")
            if tell_now:
                self._notice(message)
            else:
                self._held_notice = message

    def _prune(self) -> None:
        still = []
        for handle in self._playing:
            try:
                if handle.is_playing():
                    still.append(handle)
            except Exception:
                continue
        self._playing = still

    def _notice(self, message: str) -> None:
        with self._lock:
            if self._noticed:
                return
            self._noticed = True
        try:
            self._on_notice(message)
        except Exception:
            return


class _Timed:
    """A stream whose stop is told to the quiet tracker (a stopped metronome chunk is
    silence from then on, not at its planned end)."""

    def __init__(self, handle: PlayHandle, quiet: QuietTracker, token: int) -> None:
        self._handle, self._quiet, self._token = handle, quiet, token

    def stop(self) -> None:
        self._quiet.cut(self._token)
        self._handle.stop()

    def is_playing(self) -> bool:
        return self._handle.is_playing()


_PLAYERS: weakref.WeakSet[Player] = weakref.WeakSet()


@atexit.register
def _drain_at_exit() -> None:
    # A process that ends right after its last cue (a headless run's finish) would cut
    # the sound off; give it a moment to ring out. Then stop what is left (a metronome
    # chunk) so no audio thread outlives the interpreter.
    for player in list(_PLAYERS):
        player.wait_idle()
        player.stop_all()
