"""The guided session: big countdown, step, side, reps, cue and what's next."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import ScreenResume
from textual.screen import Screen
from textual.timer import Timer

from warmup_tui.engine.clock import Clock
from warmup_tui.engine.events import Event, EventSink
from warmup_tui.engine.heads_up import heads_up_for
from warmup_tui.engine.session import Session
from warmup_tui.engine.summary import SessionSummary, summarize
from warmup_tui.engine.view import SessionView, build_view
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.ui.screens.session_size import HEIGHT_CLASSES, WIDTH_CLASSES, size_classes
from warmup_tui.ui.widgets.compact_footer import CompactFooter
from warmup_tui.ui.widgets.countdown import Countdown
from warmup_tui.ui.widgets.cue_line import CueLine
from warmup_tui.ui.widgets.phase_band import PhaseBand
from warmup_tui.ui.widgets.session_progress import SessionProgress
from warmup_tui.ui.widgets.sound_status import SoundIndicator
from warmup_tui.ui.widgets.text_line import TextLine

if TYPE_CHECKING:  # the sounds' state comes with the sounds, after the first frame
    from warmup_tui.runs.sound_status import SoundStatus

GET_READY_SECONDS = 3.0
# Timers wake a hair after the due moment so the shown second has already turned over.
WAKE_MARGIN = 0.002


class SessionScreen(Screen[SessionSummary]):
    """Runs one planned session and dismisses with its summary."""

    # The footer shows only the keys a runner needs mid-stride (space, n, q, ?), so it
    # fits 60 columns; the rest are listed by ? and offered by the command palette.
    BINDINGS = [
        # One key, two bindings: the footer names what space will do now.
        Binding("space", "pause", "Pause", id="session.pause"),
        Binding("space", "resume", "Resume", id="session.resume"),
        Binding("n,right", "next", "Next", id="session.next"),
        # Only on a warmup that leads into a run: straight on to that run.
        Binding("s", "skip_warmup", "Skip", id="session.skip", tooltip="Skip the warmup"),
        Binding("b,left", "back", "Back", id="session.back", show=False),
        Binding("r", "restart", "Restart", id="session.restart", show=False),
        Binding("plus,equals_sign", "add_time", "Add 10s", key_display="+", id="session.add",
                show=False),
        Binding("minus", "remove_time", "Cut 10s", key_display="-", id="session.remove",
                show=False),
        Binding("m", "toggle_mute", "Mute", id="session.mute", show=False),
        Binding("c", "toggle_metronome", "Clicks", id="session.metronome", show=False),
        Binding("question_mark", "help", "Help", key_display="?", id="session.help"),
        Binding("q,escape", "quit_session", "Quit", id="session.quit"),
    ]

    # Under 50 columns the footer drops its palette hint so "q Quit" keeps its label
    # (? says ctrl+p opens the palette).
    HORIZONTAL_BREAKPOINTS = WIDTH_CLASSES
    VERTICAL_BREAKPOINTS = HEIGHT_CLASSES

    def __init__(
        self,
        run: PlannedRun,
        clock: Clock,
        sinks: Sequence[EventSink] = (),
        *,
        start_index: int = 0,
        get_ready: float = GET_READY_SECONDS,
        on_mute: Callable[[], bool] | None = None,
        on_metronome: Callable[[], bool] | None = None,
        then: str | None = None,
        sound_status: Callable[[], SoundStatus] | None = None,
        sounds_pending: bool = False,
    ) -> None:
        super().__init__(classes=" ".join(("session", *self._size_classes())))
        self.run = run
        self.session = Session(list(run.segments), clock, start_index=start_index,
                               lead_in=get_ready, heads_up=heads_up_for(sinks))
        self.sinks = list(sinks)
        self._on_mute = on_mute
        self._on_metronome = on_metronome
        self._timer: Timer | None = None
        self._done = False
        self._view: SessionView | None = None
        self._has_runs = any(seg.kind == "run" for seg in run.segments)
        self._then = then  # the name of the session that follows this one, if any
        self._sound_status = sound_status
        # Opened before its sounds loaded: the clock waits for them (see sounds_ready).
        self._waiting_for_sounds = sounds_pending
        self._first_frame_up = False
        self._resumed = False  # shown once already (see on_screen_resume)
        self._skipped = False

    def _size_classes(self) -> list[str]:
        try:
            app = self.app
        except RuntimeError:  # made outside an app (Textual's NoActiveAppError is private)
            return size_classes(None)
        return size_classes(app)

    def compose(self) -> ComposeResult:
        # Every line keeps its row even when empty, and the countdown takes the rows left
        # over, so nothing moves when a line appears, empties or the session pauses.
        # The lines start with the get-ready's words: filled in only by on_mount, the
        # first frame went out without them and the screen was laid out again for them.
        first = build_view(self.session, self._then)
        band = PhaseBand(first.heading, first.phase, id="heading")
        countdown = Countdown(first.clock, id="clock")
        for widget in (band, countdown):  # the phase's colours (see _show_phase)
            widget.set_class(True, f"-kind-{first.phase}", update=False)  # styled on mount
        with Vertical(id="stage"):
            yield TextLine(self.run.name, id="routine-name")
            yield band
            yield TextLine(first.title, id="step-name")
            with Horizontal(id="side-reps"):
                yield TextLine(first.side, id="side")
                yield TextLine(first.reps, id="reps")
            yield countdown
            yield TextLine(first.detail, id="detail")
            yield CueLine(first.cue, id="cue")
            yield TextLine(first.next_up, id="next-up")
            # The status row: the pause notice, and what the ear will hear.
            with Horizontal(id="status-row"):
                yield TextLine(id="paused-banner")
                yield SoundIndicator(id="sound-status")
        yield SessionProgress(first, id="progress")
        yield CompactFooter()

    def on_mount(self) -> None:
        # Looked up once: _show runs every second and should cost no DOM queries.
        self._lines = {line.id: line for line in self.query(TextLine) if line.id}
        self._countdown = self.query_one(Countdown)
        self._band = self.query_one(PhaseBand)
        self._progress = self.query_one(SessionProgress)
        # The first frame shows the session as it will start; the clock starts once that
        # frame is on the terminal, so a slow first paint costs the runner no time.
        self._show(build_view(self.session, self._then))
        self._show_sound()
        self.call_after_refresh(self._begin)

    def _begin(self) -> None:
        self._first_frame_up = True
        if self._waiting_for_sounds or self.session.state != "idle" or self._done:
            return
        early = self.session.heads_up_at_start()
        if early and self._timer is None:  # the first sound's early word, then that long
            self._deliver(early)
            self._timer = self.set_timer(self.session.heads_up.seconds, self._start,
                                         name="session-heads-up")
            return
        if self._timer is None:
            self._start()

    def _start(self) -> None:
        self._timer = None
        if self.session.state != "idle" or self._done:
            return
        self._deliver(self.session.start())
        self.refresh_bindings()
        self.tick()

    def sounds_ready(self, sinks: Sequence[EventSink],
                     sound_status: Callable[[], SoundStatus]) -> None:
        """The sounds loaded after the screen opened: the clock starts now, or once the
        first frame is up, so the first step is heard from its start."""
        self.sinks = list(sinks)
        self.session.heads_up.seconds = heads_up_for(self.sinks)
        self._sound_status = sound_status
        self._waiting_for_sounds = False
        self._show_sound()
        if self._first_frame_up:
            self._begin()

    def then_known(self, then: str | None) -> None:
        """What follows this session, planned after its first frame (see
        ui/session_flow.py): the last step's "Next:" and the skip key go by it from now."""
        self._then = then
        if self._view is not None:  # shown already: show the change
            self._show(build_view(self.session, then))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.session.state == "idle" and action not in ("help", "quit_session"):
            return None  # shown, but nothing to control until the first frame is up
        paused = self.session.state == "paused"
        if action == "pause":
            return not paused and self.session.state != "finished"
        if action == "resume":
            return paused
        if action == "toggle_metronome":
            return self._has_runs  # nothing to click to in a warmup
        if action == "skip_warmup":
            return self.is_warmup and self.session.state != "finished"
        return True

    @property
    def is_warmup(self) -> bool:
        """A session with no running that leads into another: the warmup before a run."""
        return self._then is not None and not self._has_runs

    # ----- the clock-driven loop -----------------------------------------------------

    def tick(self) -> None:
        """Deliver due events, refresh what changed, and sleep until the next change."""
        if self._done or self.session.state == "idle":
            return
        self._deliver(self.session.poll())
        self._show(build_view(self.session, self._then))
        if self.session.state == "finished":
            self._finish()
            return
        self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wake = self.session.wake_in()
        if wake is not None:
            delay = wake / self.session.clock.speed + WAKE_MARGIN
            self._timer = self.set_timer(delay, self.tick, name="session-wake")

    def _deliver(self, events: list[Event]) -> None:
        for event in events:
            for sink in self.sinks:
                try:
                    sink.handle(event)
                except Exception as error:  # a sound or log failure must not end the session
                    self.notify(f"{type(sink).__name__}: {error}", severity="warning")

    def _show(self, view: SessionView) -> None:
        previous = self._view
        self._view = view
        if previous is not None and previous == view:
            return
        changed = {f.name for f in fields(view)} if previous is None else {
            f.name for f in fields(view) if getattr(view, f.name) != getattr(previous, f.name)
        }
        if "phase" in changed:
            self._show_phase(previous.phase if previous is not None else None, view.phase)
        if "paused" in changed:
            self.set_class(view.paused, "-paused")
            if previous is not None:  # the footer builds its keys once the screen is up
                self.refresh_bindings()
        texts = {
            "step-name": view.title, "side": view.side,
            "reps": view.reps, "detail": view.detail, "cue": view.cue,
            "next-up": view.next_up,
            "paused-banner": "PAUSED  ·  space to carry on" if view.paused else "",
        }
        for widget_id, text in texts.items():
            self._lines[widget_id].show(text)
        self._band.show(view.heading, view.phase)
        self._countdown.show(view.clock)
        self._progress.show(view)

    def _show_phase(self, old: str | None, new: str) -> None:
        """The phase's colours, on the band and the clock alone: a class on the screen
        would have every widget's style worked out again, at the very moment a segment
        starts."""
        change = {f"-kind-{new}": True}
        if old is not None:
            change[f"-kind-{old}"] = False
        for widget in (self._band, self._countdown):
            widget.update_classes(change)  # one restyle each

    def _show_sound(self) -> None:
        if self._sound_status is not None:
            self.query_one(SoundIndicator).show_status(self._sound_status(), self._has_runs)

    def _finish(self) -> None:
        # A timer that was already due can still call tick() after the end; the summary
        # must be handed over exactly once.
        if self._done:
            return
        if self._timer is not None:
            self._timer.stop()
        if self.app.screen is not self:
            # Help, the stop question or the palette is on top, and dismiss() pops the
            # top screen whichever screen asks: finish once this one is back on top.
            return
        self._done = True
        summary = summarize(self.session, self.run.name)
        self.dismiss(replace(summary, skipped=True) if self._skipped else summary)

    def on_screen_resume(self, event: ScreenResume) -> None:
        if not self._resumed:
            self._resumed = True
            # Its widgets were styled as they mounted, a moment ago: Textual would style
            # them all over again (it does for a screen that comes back) before the first
            # frame. Handled before Textual's own handler, which reads this.
            event.refresh_styles = False
        if self.session.state == "finished":
            self._finish()

    def cut_off(self) -> None:
        """The app is being ended from outside (terminal closed, SIGTERM), not by the
        runner: each sink that can (the log) keeps the session resumable. Call before
        :meth:`stop_silently`, whose stop events those sinks then ignore."""
        for sink in self.sinks:
            cut_off = getattr(sink, "cut_off", None)
            if callable(cut_off):
                cut_off()

    def stop_silently(self) -> None:
        """End the session without showing the summary (the app is closing)."""
        if self._timer is not None:
            self._timer.stop()
        self._deliver(self.session.stop())

    def _control(self, events: list[Event]) -> None:
        self._deliver(events)
        self.tick()

    # ----- key actions ---------------------------------------------------------------

    def action_pause(self) -> None:
        self._control(self.session.pause())

    def action_resume(self) -> None:
        self._control(self.session.resume())

    def action_next(self) -> None:
        self._control(self.session.next())

    def action_back(self) -> None:
        self._control(self.session.back())

    def action_restart(self) -> None:
        self._control(self.session.restart())

    def action_add_time(self) -> None:
        self._control(self.session.add_time(10))

    def action_remove_time(self) -> None:
        self._control(self.session.add_time(-10))

    def action_skip_warmup(self) -> None:
        """Straight to the hand-off before the run; the log keeps the warmup as skipped."""
        self._skipped = True
        for sink in self.sinks:
            mark_skipped = getattr(sink, "mark_skipped", None)
            if callable(mark_skipped):
                mark_skipped()
        self._control(self.session.stop())

    def action_toggle_mute(self) -> None:
        if self._on_mute is None:
            self.notify("Sound is not available")
            return
        muted = self._on_mute()
        self._show_sound()
        self.notify("Sound off" if muted else "Sound on", timeout=2)

    def action_toggle_metronome(self) -> None:
        if self._on_metronome is None:
            self.notify("The metronome is not available")
            return
        on = self._on_metronome()
        self._show_sound()
        self.notify("Cadence clicks on during runs" if on else "Cadence clicks off", timeout=2)

    def action_help(self) -> None:
        from warmup_tui.ui.screens.help import HelpScreen  # not before the first frame

        self.app.push_screen(HelpScreen(self.BINDINGS))

    def action_quit_session(self) -> None:
        self.ask_to_stop()

    @property
    def running(self) -> bool:
        """Whether the session has not finished yet (a stop would cut it short)."""
        return self.session.state != "finished"

    def ask_to_stop(self, on_stopped: Callable[[], None] | None = None) -> None:
        """Ask "Stop this session?"; on yes stop it, then call ``on_stopped`` (the app's
        quit) if given. q asks this, and so does every other way of quitting."""
        if self.session.state == "finished":
            self._finish()
            return

        # The clock stands still while the runner decides; "no" carries on from there.
        paused_here = self.session.state in ("running", "ready")
        if paused_here:
            self._control(self.session.pause())

        def confirmed(stop: bool | None) -> None:
            if stop:
                self._control(self.session.stop())
                if on_stopped is not None:
                    on_stopped()
            elif paused_here:
                self._control(self.session.resume())

        # Imported when first asked: the get-ready's first frame does not wait for it.
        from warmup_tui.ui.screens.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen("Stop this session?", "Your progress so far is kept."), confirmed
        )
