"""SIGINT, SIGTERM and SIGHUP sent from outside to the app in a real terminal (tmux), at
start-up and mid-session: the app exits 128 + the signal's number, no traceback shows, the
terminal leaves the alternate screen, and the session is recorded the one way every signal
records it (cut off: kept for the next start to offer resuming)."""

from __future__ import annotations

import os
import random
import re
import signal
import time

import pytest
from signal_support import SIGNALS, wait_until_listening
from tmux_terminal import Pane, TmuxServer, app_command

from warmup_tui.log import TrainingLog
from warmup_tui.runs.resume import pending_resume

pytestmark = pytest.mark.slow


def open_app(tmux: TmuxServer, *args: str) -> Pane:
    # The shell reports the app's exit code and stays, so the test can read the pane.
    return tmux.open(app_command(*args) + '; echo "EXIT=$?"; sleep 60')


def app_pid(pane: Pane, timeout: float = 15.0) -> int:
    """The app's pid, as soon as the pane's shell has started it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = pane.app_pids()[1:]
        if children:
            return children[0]
        time.sleep(0.005)
    raise AssertionError("the app process did not start")


def exit_code(pane: Pane, timeout: float = 20.0) -> int:
    shown = pane.wait_for("EXIT=", timeout)
    code = re.search(r"EXIT=(\d+)", shown)
    assert code is not None, shown
    return int(code.group(1))


def assert_ended_cleanly(pane: Pane, signum: int) -> None:
    code = exit_code(pane)
    shown = pane.screen()
    assert code == 128 + signum, shown
    assert "Traceback" not in shown and "KeyboardInterrupt" not in shown, shown
    alternate = pane.server.tmux("display-message", "-p", "-t", pane.name,
                                 "#{alternate_on}").strip()
    assert alternate == "0", shown


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_signal_mid_session_ends_the_app_and_keeps_the_session(
        tmux: TmuxServer, signum: int) -> None:
    pane = open_app(tmux, "run", "pre-run", "--mute")
    pane.wait_for("HIP FLEXOR STRETCH")
    os.kill(app_pid(pane), signum)
    assert_ended_cleanly(pane, signum)
    with TrainingLog.open() as log:
        [row] = log.sessions()
    # Cut off like a closed terminal: left for the next start to offer, at its step.
    assert (row.status, row.pid, row.last_step) == ("running", None, "Hip flexor stretch")
    offer = pending_resume()
    assert offer is not None and offer.session.id == row.id


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_signal_the_moment_the_app_can_hear_it_ends_it_cleanly(
        tmux: TmuxServer, signum: int) -> None:
    pane = open_app(tmux, "run", "pre-run", "--mute")
    pid = app_pid(pane)
    wait_until_listening(pid)
    os.kill(pid, signum)
    assert_ended_cleanly(pane, signum)
    with TrainingLog.open() as log:
        assert all(row.status != "running" or row.pid is None for row in log.sessions())


def test_signals_at_random_moments_of_start_up_never_show_a_traceback(
        tmux: TmuxServer) -> None:
    chance = random.Random(11)
    for attempt in range(20):
        signum = SIGNALS[attempt % len(SIGNALS)]
        pane = open_app(tmux, "run", "pre-run", "--mute")
        pid = app_pid(pane)
        wait_until_listening(pid)
        time.sleep(chance.uniform(0.0, 0.6))  # a random moment of start-up, not a wait
        os.kill(pid, signum)
        assert_ended_cleanly(pane, signum)  # (the panes stay open: the server with them)
