"""Rendered phrases kept on disk, so a phrase is rendered once per machine, not per run.

Each phrase is stored ready to play (16-bit mono, 44.1 kHz WAV, before volume) as
``cache_dir()/speech/<hash>.wav``, the hash taken over the text, voice, rate and engine,
so changing any of them renders afresh. Files appear atomically: the engine writes to a
temporary name and the converted result is renamed into place, so a reader (another
instance of the app, or a crash half-way) never sees half a file; what a killed app left
is removed at the next start (render_leftovers). A file that cannot be read is rendered
again.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import wave
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

from warmup_tui.audio import piper_engine
from warmup_tui.audio.render_leftovers import speech_dir, temporary_prefix
from warmup_tui.audio.speech_engine import Engine, render
from warmup_tui.audio.speech_pcm import load_for_player, read_wav, write_wav
from warmup_tui.audio.synth import RATE

FORMAT = 1  # bump when the stored format changes, so old files are not read as new


class SpeechCache:
    """Phrases for one engine, voice and rate. Thread-safe: it holds no mutable state."""

    def __init__(self, engine: Engine, voice: str, rate: int,
                 folder: Path | None = None) -> None:
        self.engine = engine
        self.voice = voice
        self.rate = rate
        self.folder = folder or speech_dir()

    def path_for(self, text: str) -> Path:
        parts: list[object] = [FORMAT, self.engine.name, self.voice, self.rate, text]
        if self.engine.model:  # Piper: the model is the voice
            parts.append(Path(self.engine.model).name)
        key = json.dumps(parts)
        # Loaded on first use: hashlib starts OpenSSL's digests, over half a megabyte that
        # a muted session, which says nothing, never needs.
        import hashlib

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

    def get_many(self, texts: Sequence[str]) -> Iterator[tuple[str, array[int] | None]]:
        """(text, samples or None) for each of ``texts``, in order, each as soon as it is
        ready: cached ones at once, the rest rendered. An engine whose start-up is the slow
        part (Piper loads a model) renders all the missing ones in one process."""
        missing = []
        for text in texts:
            samples = self.cached(text)
            if samples is not None:
                yield text, samples
            else:
                missing.append(text)
        if not missing:
            return
        if not self.engine.batch:
            for text in missing:
                yield text, self.get(text)
            return
        yield from self._render_batch(missing)

    def _render_batch(self, texts: list[str]) -> Iterator[tuple[str, array[int] | None]]:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            batch = Path(tempfile.mkdtemp(prefix=temporary_prefix("batch"), dir=self.folder))
        except OSError:
            yield from ((text, None) for text in texts)
            return
        try:
            for text, written in piper_engine.render_batch(
                    self.engine.path, self.engine.model, self.rate, texts, batch):
                yield text, self._store(text, written) if written else None
        finally:
            shutil.rmtree(batch, ignore_errors=True)

    def _render(self, text: str) -> array[int] | None:
        raw = _temporary(self.folder, ".engine.wav")
        try:
            if not render(self.engine, text, self.voice, self.rate, raw):
                return None
            return self._store(text, raw)
        finally:
            with contextlib.suppress(OSError):
                raw.unlink()

    def _store(self, text: str, raw: Path) -> array[int] | None:
        """The engine's WAV file converted, kept under the phrase's name, and returned."""
        ready = _temporary(self.folder, ".wav")
        try:
            samples = load_for_player(raw)
            if not samples:
                return None
            write_wav(ready, samples)
            os.replace(ready, self.path_for(text))
            return samples
        except (OSError, EOFError, ValueError, wave.Error):
            return None
        finally:
            with contextlib.suppress(OSError):
                ready.unlink()


def _temporary(folder: Path, suffix: str) -> Path:
    # The pid in the name: a file left by a killed app is told from one being written.
    fd, name = tempfile.mkstemp(prefix=temporary_prefix("phrase"), suffix=suffix, dir=folder)
    os.close(fd)
    return Path(name)
