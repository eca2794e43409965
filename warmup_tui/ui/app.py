"""The Textual application: owns the screens and wires the engine's events to sound and log."""

from __future__ import annotations

import asyncio
import gc
import sys
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker

from warmup_tui.common.terminal_text import shown, shown_lines
from warmup_tui.ui.key_display import one_character_key
from warmup_tui.ui.session_flow import SessionFlow
from warmup_tui.ui.signal_ending import SignalEnding

if TYPE_CHECKING:  # home and start-up's messages load with home, or after the first frame
    from warmup_tui.ui.home_offers import HomeOffers
    from warmup_tui.ui.messages import (
        ChainPlanned,
        CheckInSaved,
        HomeLoaded,
        MorningDue,
        RoutinePlanned,
        SoundsLoaded,
        StartChecked,
        TodayPlanned,
        TodayRead,
    )
    from warmup_tui.ui.screens.home import HomeScreen

if TYPE_CHECKING:  # settings and routines load on start-up's worker, after home's first frame
    from warmup_tui.common.config import Settings
    from warmup_tui.routines.library import Library
    from warmup_tui.runs.plan import PlannedRun

if TYPE_CHECKING:  # the session's screens and engine load with the first session
    from warmup_tui.engine.clock import Clock
    from warmup_tui.engine.events import EventSink
    from warmup_tui.engine.summary import SessionSummary
    from warmup_tui.ui.screens.editor import EditorScreen
    from warmup_tui.ui.screens.session import SessionScreen

if TYPE_CHECKING:  # sound, voice, log and programme load on start-up's worker thread
    from warmup_tui.runs.resume import ResumeOffer
    from warmup_tui.runs.sinks import SessionSinks

ClockFactory = Callable[[], "Clock"]
SESSION_MODULE = "warmup_tui.ui.screens.session"
HOME_MODULE = "warmup_tui.ui.screens.home"


