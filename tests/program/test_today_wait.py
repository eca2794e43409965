"""Headless ``warmup today`` waits for Enter between the warmup and the run on a terminal
(a real pty), never without one (a pipe), and not with ``--no-wait``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.program.support import REPO

FAST = ("--json", "--speed", "1000", "--mute", "--no-voice")
PROMPT = "press Enter to start the run"
LIMIT = 120.0


def _start(stdin: int, out: Path, err: Path, *args: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    with out.open("wb") as stdout, err.open("wb") as stderr:
        return subprocess.Popen([sys.executable, "-m", "warmup_tui", "today", *FAST, *args],
                                stdin=stdin, stdout=stdout, stderr=stderr, env=env, cwd=REPO)


def _until(condition: object, what: str) -> None:
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


def _routines(out: Path) -> list[str]:
    order: list[str] = []
    for line in out.read_text().splitlines():
        routine = json.loads(line)["routine"]
        if not order or order[-1] != routine:
            order.append(routine)
    return order


def test_on_a_terminal_the_run_waits_for_enter(tmp_path: Path) -> None:
    out, err = tmp_path / "out", tmp_path / "err"
    main, side = os.openpty()
    child = _start(side, out, err)
    os.close(side)
    try:
        _until(lambda: PROMPT in err.read_text(), "the prompt")
        assert child.poll() is None  # waiting, not finished
        assert _routines(out) == ["pre-run"]  # the warmup is over, the run not begun
        os.write(main, b"\n")
        assert child.wait(timeout=LIMIT) == 0
    finally:
        if child.poll() is None:
            child.kill()
        os.close(main)
    assert _routines(out) == ["pre-run", "build-to-30"]


def test_no_wait_on_a_terminal_goes_straight_on(tmp_path: Path) -> None:
    out, err = tmp_path / "out", tmp_path / "err"
    main, side = os.openpty()
    child = _start(side, out, err, "--no-wait")
    os.close(side)
    try:
        assert child.wait(timeout=LIMIT) == 0
    finally:
        if child.poll() is None:
            child.kill()
        os.close(main)
    assert PROMPT not in err.read_text()
    assert _routines(out) == ["pre-run", "build-to-30"]


def test_without_a_terminal_it_never_waits(tmp_path: Path) -> None:
    out, err = tmp_path / "out", tmp_path / "err"
    read, write = os.pipe()  # stdin a pipe that stays open and silent
    child = _start(read, out, err)
    os.close(read)
    try:
        assert child.wait(timeout=LIMIT) == 0
    finally:
        if child.poll() is None:
            child.kill()
        os.close(write)
    assert PROMPT not in err.read_text()
    assert _routines(out) == ["pre-run", "build-to-30"]
