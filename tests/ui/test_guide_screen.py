"""The guide to sore calves in the app: g on home opens it (the footer shows the key), it
scrolls, escape goes back; a picture of it; the runner's own [coaching] limits in it."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Static

from warmup_tui.common.config import CoachingSettings, Settings
from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.screens.guide import GuideScreen
from warmup_tui.ui.screens.home import HomeScreen

from . import app_factory
from .app_factory import StartedApp, make_app, started
from .pilot_wait import wait_until

SIZE = (100, 32)


def shown_text(screen: GuideScreen) -> str:
    return " ".join(str(static.render()) for static in screen.query(Static))


async def test_g_opens_the_guide_from_home_it_scrolls_and_escape_goes_back() -> None:
    app = make_app(FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        shown = app.screen.active_bindings["g"]
        assert (shown.binding.description, shown.binding.show, shown.enabled) == (
            "Guide", True, True)
        await pilot.press("g")
        await wait_until(pilot, lambda: isinstance(app.screen, GuideScreen), "the guide")
        body = app.screen.query_one("#guide-body", VerticalScroll)
        assert body.has_focus and body.max_scroll_y > 0  # more than fits at 80x24
        await pilot.press("end")
        await wait_until(pilot, lambda: body.scroll_y == body.max_scroll_y, "scrolled down")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")


async def test_it_names_each_cause_and_the_runners_own_limits() -> None:
    clock = FakeClock()
    app = StartedApp(library=app_factory.test_library(), clock_factory=lambda: clock, mute=True,
                     settings=Settings(coaching=CoachingSettings(hold_up_to=4)))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("g")
        await wait_until(pilot, lambda: isinstance(app.screen, GuideScreen), "the guide")
        text = shown_text(app.screen)
        for title in ("1. Landing on your toes", "2. Running too fast", "3. Hills too soon",
                      "4. Weak glutes"):
            assert title in text
        assert "Up to 4, settled by the next morning" in text
        assert "`" not in text
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")


def test_the_guide_screen(snap_compare) -> None:
    async def open_guide(pilot: Pilot) -> None:
        await started(pilot)
        await pilot.press("g")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, GuideScreen), "guide")
        await pilot.pause()

    assert snap_compare(make_app(FakeClock()), terminal_size=SIZE, run_before=open_guide)
