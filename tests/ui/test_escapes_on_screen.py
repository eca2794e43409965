"""Text from a hostile routine on the screens: shown as written, never read as markup
(``[bold]``, ``[@click=...]``), its control characters written out (``\\x1b``)."""

from __future__ import annotations

from pathlib import Path

from hostile_text import (
    BROKEN_ID,
    HOSTILE_CUE,
    HOSTILE_ID,
    HOSTILE_NAME,
    HOSTILE_STEP,
    RAW_CONTROL,
    visible,
    write_hostile,
)

from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.home import HomeScreen
from warmup_tui.ui.screens.summary import SummaryScreen

from .app_factory import advance, make_app, session_screen
from .app_factory import test_library as library_in

SIZE = (160, 40)


def screen_text(app: WarmupApp) -> str:
    """What the terminal would be sent, as text: every row of the current screen."""
    text = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
    raw = sorted({f"U+{ord(c):04X}" for c in RAW_CONTROL.findall(text)})
    assert raw == [], f"raw controls on screen: {raw}"
    return text


async def test_home_lists_the_hostile_routines_as_written(tmp_path: Path) -> None:
    write_hostile(tmp_path)
    app = make_app(FakeClock(), library=library_in(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert visible(HOSTILE_NAME) in text  # "[bold]" shown, not applied
        assert visible(BROKEN_ID) in text
        # Toasts too: every notification goes through the app's notify.
        app.notify(f"Saved {HOSTILE_NAME}", title=HOSTILE_ID)
        await pilot.pause()
        text = screen_text(app)
        assert f"Saved {visible(HOSTILE_NAME)}" in text and visible(HOSTILE_ID) in text


async def test_session_and_summary_show_steps_and_cues_as_written(tmp_path: Path) -> None:
    write_hostile(tmp_path)
    clock = FakeClock()
    app = make_app(clock, HOSTILE_ID, library=library_in(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert visible(HOSTILE_NAME) in text
        assert visible(HOSTILE_STEP.upper()) in text  # the step's name as a heading
        assert visible(HOSTILE_CUE) in text
        advance(app, session_screen(app).session.remaining_total() + 0.01, clock)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert visible(HOSTILE_NAME) in screen_text(app)
