"""The issue's own check, in a real terminal: close the terminal mid-warmup, start again,
and the app offers to resume where it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator

import pytest

from warmup_tui.log import TrainingLog
from warmup_tui.log.resume import ResumeOffer, pending_resume, pid_alive, resume_title

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")]


class Terminal:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.pids: list[int] = []

    def start(self, *args: str) -> str:
        name = f"warmup-log-{uuid.uuid4().hex[:8]}"
        self.names.append(name)
        keep = ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "PATH")
        exports = " ".join(f"{k}={os.environ[k]}" for k in keep if k in os.environ)
        command = f"env {exports} TERM=xterm-256color {sys.executable} -m warmup_tui " + \
            " ".join(args)
        subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30",
                        command], check=True)
        pane = subprocess.run(["tmux", "list-panes", "-t", name, "-F", "#{pane_pid}"],
                              capture_output=True, text=True, check=True).stdout.split()
        self.pids += [int(pid) for pid in pane]  # env execs Python: this is the app itself
        return name

    def screen(self, name: str) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", name], capture_output=True,
                              text=True, check=False).stdout

    def wait_for(self, name: str, text: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.screen(name):
                return
            time.sleep(0.05)
        raise AssertionError(f"{text!r} did not appear:\n{self.screen(name)}")

    def close(self, name: str) -> None:
        """Close the terminal: tmux hangs up on the app (SIGHUP), as a closed window does."""
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal()
    yield term
    for name in term.names:
        term.close(name)
    # The app can hang on its way out once its terminal is gone (seen in Textual's writer
    # thread); never leave one of ours behind.
    deadline = time.monotonic() + 3
    for pid in term.pids:
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if pid_alive(pid):
            os.kill(pid, signal.SIGKILL)


def wait_for_offer(timeout: float = 10.0) -> ResumeOffer:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        offer = pending_resume()  # offered only once the app's process is gone
        if offer is not None:
            return offer
        time.sleep(0.1)
    with TrainingLog.open() as log:
        rows = [(row.status, row.last_step, row.pid) for row in log.sessions()]
    raise AssertionError(f"no resume offer after the terminal closed; the log: {rows}")


def test_closing_the_terminal_mid_warmup_offers_to_resume_on_the_next_start(
        terminal: Terminal) -> None:
    first = terminal.start("run", "pre-run", "--speed", "25", "--mute")
    terminal.wait_for(first, "GLUTE BRIDGE")
    terminal.close(first)

    offer = wait_for_offer()
    assert offer.session.status == "running"  # cut off, not stopped by the runner
    assert offer.step in ("Glute bridge", "Monster walk")  # where it was when closed
    assert offer.question == f"Resume pre-run at {resume_title(offer.segment)}?"

    second = terminal.start()
    terminal.wait_for(second, offer.question)
    subprocess.run(["tmux", "send-keys", "-t", second, "y"], check=True)
    terminal.wait_for(second, offer.step.upper())
    terminal.close(second)

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with TrainingLog.open() as log:
            rows = {row.id: row for row in log.sessions()}
        resumed = [row for row in rows.values() if row.resumed_from == offer.session.id]
        if resumed:
            break
        time.sleep(0.1)
    assert resumed, rows
    assert rows[offer.session.id].status == "stopped"  # taken up, so never offered again
