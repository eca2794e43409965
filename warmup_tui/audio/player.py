"""Plays the cue sounds through simpleaudio without ever blocking or raising.

``play(name)`` starts a stream and returns at once (simpleaudio writes the samples from its
own thread; we never wait for a sound on the caller). Each call opens its own stream, so two
cues that meet play over each other instead of one cutting the other off. With ``process``
(the TUI) the streams are opened by a player process (``player_process``), as simpleaudio
holds the GIL while it opens one; should that process die, sounds play here again. Only
then does the app load simpleaudio itself (``library``).

When there is no audio library, no sound device, or the library fails, the player falls
back to a bell callable for the rest of its life and says so once through ``on_notice``.
The session never notices: ``play`` cannot raise.

Threads: ``bell`` and ``on_notice`` are only ever called from inside ``play`` (or the
constructor), on the caller's thread, so a UI can pass its own methods. A failure seen by
the metronome's thread is held back and reported by the next ``play``.
"""

from __future__ import annotations

import atexit
import importlib.util
import threading
import time
import wave
import weakref
from array import array
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from warmup_tui.audio.clip import Clip, clip_seconds, read_clip, scale
from warmup_tui.audio.library import NO_LIBRARY, REMOTE, audio_library
from warmup_tui.audio.player_process import PlayerProcess
from warmup_tui.audio.quiet import QuietTracker, TimedStream
from warmup_tui.audio.synth import RATE, SOUNDS
from warmup_tui.common import paths
from warmup_tui.engine.clock import Clock, MonotonicClock

SOUND_NAMES: tuple[str, ...] = tuple(SOUNDS)
# With a player process, the app reads only the samples it mixes itself (the metronome's
# click): the process reads the cues, which here would take about 0.4 MB for nothing.
MIXED_HERE: tuple[str, ...] = ("click",)
FAILURES_BEFORE_GIVING_UP = 3  # after a good start, a few failed opens in a row mean it is gone
DRAIN_SECONDS = 2.0  # at exit, how long to let a last cue (the finish) ring out


class PlayHandle(Protocol):
    def stop(self) -> None: ...

    def is_playing(self) -> bool: ...


def _no_bell() -> None:
    return None


