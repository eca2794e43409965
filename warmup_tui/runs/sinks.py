"""The one way to build what listens to a session: cue sounds, the voice, the metronome
and the training log, for the app and for headless runs alike.

One :class:`SessionSinks` is made per process from the settings and the flags. It keeps
the process-wide sound state (one player, so sounds load once and a missing device is
reported once; one voice, so a chained run reuses what is already rendered) and gives the
ordered sink list for each planned run.

What a session does not use is not even imported: a voice for a muted start is made only
once sound is turned on (on a thread of its own: it may ask the engine about a voice), and
the Bluetooth wake only when the settings ask for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.metronome_sink import MetronomeSink, carries_cadence
from warmup_tui.audio.player import Player
from warmup_tui.audio.render_leftovers import remove_leftovers_soon, speech_dir
from warmup_tui.common.config import Settings
from warmup_tui.engine.clock import MonotonicClock
from warmup_tui.engine.events import Event, EventSink
from warmup_tui.engine.timeline import Segment
from warmup_tui.log.recorder import LogRecorder
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.sound_status import SoundStatus

if TYPE_CHECKING:
    from warmup_tui.audio.metronome import Metronome
    from warmup_tui.audio.voice import Voice
    from warmup_tui.audio.wake import BluetoothWake

Notice = Callable[[str], None]

# A headless run has no get-ready, so its first phrase is due the moment it starts: wait
# for that one (a few milliseconds, or nothing once cached); the rest render as it runs.
FIRST_PHRASE_WAIT = 5.0
NO_ENGINE = "no speech engine found (install espeak-ng); tones only"
ENGINE_NONE = 'the settings choose no speech engine ([voice] engine = "none"); tones only'


@dataclass(frozen=True)
class Notices:
    """Where each part says what went wrong (the app: toasts; headless: stderr lines)."""

    sound: Notice
    voice: Notice
    log: Notice

    @classmethod
    def all_to(cls, notice: Notice) -> Notices:
        return cls(notice, notice, notice)


def _clicks(player: Player, cadence: int) -> Metronome:
    """The metronome, made at the first click: until then it is not made, and its module
    is loaded only once the clicks are wanted (:func:`_load_clicks`)."""
    from warmup_tui.audio.metronome import Metronome

    # It keeps real time whatever --speed says: it is for the runner's feet.
    return Metronome(player, MonotonicClock(), cadence)


def _load_clicks() -> None:
    """The metronome's modules, loaded as soon as the clicks are wanted: its first click
    comes at a run segment's start, on the app's event loop beside the cue, and an import
    there (some 2 ms, more if a worker holds the import lock) would make that start late."""
    import warmup_tui.audio.metronome  # noqa: F401


class _VoiceLater:
    """A run's voice sink while the voice is not made yet (the session started muted):
    passes each event on once it is."""

    def __init__(self, owner: SessionSinks) -> None:
        self._owner = owner

    def handle(self, event: Event) -> None:
        voice = self._owner.voice
        if voice is not None:
            voice.handle(event)


class SessionSinks:
    """Builds each run's sinks and keeps the process-wide sound state.

    ``headless`` is a run with no keys (``--plain``/``--json``): muted then means no sound
    at all (no player, no speech engine started), sounds play in this process (the app's
    go through a player process), the first phrase is waited for before
    the timing starts, and the log file is opened before it too.
    """

    def __init__(self, settings: Settings, *, muted: bool, voice: bool | None,
                 bell: Callable[[], None], notices: Notices, headless: bool = False) -> None:
        self.settings = settings
        self.notices = notices
        self.headless = headless
        self._metronome_wanted = settings.sound.metronome
        self.cues: CueSounds | None = None
        self.voice: Voice | None = None
        self.metronome: MetronomeSink | None = None
        self.wake: BluetoothWake | None = None
        self._player: Player | None = None
        self._lock = threading.Lock()
        # A voice wanted but not made yet: the session started muted.
        self._voice_later = False
        self._voice_asked = False  # its making has started
        # A muted session's words, rendered only once sound comes back on: until then
        # nothing is said, and the speech would only take memory.
        self._words_waiting: Sequence[Segment] | None = None
        if headless and muted:
            return  # nothing can unmute it: make no sound at all
        # The app's cues are opened by a player process, so its event loop never waits
        # for a device; a headless run has no loop to keep free, and plays them here.
        player = Player(volume=settings.sound.volume, bell=bell, on_notice=notices.sound,
                        process=not headless)
        self._player = player
        self.cues = CueSounds(player, settings.sound, muted=muted)
        if settings.sound.wake > 0:
            from warmup_tui.audio.wake import BluetoothWake

            self.wake = BluetoothWake(player, self.cues, settings.sound.wake)
        self._voice_choice = voice
        wanted = settings.voice.enabled if voice is None else voice  # else tones alone
        if wanted and not muted:
            self.voice = self._make_voice(player, voice, muted)
        else:  # renders a killed app left half-done go all the same (make_voice does it)
            self._voice_later = bool(wanted)  # nothing is said until sound is on
            remove_leftovers_soon(speech_dir())
        self.metronome = MetronomeSink(
            partial(_clicks, player, settings.training.cadence),
            settings.training.cadence, enabled=self._metronome_wanted and not muted,
        )
        if self.metronome.enabled:
            _load_clicks()

    def _make_voice(self, player: Player, choice: bool | None, muted: bool) -> Voice | None:
        # None when speech is off or no engine is installed: tones alone. Asked for by
        # name and impossible: say why, once (this object lives as long as the process).
        from warmup_tui.audio.speech_engine import find_engine
        from warmup_tui.audio.voice import make_voice

        voice = make_voice(player, self.settings.voice, choice, sound=self.settings.sound,
                           notice=self.notices.voice)
        engine = self.settings.voice.engine  # one named but missing was told by make_voice
        if voice is None and choice and engine == "none":
            self.notices.voice(ENGINE_NONE)
        elif voice is None and choice and engine == "auto" and find_engine() is None:
            self.notices.voice(NO_ENGINE)
        if voice is not None:
            voice.muted = muted
        return voice

    @property
    def muted(self) -> bool:
        return self.cues is None or self.cues.muted

    def toggle_mute(self) -> bool:
        if self.cues is None:
            return True
        muted = self.cues.toggle_mute()
        if not muted and self._voice_later and not self._voice_asked and self._player:
            self._voice_asked = True
            threading.Thread(target=self._make_voice_later, args=(self._player,),
                             name="voice-later", daemon=True).start()
        self._voice_follows_mute()
        self._apply_metronome()
        return muted

    def _make_voice_later(self, player: Player) -> None:
        voice = self._make_voice(player, self._voice_choice, self.muted)
        with self._lock:
            self.voice, self._voice_later = voice, False
        self._voice_follows_mute()

    def _voice_follows_mute(self) -> None:
        """The voice takes the cues' mute; unmuted, it prepares the words held back.
        From the event loop and the voice-later thread: the mute is read under the lock."""
        with self._lock:
            voice, muted = self.voice, self.muted
            if voice is None:
                return
            voice.muted = muted
            waiting, self._words_waiting = self._words_waiting, None
        if not muted and waiting is not None:
            voice.prepare(waiting)

    def sound_status(self) -> SoundStatus:
        """What the session screen's indicator shows."""
        return SoundStatus(muted=self.muted, clicks=self._metronome_wanted,
                           voice=self.voice is not None or self._voice_later)

    def toggle_metronome(self) -> bool:
        self._metronome_wanted = not self._metronome_wanted
        self._apply_metronome()
        return self._metronome_wanted

    def _apply_metronome(self) -> None:
        if self.metronome is not None:
            on = self._metronome_wanted and not self.muted
            if on:
                _load_clicks()
            self.metronome.set_enabled(on)

    def sinks_for(self, run: PlannedRun, speed: float,
                  output: EventSink | None = None) -> list[EventSink]:
        """Sound first, so a cue starts before anything slower runs; the words after the
        tone; the clicks; the Bluetooth wake (it acts on word ahead of a sound, never on the
        sound itself); ``output`` (headless lines); the log last. Speech for the whole
        session starts rendering now, in the background."""
        if carries_cadence(run.segments):
            # A cadence written into the session (--cadence, a routine's cadence) asks
            # for the clicks; c still turns them off.
            self._metronome_wanted = True
            self._apply_metronome()
        with self._lock:
            voice, later = self.voice, self._voice_later
            hold = later or (voice is not None and self.muted)
            self._words_waiting = run.segments if hold else None
        if voice is not None and not hold:
            voice.prepare(run.segments)
            if self.headless:
                voice.wait_ready(FIRST_PHRASE_WAIT, count=1)
        spoken = _VoiceLater(self) if later else voice
        parts = (self.cues, spoken, self.metronome, self.wake, output,
                 self._recorder(run, speed))
        return [sink for sink in parts if sink is not None]

    def _recorder(self, run: PlannedRun, speed: float) -> LogRecorder | None:
        """The run's log recorder, or None when one cannot even be made: the log must
        never fail a run."""
        try:
            recorder = LogRecorder(
                run.routine_id, list(run.segments), routine_name=run.name,
                programme_id=run.programme_id, programme_session=run.programme_session,
                resumed_from=run.resumed_from, speed=speed, on_notice=self.notices.log,
            )
            if self.headless:
                recorder.open()  # opening (and creating) the file now keeps it out of the timing
        except Exception as error:  # a log that cannot be set up is reported, not fatal
            self.notices.log(f"the training log is off for this run ({error})")
            return None
        return recorder

    @staticmethod
    def end_session(sinks: list[EventSink]) -> None:
        """After a headless run, however it ended: the record reaches the file and the
        clicks do not outlive their session."""
        for sink in sinks:
            if isinstance(sink, LogRecorder):
                sink.close()
            elif isinstance(sink, MetronomeSink):
                sink.stop()

    def shutdown(self) -> None:
        if self.metronome is not None:
            self.metronome.stop()
        if self._player is not None:
            self._player.close()  # its process lets a last cue ring out, then ends
