"""A session that ends while help, the stop question or the palette is open hands over its
summary once that screen closes, and leaves no finished session screen behind."""

from __future__ import annotations

import pytest

from tests.ui.app_factory import make_app, session_screen
from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.help import HelpScreen
from warmup_tui.ui.screens.summary import SummaryScreen

SIZE = (100, 30)


def stack(app: object) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]  # type: ignore[attr-defined]


async def test_ending_under_the_help_screen_waits_for_it_to_close() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        clock.advance(100_000)
        screen.tick()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)  # still reading the keys
        assert screen.session.state == "finished"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert stack(app) == ["HomeScreen", "SummaryScreen"]


@pytest.mark.parametrize("answer", ["y", "n"])
async def test_time_stands_still_while_the_stop_question_is_open(answer: str) -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        clock.advance(100_000)
        screen.tick()
        await pilot.pause()
        assert screen.session.state == "paused"
        assert screen.session.index == 0  # nothing ran on behind the question
        await pilot.press(answer)
        await pilot.pause()
        if answer == "y":
            assert stack(app) == ["HomeScreen", "SummaryScreen"]
            assert not app.screen.summary.completed
        else:
            assert stack(app) == ["HomeScreen", "SessionScreen"]
            assert screen.session.state == "running"
            assert screen.session.remaining() == pytest.approx(30)