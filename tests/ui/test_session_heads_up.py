"""The session screen gives a sink that asks for it (the Bluetooth wake) early word of
the first sound, and starts the clock that long after."""

from __future__ import annotations

import time

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.events import Event
from warmup_tui.ui.screens.session import SessionScreen

from .app_factory import make_app, runs_for

SIZE = (80, 24)


class Listener:
    """A sink that asks for 0.2 s of notice and keeps what it hears, with the session's
    state at that moment."""

    heads_up = 0.2

    def __init__(self) -> None:
        self.heard: list[tuple[Event, str]] = []
        self.screen: SessionScreen | None = None

    def handle(self, event: Event) -> None:
        assert self.screen is not None
        self.heard.append((event, self.screen.session.state))


async def test_the_first_sound_is_told_of_before_the_clock_starts() -> None:
    clock = FakeClock()
    app = make_app(clock)
    listener = Listener()
    async with app.run_test(size=SIZE) as pilot:
        screen = SessionScreen(runs_for("pre-run")[0], clock, [listener], get_ready=3.0)
        listener.screen = screen
        await app.push_screen(screen)
        limit = time.monotonic() + 30
        while screen.session.state == "idle" and time.monotonic() < limit:
            await pilot.pause()
        assert screen.session.state == "ready"
        (word, state_then), (first, _) = listener.heard[:2]
        assert (word.name, state_then) == ("heads_up", "idle")
        assert word.ahead == first and (first.cue, first.value) == ("pip", 3)
