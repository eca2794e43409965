"""A headless run asks Linux for a short scheduler slice for the thread that keeps time,
so on a busy machine it gets the CPU back as soon as its sleep ends; nothing else it
starts gets one."""

from __future__ import annotations

import ctypes
import platform
import select
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from warmup_tui.runs.short_slice import SLICE_NS, ask_for_short_slice

_SCHED_GETATTR = {"x86_64": 315, "aarch64": 275}


def slice_of(tid: int) -> int:
    """The slice (ns) a thread runs with, from sched_getattr's sched_runtime."""
    attr = ctypes.create_string_buffer(48)
    libc = ctypes.CDLL(None, use_errno=True)
    assert libc.syscall(_SCHED_GETATTR[platform.machine()], tid, attr, 48, 0) == 0
    return int.from_bytes(attr.raw[24:32], sys.byteorder)


def kernel_grants_slices() -> bool:
    """Linux 6.12 and later; older kernels take the call and ignore the slice."""
    if sys.platform != "linux" or platform.machine() not in _SCHED_GETATTR:
        return False
    probe = "from warmup_tui.runs.short_slice import ask_for_short_slice as a; print(a())"
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    return ran.stdout.strip() == "True"


@pytest.fixture(autouse=True)
def _slices_granted() -> None:
    if not kernel_grants_slices():
        pytest.skip("this kernel has no per-thread slices")

STEPS = 'format = 1\nname = "Long"\n[[steps]]\nname = "Hold"\nduration = "10m"\n'


def test_a_headless_run_keeps_time_with_a_short_slice(work: Path,
                                                      cli_env: dict[str, str]) -> None:
    (work / "long.toml").write_text(STEPS)
    usual = slice_of(0)
    proc = subprocess.Popen([sys.executable, "-m", "warmup_tui", "run", "long.toml",
                             "--json", "--mute"], cwd=work, env=cli_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "no first line within 30 s"
        proc.stdout.readline()  # the session has started
        assert slice_of(proc.pid) == SLICE_NS != usual  # the main thread keeps time
    finally:
        proc.kill()
        proc.communicate()


def test_threads_started_afterwards_get_the_usual_slice() -> None:
    usual = slice_of(0)
    seen: dict[str, int] = {}

    def ask_then_start_a_thread() -> None:  # a thread of its own: pytest's is left alone
        seen["asked"] = ask_for_short_slice()
        seen["own"] = slice_of(0)
        later = threading.Thread(target=lambda: seen.update(later=slice_of(0)))
        later.start()
        later.join()

    asker = threading.Thread(target=ask_then_start_a_thread)
    asker.start()
    asker.join()
    assert seen == {"asked": True, "own": SLICE_NS, "later": usual}
