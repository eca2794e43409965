"""When this process's sound last fell quiet: each stream's span on a clock, ended early
when it is stopped. The Bluetooth wake asks it whether a cue follows silence."""

from __future__ import annotations

import itertools
import threading
from typing import Protocol

from warmup_tui.engine.clock import Clock


class QuietTracker:
    """Spans of sound on ``clock``; see the module docstring. Thread-safe: the metronome
    starts and stops its streams from its own thread."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._ends: dict[int, float] = {}  # streams not known to be over: their planned end
        self._last_end = float("-inf")
        self._tokens = itertools.count()

    def begin(self, seconds: float) -> int:
        """A stream of ``seconds`` starts now; the token ends it early with :meth:`cut`."""
        token = next(self._tokens)
        with self._lock:
            self._ends[token] = self.clock.now() + seconds
        return token

    def cut(self, token: int) -> None:
        """The stream was stopped now, before its planned end (or after: no matter)."""
        now = self.clock.now()
        with self._lock:
            end = self._ends.pop(token, None)
            if end is not None:
                self._last_end = max(self._last_end, min(end, now))

    def cut_all(self) -> None:
        for token in list(self._ends):
            self.cut(token)

    def quiet_since(self) -> float:
        """The clock time the last sound ends (in the future while one plays; -inf when
        nothing has played)."""
        with self._lock:
            return max([self._last_end, *self._ends.values()])


class Stream(Protocol):
    def stop(self) -> None: ...

    def is_playing(self) -> bool: ...


class TimedStream:
    """A stream whose stop is told to the quiet tracker (a stopped metronome chunk is
    silence from then on, not at its planned end)."""

    def __init__(self, handle: Stream, quiet: QuietTracker, token: int) -> None:
        self._handle, self._quiet, self._token = handle, quiet, token

    def stop(self) -> None:
        self._quiet.cut(self._token)
        self._handle.stop()

    def is_playing(self) -> bool:
        return self._handle.is_playing()
