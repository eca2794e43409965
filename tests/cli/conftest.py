"""Runs the real ``warmup`` command in a subprocess, with the test's isolated XDG folders."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

Warmup = Callable[..., subprocess.CompletedProcess[str]]


def warmup_env() -> dict[str, str]:
    env = dict(os.environ)  # already points XDG_* at the test's own folders (tests/conftest)
    env["PYTHONPATH"] = str(REPO)
    env.pop("PYTHONWARNINGS", None)
    return env


@pytest.fixture
def warmup(tmp_path: Path) -> Warmup:
    """Call as ``warmup("list", "--json")``; runs in a scratch folder, never raises."""
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)

    def run(*args: str, cwd: Path | None = None, timeout: float = 30) -> (
        subprocess.CompletedProcess[str]
    ):
        return subprocess.run(
            [sys.executable, "-m", "warmup_tui", *args], cwd=cwd or work, env=warmup_env(),
            capture_output=True, text=True, timeout=timeout, check=False,
        )

    return run


@pytest.fixture
def cli_env() -> dict[str, str]:
    """The environment ``warmup`` subprocesses run with."""
    return warmup_env()


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """The folder ``warmup`` runs in; relative file names are shown relative to it."""
    folder = tmp_path / "work"
    folder.mkdir(exist_ok=True)
    return folder
