"""Builds the app for Pilot and snapshot tests: bundled routines, default settings, a fake clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from warmup_tui.common.config import Settings
from warmup_tui.common.paths import bundled_dir
from warmup_tui.engine.clock import FakeClock
from warmup_tui.routines.library import Library
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.today import routine_and_chain
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.home import HomeScreen
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.screens.summary import SummaryScreen

from .pilot_wait import wait_until

START_UP_LIMIT = 30.0  # seconds: generous, for a loaded machine; polled, never slept


async def started(pilot: Pilot[Any]) -> None:
    """Waits until the app's start-up (ui/start_up.py) has loaded what it loads after the
    first frame, home has its routines (unless a session covers it from the start: home
    is read when first shown), and the screens it opens (the resume offer, a
    session) are up; a session
    has started its clock (after its first frame and its sounds: on a busy machine that
    can come after the worker is done). The worker is made only once the first frame is up,
    so it is waited for by name, not by asking for whatever workers there are yet."""
    app = pilot.app
    assert isinstance(app, WarmupApp)

    async def finished() -> None:
        while app.start_up_worker is None or not app.start_up_worker.is_finished:
            await pilot.pause(0.01)

    await asyncio.wait_for(finished(), START_UP_LIMIT)
    # The worker posted HomeLoaded before it finished; the loop may not have handled it yet.
    homes = [s for s in app.screen_stack if isinstance(s, HomeScreen)]
    # Home under a session from the start is read only when first shown.
    await wait_until(pilot, lambda: all(home.loaded or home.unbuilt for home in homes),
                     "home to fill in its routines")
    await pilot.pause()
    screen = pilot.app.screen
    if isinstance(screen, SessionScreen):
        await wait_until(pilot, lambda: screen.session.state != "idle",
                         "the session's clock to start")


class StartedApp(WarmupApp):
    """The app, whose ``run_test`` hands over once start-up is done: most tests are about
    what comes after. Tests of the loading itself use WarmupApp."""

    @asynccontextmanager
    async def run_test(self, *args: Any, **kwargs: Any) -> AsyncIterator[Pilot[Any]]:
        async with super().run_test(*args, **kwargs) as pilot:
            await started(pilot)
            yield pilot


def test_library(user_folder: Path | None = None) -> Library:
    return Library(bundled=bundled_dir("routines"), user=user_folder or Path("/nonexistent"))


def runs_for(routine_id: str, library: Library | None = None) -> list[PlannedRun]:
    library = library or test_library()
    return routine_and_chain(library, library.resolve(routine_id))


def make_app(
    clock: FakeClock,
    routine_id: str | None = None,
    *,
    get_ready: float = 0.0,
    library: Library | None = None,
    mute: bool = True,
    settings: Settings | None = None,
) -> WarmupApp:
    library = library or test_library()
    runs = runs_for(routine_id, library) if routine_id else None
    return StartedApp(
        library=library,
        settings=settings or Settings(),
        clock_factory=lambda: clock,
        start_runs=runs,
        get_ready=get_ready,
        mute=mute,
    )


def session_screen(app: WarmupApp) -> SessionScreen:
    screen = app.screen
    assert isinstance(screen, SessionScreen), f"expected the session screen, got {screen!r}"
    return screen


def advance(app: WarmupApp, seconds: float, clock: FakeClock) -> None:
    """Move the fake clock and let the screen catch up, as its timer would. The session's
    clock must have started (see :func:`session_started`): time moved before then is not
    the session's, and it would never end."""
    screen = session_screen(app)
    assert screen.session.state != "idle", "advanced before the session's clock started"
    clock.advance(seconds)
    screen.tick()


async def session_started(pilot: Pilot[Any], what: str) -> SessionScreen:
    """Waits for a session screen whose clock has started. It starts only after its first
    frame is up (later still on a loaded machine): a key pressed or time moved before
    then would be lost, so a test waits for this, not for the screen alone."""
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen)
                     and app.screen.session.state != "idle", what)
    return session_screen(app)  # type: ignore[arg-type]


async def run_to_summary(pilot: Pilot[Any], clock: FakeClock,
                         seconds: float | None = None) -> SummaryScreen:
    """Runs the session on screen to its end (or ``seconds`` into it, once it has started)
    and returns the summary that follows."""
    app = pilot.app
    assert isinstance(app, WarmupApp)
    screen = await session_started(pilot, "the session's clock to start")
    advance(app, screen.session.remaining_total() + 0.01 if seconds is None else seconds,
            clock)
    await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
    summary = app.screen
    assert isinstance(summary, SummaryScreen)
    return summary
