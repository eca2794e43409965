"""Ending the app from outside (a signal) cuts the session off rather than stopping it:
every sink that can keep it resumable is told so, through SessionScreen.cut_off."""

from __future__ import annotations

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.events import Event
from warmup_tui.log import TrainingLog
from warmup_tui.log.writer import wait_for_writes
from warmup_tui.runs.resume import pending_resume

from .app_factory import advance, make_app, session_screen

SIZE = (100, 30)


class CutOffListener:
    """A sink of our own that, like the log, wants to hear about a cut-off."""

    def __init__(self) -> None:
        self.heard: list[str] = []

    def handle(self, event: Event) -> None:
        self.heard.append(event.name)

    def cut_off(self) -> None:
        self.heard.append("cut_off")


async def test_a_signal_exit_cuts_off_every_sink_that_can_be_and_keeps_it_resumable() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    listener = CutOffListener()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        screen.sinks.append(listener)
        advance(app, 30 + 5 + 10, clock)  # 10 s into the second exercise
        index = screen.session.index
        app.stop_and_exit(130)
        await pilot.pause()
    # told before the stop events that follow it
    assert listener.heard[-3:] == ["cut_off", "segment_end", "session_end"]
    assert wait_for_writes(timeout=30)  # the log's writer thread has made the last write
    with TrainingLog.open() as log:
        [row] = log.sessions()
    assert row.status == "running" and row.pid is None
    offer = pending_resume()
    assert offer is not None and offer.session.id == row.id
    assert offer.session.last_index == index
