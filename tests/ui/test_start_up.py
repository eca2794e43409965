"""The first frame comes before any disk is read: the home screen shows at once, saying it
is loading, and fills in when the start-up worker reports back; a session asked for on the
command line opens at once and its clock starts only once its sounds are loaded; a
cut-off session is still offered.

Each test holds the start-up worker on a threading.Event it controls.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from pathlib import Path

from textual.widgets import Button, Label, OptionList

from warmup_tui.common.config import Settings
from warmup_tui.common.paths import bundled_dir
from warmup_tui.engine.clock import FakeClock
from warmup_tui.routines.library import Entry, Library
from warmup_tui.runs.resume import ResumeOffer, pending_resume
from warmup_tui.runs.sinks import SessionSinks
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.home import LOADING, HomeScreen
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.screens.summary import SummaryScreen

from .app_factory import advance, make_app, runs_for
from .test_resume_programme import ENDED, PROGRAMME, _cut_off_programme_session

SIZE = (100, 30)
LIMIT = 30.0  # seconds: generous, for a loaded machine; the tests poll, never sleep


class HeldLibrary(Library):
    """The bundled routines, read only once the test lets go."""

    def __init__(self) -> None:
        super().__init__(bundled=bundled_dir("routines"), user=Path("/nonexistent"))
        self.gate = threading.Event()

    def entries(self) -> list[Entry]:
        assert self.gate.wait(LIMIT), "the test never let the routines load"
        return super().entries()


class HeldSoundsApp(WarmupApp):
    """The app, with its sounds loaded only once the test lets go."""

    def __init__(self, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.sounds_gate = threading.Event()

    def make_services(self) -> SessionSinks:
        assert self.sounds_gate.wait(LIMIT), "the test never let the sounds load"
        return super().make_services()


class HeldCheckApp(WarmupApp):
    """The app, whose look for a cut-off session in the log waits until the test lets go."""

    def __init__(self, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.check_gate = threading.Event()

    def cut_off_offer(self) -> ResumeOffer | None:
        assert self.check_gate.wait(LIMIT), "the test never let the log be read"
        return super().cut_off_offer()


async def until(condition, pilot) -> None:  # type: ignore[no-untyped-def]
    async def poll() -> None:
        while not condition():
            await pilot.pause(0.01)

    await asyncio.wait_for(poll(), LIMIT)


def routine_title(app: WarmupApp) -> str:
    return str(app.screen.query_one("#routines-title", Label).render())


async def test_home_shows_while_the_routines_load_and_fills_in_after() -> None:
    library = HeldLibrary()
    app = WarmupApp(library=library, settings=Settings(), clock_factory=FakeClock, mute=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert routine_title(app) == LOADING
        assert home.query_one(OptionList).option_count == 0
        assert not home.query("#today")  # made with today's line, not before
        library.gate.set()
        await until(lambda: home.query_one(OptionList).option_count > 0, pilot)
        assert routine_title(app) == "Routines"
        ids = [home.query_one(OptionList).get_option_at_index(i).id
               for i in range(home.query_one(OptionList).option_count)]
        assert ids == [entry.id for entry in library.entries()]
        today = home.query_one("#today", Button)
        assert today.display and "week 1, session 1" in str(today.label)
        await pilot.press("enter")  # the first routine, highlighted, starts
        await until(lambda: isinstance(app.screen, SessionScreen), pilot)


async def test_a_session_from_the_command_line_waits_for_its_sounds_to_start() -> None:
    clock = FakeClock()
    app = HeldSoundsApp(library=Library(bundled=bundled_dir("routines"),
                                        user=Path("/nonexistent")),
                        settings=Settings(), clock_factory=lambda: clock, mute=True,
                        start_runs=runs_for("pre-run"))
    async with app.run_test(size=SIZE) as pilot:
        # The get-ready shows before the sounds are loaded ...
        await until(lambda: isinstance(app.screen, SessionScreen), pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await until(lambda: screen._first_frame_up, pilot)
        await pilot.pause()
        # ... but its clock waits for them: nothing starts, nothing is heard or logged.
        assert app._services is None
        assert screen.session.state == "idle" and screen.sinks == []
        app.sounds_gate.set()
        await until(lambda: screen.session.state != "idle", pilot)  # the get-ready runs
        assert app._services is not None and app._services.cues in screen.sinks
        assert screen.session.index == 0


async def test_a_cut_off_session_is_still_offered_once_the_log_is_read() -> None:
    _cut_off_programme_session()
    library = HeldLibrary()
    app = WarmupApp(library=library, settings=Settings(), clock_factory=FakeClock, mute=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        library.gate.set()
        await until(lambda: isinstance(app.screen, ConfirmScreen), pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question.startswith("Resume Build to 30 — week 2, session 2 — at ")


async def _get_ready_under_the_resume_question(app: HeldCheckApp, pilot) -> SessionScreen:  # type: ignore[no-untyped-def]
    """The session asked for shows its get-ready before the log is read; the question
    about the cut-off session comes over it, and its clock waits for the answer even
    once the sounds are loaded."""
    await until(lambda: isinstance(app.screen, SessionScreen), pilot)
    session = app.screen
    assert isinstance(session, SessionScreen)
    await until(lambda: session._first_frame_up, pilot)
    assert not any(isinstance(s, ConfirmScreen) for s in app.screen_stack)
    app.check_gate.set()
    await until(lambda: isinstance(app.screen, ConfirmScreen), pilot)
    assert app.screen_stack[-2] is session
    await until(lambda: app._services is not None, pilot)
    await pilot.pause()
    assert session.session.state == "idle" and session.sinks == []
    return session


def _app_asked_for_pre_run(clock: FakeClock) -> HeldCheckApp:
    _cut_off_programme_session()
    return HeldCheckApp(library=Library(bundled=bundled_dir("routines"),
                                        user=Path("/nonexistent")),
                        settings=Settings(), clock_factory=lambda: clock, mute=True,
                        start_runs=runs_for("pre-run"))


async def test_declining_the_cut_off_session_starts_the_get_ready_under_it() -> None:
    app = _app_asked_for_pre_run(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        session = await _get_ready_under_the_resume_question(app, pilot)
        await pilot.press("n")
        await until(lambda: session.session.state != "idle", pilot)
        assert app.screen is session and session.session.index == 0
        assert app._services is not None and app._services.cues in session.sinks
    assert pending_resume() is None  # recorded as stopped: not offered again


async def test_resuming_the_cut_off_session_replaces_the_one_asked_for() -> None:
    app = _app_asked_for_pre_run(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        asked_for = await _get_ready_under_the_resume_question(app, pilot)
        await pilot.press("y")
        await until(lambda: isinstance(app.screen, SessionScreen)
                    and app.screen is not asked_for, pilot)
        resumed = app.screen
        assert isinstance(resumed, SessionScreen)
        assert asked_for not in app.screen_stack
        assert resumed.run.programme_id == PROGRAMME and resumed.run.resumed_from is not None
        await until(lambda: resumed.session.state != "idle", pilot)
        assert resumed.session.index == ENDED


async def test_home_under_a_command_line_session_is_built_when_first_shown() -> None:
    clock = FakeClock()
    app = make_app(clock, "first-steps")
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen_stack[0]
        assert isinstance(home, HomeScreen) and isinstance(app.screen, SessionScreen)
        assert not home.query(OptionList)  # nothing built under the session's first frame
        advance(app, 1800.5, clock)
        await until(lambda: isinstance(app.screen, SummaryScreen), pilot)
        await pilot.press("escape")
        await until(lambda: app.screen is home and bool(home.query(OptionList)), pilot)
        await pilot.pause()
        routines = home.query_one(OptionList)
        assert routines.option_count == len(app.library.entries())  # loaded meanwhile
        assert routines.highlighted == 0 and routines.has_focus
        assert routine_title(app) == "Routines"
        assert home.query_one("#today", Button).display
        await pilot.press("enter")  # the keys work on it at once
        await until(lambda: isinstance(app.screen, SessionScreen), pilot)


def test_the_app_module_leaves_log_sound_and_programme_to_the_worker() -> None:
    """What the first frame does not need is imported by the start-up worker, not before."""
    script = ("import sys, warmup_tui.ui.app; print(' '.join(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, check=True)
    loaded = set(result.stdout.split())
    assert "warmup_tui.ui.session_flow" in loaded  # the listing is real (home loads with
    # the home screen itself: a session from the shell has none)
    late = {"sqlite3", "warmup_tui.log.db", "warmup_tui.audio.player",
            "warmup_tui.audio.voice", "warmup_tui.programme.files", "warmup_tui.ui.today"}
    assert loaded & late == set()
