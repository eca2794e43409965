"""Helpers for the programme tests: real programmes, a real Session on a FakeClock."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.events import Event
from warmup_tui.engine.timeline import Segment
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.model import Programme
from warmup_tui.runs.headless import run_headless

REPO = Path(__file__).resolve().parents[2]
# 2024-03-04 was a Monday. A fixed zone keeps "this week" the same wherever tests run.
ZONE = timezone(timedelta(hours=1))
MONDAY = datetime(2024, 3, 4, 7, 0, tzinfo=ZONE)


def bundled() -> Programme:
    return resolve_programme("build-to-30")


def day(offset: float, hour: int = 7) -> datetime:
    """``offset`` days after the Monday in the tests, at ``hour``."""
    return MONDAY.replace(hour=hour) + timedelta(days=offset)


class Collect:
    """An event sink that keeps every event."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def handle(self, event: Event) -> None:
        self.events.append(event)


def run_on_fake_clock(segments: list[Segment], *sinks: object) -> list[Event]:
    """Run a real Session to its end; the fake clock moves only when the runner 'sleeps'."""
    clock = FakeClock()
    collect = Collect()
    run_headless(segments, clock, [collect, *sinks], sleep=clock.advance)  # type: ignore[list-item]
    return collect.events


def warmup(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line in a subprocess (XDG folders come from the test's env)."""
    return subprocess.run(
        [sys.executable, "-m", "warmup_tui", *args], capture_output=True, text=True,
        timeout=120, cwd=cwd or REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
