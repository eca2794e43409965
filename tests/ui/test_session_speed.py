"""The session screen's own timer at ``--speed``: a real sped-up clock, no tick() from the test."""

from __future__ import annotations

import itertools
import statistics
import time

from warmup_tui.engine.clock import ScaledClock

from .app_factory import make_app, session_screen

SPEED = 40.0
SIZE = (100, 30)


async def test_the_screen_wakes_each_sped_up_second_and_moves_on_by_itself() -> None:
    app = make_app(ScaledClock(SPEED), "easy-run-walk")  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        woken_at: list[float] = []  # session seconds at each wake of the screen's own timer
        tick = screen.tick

        def recorded_tick() -> None:
            woken_at.append(screen.session.clock.now())  # session seconds, sped up
            tick()

        screen.tick = recorded_tick  # type: ignore[method-assign]
        first = screen.session.index
        limit = time.monotonic() + 60
        while (screen.session.index < first + 2 or len(woken_at) < 11) \
                and screen.session.state != "finished" and time.monotonic() < limit:
            await pilot.pause(0.05)  # only looks; the screen's timer does the work
        assert screen.session.index >= first + 2, "the session did not move on by itself"
    # The countdown turns over once a session second: 1/40 of a real second here. A timer
    # that ignored the speed would wake a real second apart, some 40 session seconds.
    # (The median, as a loaded machine can delay a few wakes.)
    gaps = [later - earlier for earlier, later in itertools.pairwise(woken_at)]
    assert len(gaps) >= 10, woken_at
    assert statistics.median(gaps) < 5.0, woken_at
