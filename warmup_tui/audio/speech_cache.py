"""Rendered phrases kept on disk, so a phrase is rendered once per machine, not per run.

Each phrase is stored ready to play (16-bit mono, 44.1 kHz WAV, before volume) as
``cache_dir()/speech/<hash>.wav``, the hash taken over the text, voice, rate and engine,
so changing any of them renders afresh. Files appear atomically: the engine writes to a
temporary name and the converted result is renamed into place, so a reader (another
instance of the app, or a crash half-way) never sees half a file. A file that cannot be
read is rendered again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import wave
from array import array
from pathlib import Path

from warmup_tui.audio.speech_engine import Engine, render
from warmup_tui.audio.speech_pcm import load_for_player, read_wav, write_wav
from warmup_tui.audio.synth import RATE
from warmup_tui.common import paths

FORMAT = 1  # bump when the stored format changes, so old files are not read as new


def speech_dir() -> Path:
    return paths.cache_dir() / "speech"


class SpeechCache:
    """Phrases for one engine, voice and rate. Thread-safe: it holds no mutable state."""

    def __init__(self, engine: Engine, voice: str, rate: int,
                 folder: Path | None = None) -> None:
        self.engine = engine
        self.voice = voice
        self.rate = rate
        self.folder = folder or speech_dir()

    def path_for(self, text: str) -> Path:
        key = json.dumps([FORMAT, self.engine.name, self.voice, self.rate, text])
        return self.folder / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.wav"

    def cached(self, text: str) -> array[int] | None:
        """The phrase's samples when already on disk and readable, else None."""
        try:
            samples, channels, rate = read_wav(self.path_for(text))
        except (OSError, EOFError, ValueError, wave.Error):
            return None
        if channels != 1 or rate != RATE or not samples:
            return None
        return samples

    def get(self, text: str) -> array[int] | None:
        """The phrase's samples, rendering it first when it is not cached yet; None when
        the engine fails or the cache folder cannot be written. May take a while: call it
        off the UI thread."""
        samples = self.cached(text)
        if samples is not None:
            return samples
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            return self._render(text)
        except (OSError, EOFError, ValueError, wave.Error):
            return None

    def _render(self, text: str) -> array[int] | None:
        target = self.path_for(text)
        raw = _temporary(self.folder, ".engine.wav")
        ready = _temporary(self.folder, ".wav")
        try:
            if not render(self.engine, text, self.voice, self.rate, raw):
                return None
            samples = load_for_player(raw)
            if not samples:
                return None
            write_wav(ready, samples)
            os.replace(ready, target)
            return samples
        finally:
            for leftover in (raw, ready):
                with contextlib.suppress(OSError):
                    leftover.unlink()


def _temporary(folder: Path, suffix: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=".phrase.", suffix=suffix, dir=folder)
    os.close(fd)
    return Path(name)
