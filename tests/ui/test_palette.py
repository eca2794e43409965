"""The command palette lists the keys of the screen in view: home's Today and
Programme, and a running session's keys by name."""

from __future__ import annotations

from warmup_tui.engine.clock import FakeClock

from .app_factory import make_app, session_screen, started
from .pilot_wait import wait_until

SIZE = (100, 30)


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [command.title for command in app.get_system_commands(app.screen)]


async def test_home_lists_today_and_the_programme() -> None:
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await wait_until(pilot, lambda: "Today" in titles(app), "Today in the palette")
        assert "Programme" in titles(app) and "Quit" in titles(app)


async def test_a_session_lists_its_keys_by_name() -> None:
    app = make_app(FakeClock(), "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        session_screen(app)
        shown = [c.help for c in app.get_system_commands(app.screen)]
        assert any(text.startswith("Session: Pause") for text in shown), shown
        assert "Today" not in titles(app)
