"""A process killed with SIGKILL in the middle of a save loop never leaves a routine file
that fails to load: the file, and its .bak, are always one whole version or the other."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from warmup_tui.routines.files import load_routine, save_routine

from .save_loop import version

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 20

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def test_sigkill_mid_save_always_leaves_a_loadable_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    save_routine(version(0), path)
    versions = {version(0).name: version(0), version(1).name: version(1)}
    rng = random.Random(6)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    saves_seen = 0
    for _ in range(ROUNDS):
        process = subprocess.Popen(
            # by path: "-m tests.editor..." would find garmin-fit-sdk's own "tests" package
            [sys.executable, str(REPO / "tests" / "editor" / "save_loop.py"), str(path)],
            cwd=REPO, env=env,
            stdout=subprocess.PIPE, text=True)
        try:
            assert process.stdout is not None
            first = process.stdout.readline()  # saving has begun
            assert first.startswith("saved"), first
            time.sleep(rng.uniform(0, 0.05))  # then kill it at a random moment
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            if process.stdout is not None:
                saves_seen += 1 + len(process.stdout.read().splitlines())
                process.stdout.close()
        assert process.returncode == -signal.SIGKILL
        loaded = load_routine(path).routine
        assert loaded == versions[loaded.name]
        backup = path.with_name("mine.toml.bak")
        assert load_routine(backup).routine.name in versions
    # The kills landed among many saves, not before the first one.
    assert saves_seen > ROUNDS
    # A killed save can leave its hidden temporary file behind, never a stray .toml.
    assert sorted(p.name for p in tmp_path.glob("*.toml")) == ["mine.toml"]
