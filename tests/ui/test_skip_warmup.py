"""Skipping the warmup: one key goes straight to the hand-off before the run, and the log
keeps the warmup as skipped, not as a session stopped early."""

from __future__ import annotations

from warmup_tui.engine.clock import FakeClock
from warmup_tui.log.counting import RunRule
from warmup_tui.log.db import default_path
from warmup_tui.log.report import session_line
from warmup_tui.log.store import TrainingLog
from warmup_tui.log.writer import wait_for_writes
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.screens.summary import SummaryScreen

from .app_factory import advance, make_app, session_screen
from .pilot_wait import wait_until

SIZE = (100, 30)


def _footer_keys(app: object) -> set[str]:
    from textual.app import App

    assert isinstance(app, App)
    return {binding.action for (_key, binding, enabled, _tip) in
            app.screen.active_bindings.values() if enabled and binding.show}


async def test_s_skips_the_warmup_to_the_run_and_the_log_says_skipped() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run", get_ready=3.0)  # pre-run chains into the programme
    async with app.run_test(size=SIZE) as pilot:
        assert "skip_warmup" in _footer_keys(app)  # shown from its get-ready on
        advance(app, 10, clock)  # into the first stretch
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the hand-off")
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.summary.headline().endswith(": skipped")
        assert summary.next_run is not None and summary.next_run.programme_session == "w1s1"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the run")
        assert session_screen(app).run.programme_session == "w1s1"
        assert "skip_warmup" not in _footer_keys(app)  # the run itself has no skip
    wait_for_writes()
    with TrainingLog.open(default_path()) as log:
        warmup = next(row for row in log.sessions() if row.routine_id == "pre-run")
    assert warmup.status == "stopped" and warmup.skipped
    assert "skipped" in session_line(warmup, lambda _pid: False)
    assert "stopped" not in session_line(warmup, lambda _pid: False)
    assert RunRule().why_not(warmup) == "skipped"


async def test_a_warmup_on_its_own_has_nothing_to_skip_to() -> None:
    clock = FakeClock()
    app = make_app(clock, "after-run")  # no chain: stopping is q, not skip
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "skip_warmup" not in _footer_keys(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
