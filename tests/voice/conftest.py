"""Fixtures for speech: the real espeak-ng, and a wrapper that logs every call to it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.audio.conftest import Capture, capture  # noqa: F401  (fixture, used by name)

ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed "
                                  "(apt-get install -y espeak-ng; setup.sh test does it)")


@dataclass
class LoggedEngine:
    """A folder holding an ``espeak-ng`` that appends its arguments to ``log`` and then
    runs the real one. Put ``bin`` first on PATH to count engine starts."""

    bin: Path
    log: Path

    @property
    def path(self) -> Path:
        return self.bin / "espeak-ng"

    def calls(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []


def make_wrapper(folder: Path, real: str, *, delay: float = 0.0) -> LoggedEngine:
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "calls.log"
    script = folder / "espeak-ng"
    pause = f"sleep {delay}\n" if delay else ""
    # printf '%s|' keeps each argument as it was given, without the shell reading it.
    script.write_text(f'#!/bin/sh\nprintf "%s|" "$@" >> "{log}"\necho >> "{log}"\n'
                      f'{pause}exec "{real}" "$@"\n')
    script.chmod(0o755)
    return LoggedEngine(folder, log)


@pytest.fixture
def logged_engine(tmp_path: Path) -> LoggedEngine:
    if ESPEAK is None:
        pytest.skip("espeak-ng is not installed")
    return make_wrapper(tmp_path / "bin", ESPEAK)
