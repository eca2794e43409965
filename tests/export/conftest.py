"""The real ``warmup`` command in a subprocess, with the test's own XDG folders."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from tests.cli.conftest import warmup_env
from warmup_tui.log import TrainingLog
from warmup_tui.log.rows import NewSession, Progress

Warmup = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


@pytest.fixture
def warmup(work: Path) -> Warmup:
    """``warmup("export", "next", "--text")``, run in ``work``; never raises."""
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "warmup_tui", *args], cwd=work,
                              env=warmup_env(), capture_output=True, text=True, timeout=60,
                              check=False)

    return run


def complete_programme_session(key: str, when: datetime) -> None:
    """A finished session of the bundled programme, written to the real log file through
    its own API, as a session run in the app writes it."""
    started = when.timestamp() - 1800
    new = NewSession(routine_id="build-to-30", routine_name=f"Build to 30, {key}",
                     started_at=started, planned_seconds=1800, segments_total=3, pid=1,
                     programme_id="build-to-30", programme_session=key)
    done = Progress(updated_at=when.timestamp(), actual_seconds=1800, run_seconds=480,
                    segments_done=3, last_index=2, last_step="Cooldown walk",
                    last_side=None, status="completed", ended_at=when.timestamp())
    with TrainingLog.open() as log:
        log.write_session(f"test-{key}", new, done)
