"""A signal Python had to drop (raised where it cannot be passed on) is sent again, and
the one sent again ends the process even when it lands before that hook has returned."""

from __future__ import annotations

import signal
import subprocess
import sys

HOOK_HELD_OPEN = """
import signal, threading, time
from warmup_tui.common import signals

signals.install()
held = []


class HeldOpen(threading.Timer):
    # The first re-send is made while the hook is still running: as on a loaded machine,
    # where the main thread can stay in the hook for longer than RESEND_SECONDS.
    def start(self):
        super().start()
        if not held:
            held.append(self)
            self.join()


threading.Timer = HeldOpen


class Dropped:
    def __del__(self):
        raise signals.Interrupted(signal.SIGTERM)


try:
    Dropped()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        time.sleep(0.01)
    print("never interrupted")
except KeyboardInterrupt as stop:
    print("interrupted", signals.exit_code(stop))
"""


def test_a_signal_sent_again_ends_the_process_even_inside_the_hook() -> None:
    result = subprocess.run([sys.executable, "-c", HOOK_HELD_OPEN], capture_output=True,
                            text=True, timeout=60)
    assert (result.stdout, result.stderr) == (f"interrupted {128 + signal.SIGTERM}\n", "")
