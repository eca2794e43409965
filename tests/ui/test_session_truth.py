"""The session screen tells the truth: what comes next, when the clock starts, what the ear
will hear, and that nothing ends a session without the question q asks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.widgets.countdown import Countdown
from warmup_tui.ui.widgets.phase_band import PhaseBand
from warmup_tui.ui.widgets.text_line import TextLine

from .app_factory import make_app, runs_for, session_screen

SIZE = (80, 24)


def shown(app, widget_id: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#{widget_id}", TextLine).shown)


async def test_the_last_warmup_step_names_the_run_that_follows() -> None:
    app = make_app(FakeClock(), "pre-run")  # pre-run chains into the programme's next session
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        while screen.session.next_segment is not None:
            await pilot.press("n")
        assert shown(app, "next-up") == "Next: Build to 30, week 1, session 1"


class SlowFirstPaint(Static):
    """Takes five seconds of session time to paint the first time, like a busy machine."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__("")
        self.clock = clock
        self.painted = False

    def render(self) -> str:
        if not self.painted:
            self.painted = True
            self.clock.advance(5.0)
        return ""


class SlowSessionScreen(SessionScreen):
    def __init__(self, clock: FakeClock) -> None:
        super().__init__(runs_for("pre-run")[0], clock, get_ready=3.0)
        self.slow = SlowFirstPaint(clock)

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield self.slow


async def test_the_clock_starts_when_the_first_frame_is_on_the_terminal() -> None:
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = SlowSessionScreen(clock)
        await app.push_screen(screen)
        for _ in range(100):
            if screen.session.state != "idle":
                break
            await pilot.pause()
        assert screen.slow.painted
        # Five seconds went by painting; the get-ready still has all three to count.
        assert screen.session.state == "ready"
        assert screen.session.remaining() == 3.0
        assert screen.query_one(Countdown).value == "0:03"


async def test_sound_off_and_clicks_on_are_shown_while_they_hold() -> None:
    app = make_app(FakeClock(), "easy-run-walk", mute=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown(app, "sound-status") == "Sound off"
        await pilot.press("c")  # clicks on, but muted: still nothing to hear
        assert shown(app, "sound-status") == "Sound off"
        await pilot.press("m")
        voice_off = "" if app.services.voice is not None else " · Voice off"
        assert shown(app, "sound-status") == "Clicks on" + voice_off
        await pilot.press("c")
        assert shown(app, "sound-status") == voice_off.removeprefix(" · ")


async def test_the_last_run_says_last_interval_on_screen() -> None:
    app = make_app(FakeClock(), "easy-run-walk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        while (screen.session.segment.kind != "run"
               or screen.session.segment.interval != screen.session.segment.intervals):
            assert "Last interval" not in shown(app, "detail")
            await pilot.press("n")
        assert shown(app, "detail") == "Last interval · Run 10 of 10"


async def test_the_palettes_quit_asks_before_ending_a_session() -> None:
    app = make_app(FakeClock(), "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Quit")
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(50):
            if isinstance(app.screen, ConfirmScreen):
                break
            await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert screen.session.state == "paused"
        await pilot.press("n")
        await pilot.pause()
        assert screen.session.state == "running"
        assert app.is_running


class FirstShown(SessionScreen):
    """Notes what its lines and band hold when on_mount first shows the session, that is,
    what they were made with: the screen's first frame can go out before that."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(runs_for("pre-run")[0], clock, get_ready=3.0)
        self.made_with: tuple[str, str, str] | None = None

    def _show(self, view):  # type: ignore[no-untyped-def]
        if self.made_with is None:
            self.made_with = (str(self.query_one("#step-name", TextLine).shown),
                              self.query_one(PhaseBand).shown,
                              self.query_one(Countdown).value)
        super()._show(view)


async def test_the_get_ready_is_whole_in_the_screens_first_frame() -> None:
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = FirstShown(clock)
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.made_with == ("First up: Hip flexor stretch · 0:30", "GET READY", "0:03")
