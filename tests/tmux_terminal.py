"""A real terminal for tests: the app in a tmux pane, keys in, screen text out.

Every test run gets its own tmux server (its own socket, no config file), so the tests
never meet a developer's tmux sessions and never depend on a server being up already.

The server is started with an explicit copy of ``os.environ``. Without it, tmux would
inherit the test process's C environment, which is not the same thing: importing
``readline`` (something in a pytest run does) exports COLUMNS=80 and LINES=24 there
without touching ``os.environ``. A pane started with those frozen values never follows a
resize, which is what made the resize test fail on a fresh machine.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# What the app needs from the test's environment: the isolated home and the PATH.
PASSED_THROUGH = ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                  "XDG_STATE_HOME", "PATH")


def _server_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}


def app_command(*args: str, env: Mapping[str, str] | None = None) -> str:
    """A shell command that runs ``python -m warmup_tui ARGS`` as the pane's process, with
    the test's isolated home, a colour terminal, and ``env`` on top."""
    values = {k: os.environ[k] for k in PASSED_THROUGH if k in os.environ}
    values.update(TERM="xterm-256color", PYTHONPATH=str(REPO))
    values.update(env or {})
    assignments = [f"{k}={v}" for k, v in values.items()]
    return shlex.join(["env", "-u", "VISUAL", "-u", "COLUMNS", "-u", "LINES", *assignments,
                       sys.executable, "-m", "warmup_tui", *args])


class Pane:
    """One tmux session with one pane, named so it can be killed by name."""

    def __init__(self, server: TmuxServer, name: str) -> None:
        self.server = server
        self.name = name

    def screen(self) -> str:
        return self.server.tmux("capture-pane", "-p", "-t", self.name, check=False)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """Polls the screen until ``text`` shows; returns the screen that showed it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.05)
        raise AssertionError(f"{text!r} did not appear; the screen was:\n{self.screen()}")

    def wait_until_gone(self, text: str, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text not in self.screen():
                return True
            time.sleep(0.05)
        return False

    def keys(self, *keys: str) -> None:
        self.server.tmux("send-keys", "-t", self.name, *keys)

    def resize(self, width: int, height: int) -> None:
        self.server.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def size(self) -> tuple[int, int]:
        shown = self.server.tmux("display-message", "-p", "-t", self.name,
                                 "#{pane_width} #{pane_height}")
        width, height = shown.split()
        return int(width), int(height)

    def alive(self) -> bool:
        return self.server.run("has-session", "-t", self.name).returncode == 0

    def shell_pid(self) -> int:
        """The pid of the pane's first process (the app itself when the command execs it)."""
        return int(self.server.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}"))

    def app_pids(self) -> list[int]:
        """The pane's process and its children: the app, however the shell started it."""
        shell = self.shell_pid()
        children = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True,
                                  text=True, check=False).stdout.split()
        return [shell, *(int(pid) for pid in children)]

    def close(self) -> None:
        """Closes the terminal: tmux hangs up on the app (SIGHUP), as a closed window does."""
        self.server.run("kill-session", "-t", self.name)


class TmuxServer:
    """A private tmux server; every pane it opened is closed by ``close_all``."""

    def __init__(self, socket: str | None = None) -> None:
        self.socket = socket or f"warmup-tests-{os.getpid()}"
        self.panes: list[Pane] = []
        self._socket_path: Path | None = None

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                              capture_output=True, text=True, check=False, env=_server_env())

    def tmux(self, *args: str, check: bool = True) -> str:
        done = self.run(*args)
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def open(self, command: str, size: tuple[int, int] = (100, 30)) -> Pane:
        """Runs the shell ``command`` in a new detached session of ``size`` (columns, rows)."""
        pane = Pane(self, f"warmup-test-{uuid.uuid4().hex[:8]}")
        self.tmux("new-session", "-d", "-s", pane.name, "-x", str(size[0]),
                  "-y", str(size[1]), command)
        self.panes.append(pane)
        if self._socket_path is None:
            self._socket_path = Path(self.tmux("display-message", "-p", "-t", pane.name,
                                               "#{socket_path}").strip())
        return pane

    def close_all(self) -> None:
        """Closes every pane by name, then the server; tmux leaves its socket file behind,
        so that goes too."""
        for pane in self.panes:
            pane.close()
        self.panes.clear()
        self.run("kill-server")
        if self._socket_path is not None:
            self._socket_path.unlink(missing_ok=True)
