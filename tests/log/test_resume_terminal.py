"""The issue's own check, in a real terminal: close the terminal mid-warmup, start again,
and the app offers to resume where it was."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator

import pytest
from tmux_terminal import Pane, TmuxServer, app_command

from warmup_tui.log import TrainingLog
from warmup_tui.runs.resume import ResumeOffer, pending_resume, pid_alive, resume_title
from warmup_tui.ui.widgets.block_font import render_half


def big(word: str) -> str:
    """The middle row of ``word`` as the phase band draws it in block letters."""
    return render_half(word)[1]

pytestmark = pytest.mark.slow


class Terminals:
    """Opens the app in fresh terminals and, at the end, makes sure none of it lingers."""

    def __init__(self, tmux: TmuxServer) -> None:
        self.tmux = tmux
        self.pids: list[int] = []

    def start(self, *args: str) -> Pane:
        pane = self.tmux.open(app_command(*args))  # a lone command: the pane's pid is the app
        self.pids.append(pane.shell_pid())
        return pane


@pytest.fixture
def terminals(tmux: TmuxServer) -> Iterator[Terminals]:
    opened = Terminals(tmux)
    yield opened
    tmux.close_all()
    # The app can hang on its way out once its terminal is gone (seen in Textual's writer
    # thread); never leave one of ours behind.
    deadline = time.monotonic() + 3
    for pid in opened.pids:
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
        terminals: Terminals) -> None:
    # Real speed (a cut-off preview is never offered); n skips ahead as a runner would.
    first = terminals.start("run", "pre-run", "--mute")
    first.wait_for("HIP FLEXOR STRETCH")
    # Phase words are drawn in block letters on the band; a step name is plain text.
    for now_showing in (big("SWITCH SIDES"), "Right side", big("REST"), "GLUTE BRIDGE"):
        first.keys("n")
        first.wait_for(now_showing)  # one press per segment, however slow the redraw
    first.close()

    offer = wait_for_offer()
    assert offer.session.status == "running"  # cut off, not stopped by the runner
    assert offer.step == "Glute bridge"  # where it was when closed
    assert offer.question == f"Resume Pre-run warmup at {resume_title(offer.segment)}?"

    second = terminals.start()
    second.wait_for(offer.question)
    second.keys("y")
    second.wait_for(offer.step.upper())
    second.close()

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