def _no_notice(message: str) -> None:
    return None


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
        process: bool = False,
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
        # what it plays, so no second copy is kept for it. With a player process, only
        # MIXED_HERE stays; every cue's length does.
        self._clips: dict[str, Clip] = {}
        self._seconds: dict[str, float] = {}
        self._library: Any = None
        # Real time (tests: a fake clock): when the sound last fell quiet.
        self.quiet = QuietTracker(clock or MonotonicClock())
        self._process: PlayerProcess | None = None
        self._load(in_process=not process)
        if process and self._library is not None:
            self._start_process()
        _PLAYERS.add(self)

    # ----- set-up ------------------------------------------------------------------------

    def _load(self, *, in_process: bool) -> None:
        if in_process:
            self._library = audio_library()
        elif importlib.util.find_spec("simpleaudio") is not None:  # found, not loaded
            self._library = REMOTE
        if self._library is None:
            self._notice(NO_LIBRARY)
            return
        if in_process:
            self._clips, bad = self._read_clips(SOUND_NAMES)
            self._seconds = {name: clip.seconds for name, clip in self._clips.items()}
        else:
            self._seconds, bad = self._read_lengths()
            self._clips = self._read_clips(MIXED_HERE)[0]
        if bad:
            self._notice(f"sound: cannot use {', '.join(bad)} in {self.sounds_dir}; "
                         "the bell stands in for those cues")

    def _read_clips(self, names: tuple[str, ...]) -> tuple[dict[str, Clip], list[str]]:
        """The cues ``names`` at the player's volume, and the files that could not be used."""
        clips, bad = {}, []
        for name in names:
            try:
                clip = read_clip(self.sounds_dir / f"{name}.wav")
            except (OSError, EOFError, ValueError, wave.Error):
                bad.append(f"{name}.wav")
                continue
            clips[name] = replace(clip, samples=scale(clip.samples, self.volume))
        return clips, bad

    def _read_lengths(self) -> tuple[dict[str, float], list[str]]:
        """Every cue's length from its file's header, and the files that could not be used."""
        seconds, bad = {}, []
        for name in SOUND_NAMES:
            try:
                seconds[name] = clip_seconds(self.sounds_dir / f"{name}.wav")
            except (OSError, EOFError, ValueError, wave.Error, ZeroDivisionError):
                bad.append(f"{name}.wav")
        return seconds, bad

    def _start_process(self) -> None:
        # Told weakly, so a player dropped without close() (a test's app) can be collected,
        # and takes its process with it.
        answered, died = weakref.WeakMethod(self._process_answered), weakref.WeakMethod(
            self._process_died)
        self._process = PlayerProcess(lambda ok, why: _call(answered, ok, why),
                                      lambda why: _call(died, why))
        weakref.finalize(self, self._process.close, 0.0)
        for name in self._seconds:
            self._process.load(name, self.sounds_dir / f"{name}.wav", self.volume)

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

    def seconds(self, name: str) -> float:
        """How long a cue sounds; 0.0 for one that cannot be played."""
        return self._seconds.get(name, 0.0)

    def play(self, name: str) -> None:
        """Start the named cue and return at once; the bell when sound is unavailable."""
        try:
            held, self._held_notice = self._held_notice, None
            if held:
                self._notice(held)
            library, seconds, process = self._library, self._seconds.get(name), self._remote()
            clip = self._clips.get(name)
            if library is None or seconds is None or (library is REMOTE and process is None):
                self._bell()  # (the process gone, the library not loaded here yet)
            elif process is not None:
                self._start(partial(process.play_cue, name, seconds), seconds, confirmed=False)
            elif clip is None or self._start(partial(
                    library.play_buffer, clip.samples, clip.channels, 2, clip.rate),
                    clip.seconds) is None:
                self._bell()  # (the process died before this cue was read again here)
        except Exception:
            return

    def play_samples(self, data: bytes, rate: int = RATE) -> PlayHandle | None:
        """Start raw 16-bit mono samples (already at the wanted volume); None when sound is
        unavailable or the stream could not start. Never rings the bell."""
        try:
            library, process = self._library, self._remote()
            if library is None or (library is REMOTE and process is None):
                return None
            opener = library if process is None else process
            return self._start(lambda: opener.play_buffer(data, 1, 2, rate),
                               len(data) / 2 / rate, cue=False, confirmed=process is None)
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
            if self._process is not None:
                self._process.stop_all()
            if self._library is not None:
                self._library.stop_all()
        except Exception:
            return

    def close(self) -> None:
        """Hand the player process what is queued and let it end (sounds play here after)."""
        if self._process is not None:
            self._process.close()

    def process_pid(self, timeout: float = 10.0) -> int | None:
        """The player process's id, once started; None when cues play in this process."""
        process = self._process
        return process.pid(timeout) if process is not None else None

    # ----- internals ---------------------------------------------------------------------

    def _remote(self) -> PlayerProcess | None:
        process = self._process
        return process if process is not None and process.alive else None

    def _process_answered(self, ok: bool, reason: str) -> None:
        # The process's thread: a failed open there counts as one here would.
        if ok:
            self._opened()
        else:
            self._failed(RuntimeError(reason), tell_now=False)

    def _process_died(self, reason: str) -> None:
        # The process's thread: the library and the cues load here, never on the app's
        # event loop.
        library = audio_library()
        clips = self._read_clips(SOUND_NAMES)[0] if library is not None else {}
        with self._lock:
            if self._library is not None:  # not given up on meanwhile
                self._clips = clips
                self._library = library
        self._held_notice = NO_LIBRARY if library is None else (
            f"sound: the sound player process stopped ({reason}); "
            "playing sounds in the app, which may stall the screen a moment")

    def _opened(self) -> None:
        with self._lock:
            self._failures = 0
            self._ever_played = True

    def _start(self, open_stream: Callable[[], PlayHandle], seconds: float, *,
               cue: bool = True, confirmed: bool = True) -> PlayHandle | None:
        """``confirmed``: the stream is open on return (in-process), not merely asked for."""
        try:
            handle: PlayHandle = TimedStream(open_stream(), self.quiet, self.quiet.begin(seconds))
        except Exception as error:
            self._failed(error, tell_now=cue)
            return None
        if confirmed:
            self._opened()
        with self._lock:
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


def _call(method: weakref.WeakMethod[Callable[..., None]], *args: Any) -> None:
    bound = method()
    if bound is not None:
        bound(*args)


_PLAYERS: weakref.WeakSet[Player] = weakref.WeakSet()


@atexit.register
def _drain_at_exit() -> None:
    # A process that ends right after its last cue (a headless run's finish) would cut
    # the sound off; give it a moment to ring out. Then stop what is left (a metronome
    # chunk) so no audio thread outlives the interpreter.
    for player in list(_PLAYERS):
        player.wait_idle()
        player.stop_all()
        player.close()
