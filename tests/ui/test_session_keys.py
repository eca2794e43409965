"""Every key of the session screen, pressed through Pilot against a fake clock."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette

from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.help import HelpScreen
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.screens.summary import SummaryScreen
from warmup_tui.ui.widgets.countdown import Countdown
from warmup_tui.ui.widgets.phase_band import PhaseBand
from warmup_tui.ui.widgets.text_line import TextLine

from .app_factory import advance, make_app, session_screen
from .pilot_wait import wait_until

SIZE = (100, 30)


def shown(app, widget_id: str) -> str:
    return app.screen.query_one(f"#{widget_id}", TextLine | PhaseBand).shown


async def test_opens_on_first_step_with_countdown_and_cue() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        assert shown(app, "heading") == "HIP FLEXOR STRETCH"
        assert shown(app, "side") == "Left side"
        assert screen.query_one(Countdown).value == "0:30"
        assert "Half-kneel" in shown(app, "cue")
        assert shown(app, "next-up") == "Next: switch to the right side"
        advance(app, 12.5, clock)
        assert screen.query_one(Countdown).value == "0:18"


async def test_get_ready_counts_down_before_the_first_step() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run", get_ready=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown(app, "heading") == "GET READY"
        assert app.screen.query_one(Countdown).value == "0:03"
        advance(app, 3.0, clock)
        assert shown(app, "heading") == "HIP FLEXOR STRETCH"
        assert app.screen.query_one(Countdown).value == "0:30"


async def test_space_pauses_and_resumes_and_time_stands_still() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        advance(app, 5, clock)
        await pilot.press("space")
        assert screen.session.state == "paused"
        assert screen.has_class("-paused")
        assert "PAUSED" in shown(app, "paused-banner")
        advance(app, 60, clock)
        assert screen.query_one(Countdown).value == "0:25"
        await pilot.press("space")
        assert screen.session.state == "running"
        assert shown(app, "paused-banner") == ""
        advance(app, 1, clock)
        assert screen.query_one(Countdown).value == "0:24"


def footer_actions(app: WarmupApp) -> dict[str, str]:
    """What the footer offers now: action name -> the description shown."""
    return {active.binding.action: active.binding.description
            for active in app.screen.active_bindings.values() if active.enabled}


async def test_the_footer_says_resume_while_paused_and_clicks_only_with_runs() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        offered = footer_actions(app)
        assert offered["pause"] == "Pause" and "resume" not in offered
        assert "toggle_metronome" not in offered  # the warmup has no run to click to
        await pilot.press("space")
        await pilot.pause()
        offered = footer_actions(app)
        assert offered["resume"] == "Resume" and "pause" not in offered
        await pilot.press("c")  # not offered, so it does nothing
        await pilot.pause()
        assert not any("Cadence clicks" in n.message for n in app._notifications)

    app = make_app(FakeClock(), "easy-run-walk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert footer_actions(app)["toggle_metronome"] == "Clicks"


@pytest.mark.parametrize("key", ["n", "right"])
async def test_next_skips_to_the_following_segment(key: str) -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        screen = session_screen(app)
        assert screen.session.index == 1
        assert shown(app, "heading") == "SWITCH SIDES"
        assert screen.session.records[-1].skipped


@pytest.mark.parametrize("key", ["b", "left"])
async def test_back_returns_to_the_previous_segment(key: str) -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", "n")
        assert session_screen(app).session.index == 2
        await pilot.press(key)
        assert session_screen(app).session.index == 1


async def test_restart_gives_the_segment_its_full_time_again() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        advance(app, 20, clock)
        assert app.screen.query_one(Countdown).value == "0:10"
        await pilot.press("r")
        assert app.screen.query_one(Countdown).value == "0:30"


async def test_plus_and_minus_change_the_time_by_ten_seconds() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        assert app.screen.query_one(Countdown).value == "0:40"
        await pilot.press("minus", "minus")
        assert app.screen.query_one(Countdown).value == "0:20"


async def test_m_toggles_sound() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.muted
        await pilot.press("m")
        assert app.muted is (not before)
        await pilot.press("m")
        assert app.muted is before


async def test_question_mark_opens_help_listing_every_key() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = [description for _, description in app.screen.rows]
        for action in ("Pause / Resume", "Next", "Back", "Restart", "Add 10s", "Cut 10s",
                       "Mute", "Clicks", "Quit"):
            assert action in described
        await pilot.press("escape")
        session_screen(app)


async def test_q_asks_before_stopping_and_n_keeps_going() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        advance(app, 5, clock)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen_stack[-2].session.state == "paused"  # time stands still meanwhile
        clock.advance(60)
        await pilot.press("n")
        assert session_screen(app).session.state == "running"
        assert session_screen(app).session.remaining() == pytest.approx(25)


async def test_q_then_y_stops_and_shows_the_summary() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        advance(app, 10, clock)
        await pilot.press("q")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert not app.screen.summary.completed
        assert "stopped early" in app.screen.summary.headline()


async def test_finishing_offers_the_chained_routine_and_enter_starts_it() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        total = session_screen(app).session.remaining_total()
        advance(app, total + 0.01, clock)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.summary.completed
        assert app.screen.next_run is not None
        # pre-run chains into the programme: week 1, session 1 for a new runner
        next_run = app.screen.next_run
        assert (next_run.routine_id, next_run.programme_session) == ("build-to-30", "w1s1")
        await pilot.press("enter")
        await pilot.pause()
        assert session_screen(app).run.programme_session == "w1s1"
        assert shown(app, "heading") == "WARMUP WALK"


async def test_escape_on_the_summary_returns_home() -> None:
    clock = FakeClock()
    app = make_app(clock, "first-steps")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        advance(app, 1800.5, clock)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


@pytest.mark.parametrize("size", [(40, 12), (60, 16), (250, 70), (80, 24)])
async def test_any_size_keeps_the_step_and_time_visible(size: tuple[int, int]) -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        screen = session_screen(app)
        clock_widget = screen.query_one(Countdown)
        name = screen.query_one("#heading", PhaseBand)
        for widget in (clock_widget, name):
            region = widget.region
            assert region.height > 0 and region.width > 0
            assert region.bottom <= size[1] and region.right <= size[0]


async def test_command_palette_offers_session_actions() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Pause")
        await wait_until(pilot, lambda: top_command(app).startswith("Pause"),
                         "Pause at the top of the palette")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen)
                         and app.screen.session.state == "paused", "the session to pause")


def top_command(app: WarmupApp) -> str:
    """The command the palette would run on enter, or '' while it has none."""
    if not isinstance(app.screen, CommandPalette):
        return ""
    commands = app.screen.query_one(CommandList)
    if commands.highlighted is None:
        return ""
    return str(commands.get_option_at_index(commands.highlighted).prompt)


async def test_ctrl_c_stops_the_session_before_quitting() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        advance(app, 4, clock)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert screen.session.state == "finished"
    assert screen.session.records[-1].skipped


async def test_a_late_wake_after_the_end_does_not_close_the_summary() -> None:
    clock = FakeClock()
    app = make_app(clock, "first-steps")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        advance(app, 1800.5, clock)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        screen.tick()  # as a timer that was already due would
        screen.action_quit_session()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
