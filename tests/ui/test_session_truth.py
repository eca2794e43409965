"""The session screen tells the truth: what comes next, when the clock starts, what the ear
will hear, and that nothing ends a session without the question q asks."""

from __future__ import annotations

from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.widgets.text_line import TextLine

from .app_factory import make_app, session_screen

SIZE = (80, 24)


def shown(app, widget_id: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#{widget_id}", TextLine).shown)


async def test_the_last_warmup_step_names_the_run_that_follows() -> None:
    app = make_app(FakeClock(), "pre-run")  # pre-run chains into the easy run-walk
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        while screen.session.next_segment is not None:
            await pilot.press("n")
        assert shown(app, "next-up") == "Next: Easy run-walk"
