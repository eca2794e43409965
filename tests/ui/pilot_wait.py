"""Waiting in Pilot tests for a condition, never for a fixed time."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

POLL_SECONDS = 0.02


async def wait_until(pilot: Pilot[object], condition: Callable[[], bool], what: str,
                     timeout: float = 15.0) -> None:
    """Let the app run until ``condition()`` holds; fail naming ``what`` after ``timeout``
    seconds (generous, for a loaded machine: a passing test never waits that long)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        await pilot.pause(POLL_SECONDS)