class WarmupApp(App[int]):
    """warmup-tui. Starts on the home screen, or straight into a session when given runs."""

    TITLE = "warmup"
    SUB_TITLE = "pre-run warmup and run-walk timer"
    # A full path: Textual reads a relative one beside the subclass's file.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    BINDINGS = [
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="app.quit"),
    ]

    def __init__(
        self,
        *,
        library: Library | None = None,
        settings: Settings | None = None,
        clock_factory: ClockFactory | None = None,
        speed: float = 1.0,
        mute: bool = False,
        start_runs: list[PlannedRun] | None = None,
        start_chain: Callable[[], list[PlannedRun]] | None = None,
        start_screen: Callable[[], Screen[Any]] | None = None,
        get_ready: float = 3.0,
        voice: bool | None = None,
        now: Callable[[], datetime] | None = None,
        ends_in_shell: bool = False,
    ) -> None:
        """``start_chain``: plans what ``start_runs`` chain into, on a worker once the first
        of them shows its get-ready (it may raise ProblemsError; the runs then go alone).
        ``ends_in_shell``: opened for one session from the shell (``warmup run NAME``,
        ``today``, ``intervals``): when it and what it chains into are over, the app ends
        rather than going on to home."""
        super().__init__()
        self.now_factory = now or (lambda: datetime.now().astimezone())  # "this morning"
        self.session_flow = SessionFlow(self)
        self._library = library
        self._settings = settings
        self._settings_lock = threading.Lock()
        self.setting_problems: list[str] = []  # toasts not shown yet
        self.speed = speed
        self.clock_factory = clock_factory or partial(_real_clock, speed)
        self._muted_asked = mute
        self.voice_choice = voice
        self._services: SessionSinks | None = None
        self.pending_runs = start_runs or []
        self._start_chain = start_chain if self.pending_runs else None
        # Start-up loads the sounds for those runs; until then their sessions wait.
        self._sounds_coming = bool(self.pending_runs)
        # They wait for the answer about a cut-off session too (asked over their get-ready).
        self._resume_settled = start_screen is not None  # the editor asks nothing
        # A screen to open on start (``warmup edit``); closing it ends the app.
        self.start_screen = start_screen
        self.get_ready = get_ready
        self._loop: asyncio.AbstractEventLoop | None = None  # for toasts from threads
        self.start_up_worker: Worker[None] | None = None  # made once the first frame is up
        self.signal_ending = SignalEnding(self)
        self.ends_in_shell = ends_in_shell

    # ----- start-up ------------------------------------------------------------------

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every toast, from any screen: its text often names a routine or a file, so it
        is never read as markup and its control characters are written out."""
        super().notify(shown_lines(message), title=shown(title), severity=severity,
                       timeout=timeout, markup=False)

    def get_key_display(self, binding: Binding) -> str:
        # One-character keys without Textual's Unicode name lookup (ui/key_display.py).
        return one_character_key(binding) or super().get_key_display(binding)

    def get_default_screen(self) -> Screen[None]:
        if self.ends_in_shell:
            # Never shown: the app ends with the session. Home's module (and its widgets,
            # its messages) would only delay the session's first frame.
            return Screen()
        from warmup_tui.ui.screens.home import HomeScreen
        from warmup_tui.ui.services import AppServices

        # "loading" until start_up's HomeLoaded fills it in
        return HomeScreen(AppServices(lambda: self.library, lambda: self.settings),
                          hidden_at_first=bool(self.pending_runs))

    @cached_property
    def home_offers(self) -> HomeOffers:
        from warmup_tui.ui.home_offers import HomeOffers

        return HomeOffers(self)

    def home_screens(self) -> list[HomeScreen]:
        """Home, if it is open. It cannot be before its module has loaded (a session from
        the shell has none), so asking does not load it."""
        if HOME_MODULE not in sys.modules:
            return []
        from warmup_tui.ui.screens.home import HomeScreen

        return [screen for screen in self.screen_stack if isinstance(screen, HomeScreen)]

    @property
    def settings(self) -> Settings:
        """The user's settings. Read on first use, which for home is start-up's worker:
        the settings' module, its checker and tomllib, and the file itself, would delay
        a first frame that shows none of them. Each bad one is said in a toast."""
        with self._settings_lock:
            if self._settings is None:
                from warmup_tui.common.config import load_settings

                self._settings, problems = load_settings()
                self.setting_problems = [str(problem) for problem in problems]
                self._tell_setting_problems()
            return self._settings

    @property
    def start_muted(self) -> bool:
        return self._muted_asked or self.settings.sound.mute

    def _tell_setting_problems(self) -> None:
        """The settings' problems as toasts, once, from whichever thread read them; read
        before the app runs, on_mount tells them."""
        if self._loop is None:
            return
        problems, self.setting_problems = self.setting_problems, []
        for problem in problems:
            self.toast_from_anywhere(problem, title="Settings", severity="warning", timeout=8)

    @property
    def library(self) -> Library:
        """The routines, bundled and the user's. Made on first use, which for home is
        start-up's worker: importing the library brings the routines' model, schema and
        files, which home's first frame does not show."""
        if self._library is None:  # two threads at once would make two equal ones: harmless
            from warmup_tui.routines.library import Library

            self._library = Library()
        return self._library

    @property
    def services(self) -> SessionSinks:
        """Sound and log: loaded by start-up when a session was asked for, else on first use."""
        if self._services is None:
            self._services = self.make_services()
        return self._services

    def make_services(self) -> SessionSinks:
        """Loads the sounds and the voice (slow: start-up calls it on its worker thread)."""
        from warmup_tui.runs.sinks import Notices, SessionSinks

        return SessionSinks(self.settings, muted=self.start_muted, voice=self.voice_choice,
                            bell=self.bell, notices=Notices.all_to(self.warn_from_anywhere))

    def cut_off_offer(self) -> ResumeOffer | None:
        """The cut-off session to offer, if any (reads the log: start-up's worker calls it)."""
        from warmup_tui.ui.resume_offer import resume_offer

        return resume_offer(self.library)

    def warn_from_anywhere(self, message: str) -> None:
        """A warning toast, from the event loop or from a worker thread."""
        self.toast_from_anywhere(message, severity="warning", timeout=6)

    def toast_from_anywhere(self, message: str, **options: Any) -> None:
        """``notify``, from the event loop or a worker thread (before the loop runs: now)."""
        toast = partial(self.notify, message, **options)
        if self._loop is None or threading.get_ident() == self._thread_id:
            toast()
        else:
            self._loop.call_soon_threadsafe(toast)

    @property
    def muted(self) -> bool:
        return self.services.muted

    def on_mount(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.signal_ending.watch()
        self._tell_setting_problems()
        if self.start_screen is not None:
            self.push_screen(self.start_screen(), lambda _result: self.exit(0))
        if self.pending_runs:  # its get-ready is the first frame; its clock waits
            self.session_flow.start_runs(self.pending_runs,
                                         chain_coming=self._start_chain is not None)
        # Everything that reads a disk waits until the first frame is up: the worker's
        # imports would hold the GIL while that frame is drawn.
        self.call_after_refresh(self._load_the_rest)

    def _load_the_rest(self) -> None:
        gc.enable()  # held back until the first frame by cli/app_cmd.py
        from warmup_tui.ui import start_up

        load = partial(start_up.load, self, check_resume=self.start_screen is None,
                       sessions_waiting=bool(self.session_flow.waiting))
        self.start_up_worker = self.run_worker(load, name="start-up", group=start_up.GROUP,
                                               exclusive=True, thread=True)
        if self._start_chain is not None:
            self.run_worker(partial(start_up.plan_chain, self, self._start_chain),
                            name="chain", group="chain", thread=True)

    def on_chain_planned(self, message: ChainPlanned) -> None:
        self.session_flow.chain_planned(message.runs, message.problems)

    def on_home_loaded(self, message: HomeLoaded) -> None:
        for screen in self.home_screens():
            screen.fill(message.entries, message.today_label, message.advice)

    def on_start_checked(self, message: StartChecked) -> None:
        if self.signal_ending.ended:
            return  # the app is on its way out: opening a session now would keep it running
        # A cut-off session is offered whichever way the app was started, over the
        # get-ready of a session asked for; declining goes on with that session. A session
        # of another routine asked for by name is never held up by it (it stays on home).
        from warmup_tui.runs.resume import offer_in_front_of
        from warmup_tui.ui.resume_offer import ask_to_resume  # imported by start-up's worker

        runs = self.pending_runs
        asked = runs[0].routine_id if runs and runs[0].asked_by_name else None
        ask_to_resume(self, offer_in_front_of(message.offer, asked), self._resume_answered)

    def on_morning_due(self, message: MorningDue) -> None:
        """Asked over home only; anywhere else it waits for the next start."""
        if self.screen not in self.home_screens() or self.signal_ending.ended:
            return
        self.home_offers.ask_morning(message.question)

    def _resume_answered(self, resumed: PlannedRun | None) -> None:
        """Yes (``resumed``) replaces the sessions that were asked for; no lets them start."""
        self._resume_settled = True
        if resumed is not None:
            self.session_flow.drop_waiting()
            self.start_runs([resumed])
        self._start_waiting_sessions()

    def on_sounds_loaded(self, message: SoundsLoaded) -> None:
        self._sounds_coming = False
        if self.signal_ending.ended:
            message.services.shutdown()
            return
        if self._services is None:
            self._services = message.services
        else:  # loaded on first use already (the palette's mute, say)
            message.services.shutdown()
        self._start_waiting_sessions()

    def _start_waiting_sessions(self) -> None:
        """Sessions that opened at start-up start once their sounds are loaded and the
        question about a cut-off session, if any, is answered."""
        if self._services is not None and self._resume_settled:
            self.session_flow.start_waiting()

    def stop_and_exit(self, code: int = 0) -> None:
        """Quit, first ending any running session so its sinks (log, sound) hear the stop."""
        for screen in self.session_screens():
            if code != 0:  # a signal (terminal closed, SIGTERM): keep it resumable
                screen.cut_off()
            screen.stop_silently()
        if self._services is not None:
            self._services.shutdown()
        self.exit(code)

    async def action_quit(self) -> None:
        from warmup_tui.ui.screens.confirm import ConfirmScreen
        from warmup_tui.ui.screens.editor import EditorScreen

        unsaved = [s for s in self.screen_stack if isinstance(s, EditorScreen) and s.dirty]
        if not unsaved or isinstance(self.screen, ConfirmScreen):
            self.stop_and_exit(0)
            return

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.stop_and_exit(0)

        self.push_screen(ConfirmScreen("Quit without saving?",
                                       "Your routine has changes that are not saved yet.",
                                       yes="Quit", no="Keep editing"), answered)

    def session_screens(self) -> list[SessionScreen]:
        """The session screens open now. None can be before their module has loaded, so
        asking (on quitting from home, say) does not load it."""
        if SESSION_MODULE not in sys.modules:
            return []
        from warmup_tui.ui.screens.session import SessionScreen

        return [screen for screen in self.screen_stack if isinstance(screen, SessionScreen)]

    # ----- what the home screen offers (ui/home_offers.py) -------------------------

    def on_home_screen_start_routine(self, message: HomeScreen.StartRoutine) -> None:
        self.home_offers.start_routine(message.routine_id)

    def on_routine_planned(self, message: RoutinePlanned) -> None:
        self.home_offers.routine_planned(message)

    def on_home_screen_start_today(self, _message: HomeScreen.StartToday) -> None:
        self.home_offers.start_today()

    def on_today_planned(self, message: TodayPlanned) -> None:
        self.home_offers.today_planned(message)

    def on_check_in_saved(self, _message: CheckInSaved) -> None:
        self.home_offers.refresh_today()

    def on_today_read(self, message: TodayRead) -> None:
        self.home_offers.today_read(message)

    # ----- running sessions ------------------------------------------------------------

    def session_sinks(self, run: PlannedRun, speed: float) -> list[EventSink]:
        """Sound and log for one session."""
        return self.services.sinks_for(run, speed)

    def toggle_mute(self) -> bool:
        return self.services.toggle_mute()

    def toggle_metronome(self) -> bool:
        return self.services.toggle_metronome()

    @property
    def sounds_coming(self) -> bool:
        """Start-up is still loading the sounds: a session opened now waits for them."""
        return self._sounds_coming and self._services is None

    def start_runs(self, runs: list[PlannedRun]) -> None:
        """Run each planned session in turn (ui/session_flow.py)."""
        self.session_flow.start_runs(runs)

    def on_editor_screen_preview_wanted(self, message: EditorScreen.PreviewWanted) -> None:
        """The editor's preview: a session with no sinks, so nothing is logged or heard."""
        from warmup_tui.ui.screens.session import SessionScreen

        def ended(_summary: SessionSummary | None) -> None:
            self.notify("Preview over: back in the editor", timeout=3)

        self.push_screen(SessionScreen(message.run, message.clock, [],
                                       get_ready=self.get_ready), ended)

    # ----- command palette -------------------------------------------------------------

    async def action_quit_asking(self) -> None:
        """The palette's Quit: a running session first asks what q asks; ctrl+c is the
        way out that does not ask."""
        running = [s for s in self.session_screens() if s.running]
        if running:
            running[-1].ask_to_stop(on_stopped=lambda: self.stop_and_exit(0))
            return
        await self.action_quit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from warmup_tui.ui import palette

        return palette.system_commands(self, screen, super().get_system_commands(screen))


def _real_clock(speed: float) -> Clock:
    from warmup_tui.engine.clock import make_clock

    return make_clock(speed)

