"""Sending signals to a real ``warmup`` process at the moment it can first hear them."""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
# Python catches SIGINT from its first moment; SIGTERM and SIGHUP are caught once the
# entry point has installed its handlers, the first thing our code does.
OURS = (1 << (signal.SIGTERM - 1)) | (1 << (signal.SIGHUP - 1))


def wait_until_listening(pid: int, timeout: float = 15.0) -> None:
    """Until the process catches SIGTERM and SIGHUP (its SigCgt mask): before that, it is
    still the bare Python interpreter starting, which none of our code can speak for."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return  # already gone: whatever it did is checked by the caller
        caught = re.search(r"^SigCgt:\s*([0-9a-f]+)", status, re.M)
        # "warmup_tui" in the command: no longer the shell's fork, or env before its exec
        if b"warmup_tui" in command and caught and int(caught.group(1), 16) & OURS == OURS:
            return
        time.sleep(0.001)
    raise AssertionError("the app never installed its signal handlers")
