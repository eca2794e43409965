"""A private tmux server for the benchmark: start apps in 100x30 panes, read the screen, clean up.

The server runs on its own socket so it never meets anyone else's tmux sessions, and
every session it starts is killed by name when the driver closes, error or not.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from procstat import alive

WIDTH, HEIGHT = 100, 30


class TmuxDriver:
    def __init__(self, socket: str) -> None:
        self.socket = socket
        self._sessions: list[str] = []
        # A placeholder keeps the server up between apps, so no launch pays for starting it.
        self.keeper = self.start("keep", ["sleep", "86400"])
        self._socket_path = self._tmux("display-message", "-p", "-t", self.keeper,
                                       "#{socket_path}").strip()

    def _tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=check)
        return done.stdout

    def start(self, label: str, argv: list[str], env: Mapping[str, str] | None = None) -> str:
        """Runs ``argv`` (exec'd, so the pane's pid is the app's) in a new session."""
        name = f"wb-{os.getpid()}-{label}"
        prefix = ["env", *(f"{k}={v}" for k, v in (env or {}).items())] if env else []
        self._sessions.append(name)
        self._tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT),
                   "exec " + shlex.join([*prefix, *argv]))
        return name

    def capture(self, name: str) -> str:
        return self._tmux("capture-pane", "-p", "-t", name)

    def pane_pid(self, name: str) -> int:
        return int(self._tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def server_pid(self) -> int:
        return int(self._tmux("display-message", "-p", "-t", self.keeper, "#{pid}").strip())

    def wait_for(self, name: str, seen: Callable[[str], bool], timeout: float,
                 every: float = 0.01) -> float:
        """Polls the pane until ``seen(text)``; returns the monotonic time it was first seen."""
        limit = time.monotonic() + timeout
        while True:
            text = self.capture(name)
            now = time.monotonic()
            if seen(text):
                return now
            if now > limit:
                raise TimeoutError(f"{name}: expected text not shown after {timeout:.0f} s; "
                                   f"the pane shows:\n{text}")
            time.sleep(every)

    def kill(self, name: str, pid: int | None = None) -> None:
        """Kills the session by name and waits (up to 5 s) for its app to be gone."""
        self._tmux("kill-session", "-t", name, check=False)
        if name in self._sessions:
            self._sessions.remove(name)
        limit = time.monotonic() + 5
        while pid is not None and alive(pid) and time.monotonic() < limit:
            time.sleep(0.02)

    def close(self) -> None:
        """Kills every session still open, by name; the server then exits, so its socket goes."""
        for name in list(self._sessions):
            self.kill(name)
        limit = time.monotonic() + 5
        while self._tmux("list-sessions", check=False) and time.monotonic() < limit:
            time.sleep(0.05)
        if self._socket_path and not self._tmux("list-sessions", check=False):
            Path(self._socket_path).unlink(missing_ok=True)
