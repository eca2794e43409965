"""SIGINT, SIGTERM and SIGHUP sent to a headless run (``--json``) at random moments of its
start-up and mid-session: no traceback ever, exit 128 + the signal's number, and the
session, if it had begun, recorded as stopped in the real log file."""

from __future__ import annotations

import random
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from signal_support import SIGNALS, wait_until_listening

from warmup_tui.log import TrainingLog

pytestmark = pytest.mark.slow


def start(work: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "warmup_tui", "run", "pre-run", "--json", "--mute"],
        cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # A shell running tests in the background may ignore SIGINT, and children inherit
        # that; give the child the normal Ctrl+C behaviour a terminal user has.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def ended(proc: subprocess.Popen[str]) -> tuple[str, str]:
    try:
        return proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def assert_no_session_left_running() -> None:
    with TrainingLog.open() as log:
        assert [row.status for row in log.sessions() if row.status == "running"] == []


def test_signals_at_random_moments_of_start_up_never_show_a_traceback(
        work: Path, cli_env: dict[str, str]) -> None:
    chance = random.Random(9)
    for attempt in range(20):
        signum = SIGNALS[attempt % len(SIGNALS)]
        proc = start(work, cli_env)
        wait_until_listening(proc.pid)
        # a random moment of start-up or of the first second, not a wait for something
        select.select([], [], [], chance.uniform(0.0, 0.4))
        proc.send_signal(signum)
        _, errors = ended(proc)
        assert "Traceback" not in errors and "KeyboardInterrupt" not in errors, errors
        assert proc.returncode == 128 + signum, errors
        assert_no_session_left_running()


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_signal_mid_session_records_it_as_stopped(
        work: Path, cli_env: dict[str, str], signum: int) -> None:
    proc = start(work, cli_env)
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 20)
    assert ready, "no first line within 20 s"
    proc.stdout.readline()  # the first segment has started
    proc.send_signal(signum)
    _, errors = ended(proc)
    assert (proc.returncode, errors) == (128 + signum, "")
    with TrainingLog.open() as log:
        [row] = log.sessions()
    assert (row.status, row.last_step) == ("stopped", "Hip flexor stretch")
