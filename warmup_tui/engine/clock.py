"""Clocks the session engine reads time from: real, sped up for previews, or fake for tests."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the time in seconds, never going backwards."""

    speed: float

    def now(self) -> float: ...


class MonotonicClock:
    """Real time from ``time.monotonic``."""

    speed: float = 1.0

    def now(self) -> float:
        return time.monotonic()


class ScaledClock:
    """Session time running ``speed`` times faster than real time, for previews (``--speed``)."""

    def __init__(self, speed: float, source: Clock | None = None) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._source = source or MonotonicClock()
        self._origin = self._source.now()

    def now(self) -> float:
        return self._origin + (self._source.now() - self._origin) * self.speed


class FakeClock:
    """A clock that only moves when told to; tests use it instead of sleeping."""

    def __init__(self, start: float = 1000.0, speed: float = 1.0) -> None:
        self._now = start
        self.speed = speed

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._now += seconds

    def set(self, when: float) -> None:
        if when < self._now:
            raise ValueError("a clock cannot go backwards")
        self._now = when


def make_clock(speed: float = 1.0) -> Clock:
    """The clock a real session uses: plain monotonic time, or scaled for ``--speed``."""
    return MonotonicClock() if speed == 1.0 else ScaledClock(speed)
