"""What listens to a session in the app: cue sounds, the metronome, the voice and the log.

One sound player lives as long as the app, so sounds load once and a missing device is
reported once; each session gets its own log recorder.
"""

from __future__ import annotations

from collections.abc import Callable

from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.metronome import Metronome
from warmup_tui.audio.metronome_sink import MetronomeSink, carries_cadence
from warmup_tui.audio.player import Player
from warmup_tui.audio.voice import Voice, make_voice
from warmup_tui.common.config import Settings
from warmup_tui.engine.clock import MonotonicClock
from warmup_tui.engine.events import EventSink
from warmup_tui.log.recorder import LogRecorder
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.ui.widgets.sound_status import SoundStatus

Notice = Callable[[str], None]


class SessionServices:
    """Builds the sinks for each session and keeps the app-wide sound state."""

    def __init__(self, settings: Settings, *, muted: bool, bell: Callable[[], None],
                 notice: Notice, voice: bool | None = None) -> None:
        self.settings = settings
        self.notice = notice
        self.player = Player(volume=settings.sound.volume, bell=bell, on_notice=notice)
        self.cues = CueSounds(self.player, settings.sound, muted=muted)
        # None when speech is off or no engine is installed: tones alone, no complaint.
        self.voice: Voice | None = make_voice(self.player, settings.voice, voice,
                                              sound=settings.sound, notice=notice)
        if self.voice is not None:
            self.voice.muted = muted
        # The metronome keeps real time whatever --speed says: it is for the runner's feet.
        self.metronome = MetronomeSink(
            Metronome(self.player, MonotonicClock(), settings.training.cadence),
            settings.training.cadence, enabled=settings.sound.metronome and not muted,
        )
        self._metronome_wanted = settings.sound.metronome

    @property
    def muted(self) -> bool:
        return self.cues.muted

    def toggle_mute(self) -> bool:
        muted = self.cues.toggle_mute()
        if self.voice is not None:
            self.voice.muted = muted
        self.metronome.set_enabled(self._metronome_wanted and not muted)
        return muted

    def toggle_metronome(self) -> bool:
        self._metronome_wanted = not self._metronome_wanted
        self.metronome.set_enabled(self._metronome_wanted and not self.muted)
        return self._metronome_wanted

    def sound_status(self) -> SoundStatus:
        """What the session screen's indicator shows."""
        return SoundStatus(muted=self.muted, clicks=self._metronome_wanted,
                           voice=self.voice is not None)

    def sinks_for(self, run: PlannedRun, speed: float) -> list[EventSink]:
        """Sound first, so a cue starts before anything slower runs; the words after the
        tone; the log last. Speech for the whole session starts rendering now, in the
        background, during the get-ready."""
        recorder = LogRecorder(
            run.routine_id, run.segments, routine_name=run.name,
            programme_id=run.programme_id, programme_session=run.programme_session,
            resumed_from=run.resumed_from, speed=speed, on_notice=self.notice,
        )
        if carries_cadence(run.segments):
            # A cadence written into the session (--cadence, a routine's cadence) asks
            # for the clicks; c still turns them off.
            self._metronome_wanted = True
            self.metronome.set_enabled(not self.muted)
        if self.voice is None:
            return [self.cues, self.metronome, recorder]
        self.voice.prepare(run.segments)
        return [self.cues, self.voice, self.metronome, recorder]

    def shutdown(self) -> None:
        self.metronome.stop()
