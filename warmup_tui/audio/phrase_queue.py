"""Phrases rendered ahead of time: one background thread renders them (or loads them from
the disk cache) in the order they are queued, and keeps each scaled to the player's volume.

Nothing here waits on the engine except :meth:`PhraseQueue.wait_ready`, which is for before
a session starts. A phrase asked for before it is ready is queued, so it is there next time.
"""

from __future__ import annotations

import threading
import time
from array import array
from collections.abc import Iterator, Sequence
from typing import Protocol

from warmup_tui.audio.clip import scale
from warmup_tui.audio.speech_cache import SpeechCache


class HasVolume(Protocol):
    volume: float


class PhraseQueue:
    """The phrases of one voice: rendered, given up on, or waiting in the queue."""

    def __init__(self, player: HasVolume, cache: SpeechCache) -> None:
        self.player = player
        self.cache = cache
        self._lock = threading.Condition()
        self._ready: dict[str, array[int]] = {}
        self._scaled: dict[str, tuple[float, bytes]] = {}
        self._failed: set[str] = set()
        self._queue: list[str] = []
        self._worker: threading.Thread | None = None
        self._prepared: list[str] = []

    def prepare(self, texts: list[str], later: Sequence[str]) -> None:
        """Render ``texts`` (what :meth:`wait_ready` waits for), then ``later``; returns at
        once. Both in one batch: one engine process, one model load."""
        with self._lock:
            self._prepared = texts
        self.enqueue(list(dict.fromkeys([*texts, *later])))

    def wait_ready(self, timeout: float, count: int | None = None) -> bool:
        """Wait up to ``timeout`` seconds until the first ``count`` phrases of the last
        :meth:`prepare` (all when None) are rendered or given up on; True when they are."""
        deadline = time.monotonic() + timeout
        with self._lock:
            wanted = self._prepared if count is None else self._prepared[:count]
            # All of them: the later ones queued after them too.
            while any(t not in self._ready and t not in self._failed for t in wanted) or (
                    count is None and self._queue):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(left)
            return True

    def ready(self, text: str) -> bool:
        """True when ``text`` can be spoken at once."""
        with self._lock:
            return text in self._ready

    def failed(self, text: str) -> bool:
        """True when the engine could not render ``text``."""
        with self._lock:
            return text in self._failed

    def samples(self, text: str) -> array[int] | None:
        """``text``'s samples when rendered or already in the disk cache (a quick read;
        rendering is not); else None, and ``text`` is queued for next time."""
        with self._lock:
            samples, failed = self._ready.get(text), text in self._failed
        if samples is not None or failed:
            return samples
        samples = self.cache.cached(text)
        if samples is None:
            self.enqueue([text])
            return None
        with self._lock:
            self._ready[text] = samples
        return samples

    def scaled(self, text: str) -> bytes | None:
        """``text``'s samples at the player's volume now, as bytes; None as for samples()."""
        samples = self.samples(text)
        if samples is None:
            return None
        volume = self.player.volume
        with self._lock:
            scaled_at, data = self._scaled.get(text, (None, b""))
        if scaled_at != volume:  # the volume changed since it was rendered
            data = scale(samples, volume).tobytes()
            with self._lock:
                self._scaled[text] = (volume, data)
        return data

    def enqueue(self, texts: Sequence[str]) -> None:
        with self._lock:
            fresh = [t for t in texts
                     if t not in self._ready and t not in self._failed and t not in self._queue]
            self._queue.extend(fresh)
            if self._queue and self._worker is None:
                self._worker = threading.Thread(target=self._render_all, name="voice",
                                                daemon=True)
                self._worker.start()

    def _render_all(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._worker = None
                    self._lock.notify_all()
                    return
                batch = list(self._queue)
            for text, samples, scaled in self._rendered(batch):
                with self._lock:
                    if samples is None:
                        self._failed.add(text)
                    else:
                        self._ready[text] = samples
                        self._scaled[text] = scaled
                    if text in self._queue:
                        self._queue.remove(text)
                    self._lock.notify_all()

    def _rendered(self, batch: list[str]) -> Iterator[
            tuple[str, array[int] | None, tuple[float, bytes]]]:
        """Each phrase of ``batch`` rendered (the slow part, outside the lock) and scaled
        to the volume; a phrase the engine fails on, or any error, gives None for it."""
        done: set[str] = set()
        try:
            for text, samples in self.cache.get_many(batch):
                done.add(text)
                volume = self.player.volume
                data = scale(samples, volume).tobytes() if samples is not None else b""
                yield text, samples, (volume, data)
        except Exception:  # never a traceback from this thread; the words just go unsaid
            yield from ((text, None, (0.0, b"")) for text in batch if text not in done)
