"""Half-rendered phrase files a killed app left in the speech cache go at the next start:
those of a process that is gone, and any older than a render takes; never another running
app's render in progress, nor a cached phrase."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.audio.conftest import Capture
from tests.voice.conftest import ESPEAK, make_wrapper, needs_espeak
from warmup_tui.audio.render_leftovers import STALE_AFTER, remove_leftovers

LIMIT = 60.0  # seconds: generous, for a loaded machine; polled, never slept


@pytest.fixture
def gone_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


@pytest.fixture
def live_pid() -> Iterator[int]:
    """The id of another process that is running (another app, as far as the files go)."""
    child = subprocess.Popen(["sleep", "600"])
    yield child.pid
    child.kill()
    child.wait()


def touch(path: Path, age: float = 0.0) -> Path:
    path.write_bytes(b"RIFF")
    when = time.time() - age
    os.utime(path, (when, when))
    return path


def test_only_leftovers_of_a_gone_process_or_too_old_are_removed(
        tmp_path: Path, gone_pid: int, live_pid: int) -> None:
    speech = tmp_path / "speech"
    speech.mkdir()
    old = STALE_AFTER + 60
    gone = touch(speech / f".phrase.{gone_pid}.a1b2.engine.wav")
    gone_batch = speech / f".batch.{gone_pid}.c3d4"
    gone_batch.mkdir()
    touch(gone_batch / "0.wav")
    rendering = touch(speech / f".phrase.{live_pid}.e5f6.wav")
    ours = touch(speech / f".phrase.{os.getpid()}.g7h8.wav")
    stuck = touch(speech / f".phrase.{live_pid}.i9j0.wav", age=old)  # pid reused
    old_style = touch(speech / ".phrase.k1l2.wav", age=old)  # from before pids in names
    old_style_fresh = touch(speech / ".phrase.m3n4.wav")
    cached = touch(speech / f"{'0' * 64}.wav", age=old)
    other = touch(speech / "notes.txt", age=old)

    removed = remove_leftovers(speech)

    assert sorted(removed) == sorted([gone, gone_batch, stuck, old_style])
    assert sorted(speech.iterdir()) == sorted(
        [rendering, ours, old_style_fresh, cached, other])


def test_no_cache_folder_yet_is_nothing_to_do(tmp_path: Path) -> None:
    assert remove_leftovers(tmp_path / "speech") == []


def leftovers(speech: Path) -> list[Path]:
    return sorted(speech.glob(".phrase.*")) if speech.is_dir() else []


@needs_espeak
def test_a_render_cut_by_sigkill_is_removed_at_the_next_start(
        capture: Capture, tmp_path: Path, isolated_home: Path) -> None:
    assert ESPEAK is not None
    slow = make_wrapper(tmp_path / "bin", ESPEAK, delay=600)  # still rendering when killed
    env = {**capture.env, "PATH": f"{slow.bin}{os.pathsep}{os.environ['PATH']}"}
    command = [sys.executable, "-m", "warmup_tui", "run", "after-run", "--json", "--voice"]
    speech = isolated_home / ".cache" / "warmup-tui" / "speech"
    app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + LIMIT
        while not leftovers(speech):
            assert time.monotonic() < deadline, "no phrase was being rendered"
            time.sleep(0.05)  # polling for the file, not waiting for a time
    finally:
        os.killpg(app.pid, signal.SIGKILL)  # the app and its engine, as a crash would
        app.wait()
    left = leftovers(speech)
    assert left and all(f".phrase.{app.pid}." in path.name for path in left)

    again = subprocess.run([*command[:-1], "--no-voice", "--speed", "1000"], env=capture.env,
                           capture_output=True, text=True, timeout=LIMIT)

    assert again.returncode == 0, again.stderr
    assert leftovers(speech) == []
