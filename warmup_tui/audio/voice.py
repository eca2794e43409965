"""Spoken coaching: an EventSink that says what starts, after the tone that marks it.

Order the sinks ``[cues, voice, ...]``: the cue sink starts the tone, then this one starts
the words in a stream of their own, led by silence as long as that tone (at most
``MAX_LEAD``), so the listener hears the tone, then "Run for 2 minutes".

Nothing here waits on the engine. :meth:`Voice.prepare` queues every phrase a routine can
say in a :class:`PhraseQueue`, which renders them in the background in the order they will
be needed. A phrase that is not ready when due is skipped, tones still play, and it is
queued so a later repeat of it is spoken.
"""

from __future__ import annotations

import atexit
import time
import weakref
from collections.abc import Callable, Sequence
from typing import Protocol

from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.phrase_fit import StartSlot, start_slots
from warmup_tui.audio.phrase_queue import PhraseQueue
from warmup_tui.audio.phrases import cue_phrase, end_phrase, routine_phrases, start_phrase
from warmup_tui.audio.player import PlayHandle
from warmup_tui.audio.render_leftovers import remove_leftovers_soon, speech_dir
from warmup_tui.audio.speech_cache import SpeechCache
from warmup_tui.audio.speech_engine import DEFAULT_VOICE, Engine, chosen_engine, knows_voice
from warmup_tui.audio.synth import RATE
from warmup_tui.common.config import SoundSettings, VoiceSettings
from warmup_tui.engine.cue_plan import plan_at
from warmup_tui.engine.events import Event
from warmup_tui.engine.timeline import Segment

MAX_LEAD = 0.6  # seconds of tone before the words start, however long the tone rings
DRAIN_SECONDS = 5.0  # at exit, how long a last phrase ("session finished") may finish


class SpeechPlayer(Protocol):
    volume: float

    @property
    def available(self) -> bool: ...

    def seconds(self, name: str) -> float: ...

    def play_samples(self, data: bytes, rate: int = RATE) -> PlayHandle | None: ...


class _NoSound:
    def play(self, name: str) -> None:
        return None


class Voice:
    """Speaks each event's phrase through ``player``; see the module docstring.

    ``muted`` silences it (follow the cue sink's mute). ``sound`` gives the cue toggles:
    with the halfway tone off, "Halfway" is not said either.
    """

    def __init__(self, player: SpeechPlayer, cache: SpeechCache, *,
                 sound: SoundSettings | None = None, muted: bool = False) -> None:
        self.player = player
        self.cache = cache
        self._phrases = PhraseQueue(player, cache)
        self._speaking: PlayHandle | None = None
        self._muted = muted
        # A twin of the cue sink that plays nothing: it says which tone each event makes,
        # so the words wait for that tone and follow the same cue toggles.
        self._tones = CueSounds(_NoSound(), sound)
        self._slots: dict[int, StartSlot] = {}
        _VOICES.add(self)

    # ----- preparing ---------------------------------------------------------------------

    def prepare(self, segments: Sequence[Segment]) -> None:
        """Start rendering every phrase of ``segments`` in the background; returns at once."""
        texts = routine_phrases(segments)
        self._slots = start_slots(segments, self._tones.settings, self._leads(segments))
        # The shorter forms after all the full ones (needed only where those do not fit).
        shorter = [form for slot in self._slots.values() for form in slot.forms[1:]]
        self._phrases.prepare(texts, shorter)

    def _leads(self, segments: Sequence[Segment]) -> dict[int, float]:
        """The tone each segment starts with, as seconds before its words begin."""
        leads = {}
        for index, segment in enumerate(segments):
            start = Event("segment_start", 0.0, segment=segment,
                          planned=tuple(plan_at(segments, index)))
            leads[index] = min(MAX_LEAD, self._tone_length(self._tones.sound_for(start)))
        return leads

    def wait_ready(self, timeout: float, count: int | None = None) -> bool:
        """Wait up to ``timeout`` seconds until the first ``count`` phrases of the last
        :meth:`prepare` (all when None) are rendered or given up on; True when they are.
        For before a session starts, never during one."""
        return self._phrases.wait_ready(timeout, count)

    def ready(self, text: str) -> bool:
        """True when ``text`` can be spoken at once."""
        return self._phrases.ready(text)

    # ----- speaking ----------------------------------------------------------------------

    @property
    def muted(self) -> bool:
        return self._muted

    @muted.setter
    def muted(self, muted: bool) -> None:
        # However it is set (the app sets it to follow the cue sink), muting stops the
        # words being spoken at once.
        self._muted = muted
        if muted:
            self._stop_speaking()

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        return self.muted

    def handle(self, event: Event) -> None:
        tone = self._tones.sound_for(event)
        text = self.phrase_for(event)
        if event.name == "session_end" and text is None:
            self._stop_speaking()  # cut short: say nothing more
        if text is None or self.muted or event.late:
            return
        if event.name == "cue" and tone is None:
            return  # that cue is switched off in the sound settings
        if event.name == "segment_start":
            text = self._fitting(event, text)
            if text is None:
                return
        data = self._phrases.scaled(text)
        if data is None:
            return  # too late for now; queued, so ready for the next time it is said
        lead = min(MAX_LEAD, self._tone_length(tone))
        self._stop_speaking()
        self._speaking = self.player.play_samples(bytes(2 * round(lead * RATE)) + data, RATE)

    def phrase_for(self, event: Event) -> str | None:
        """The phrase for ``event``, or None."""
        seg = event.segment
        if event.name == "segment_start" and seg is not None:
            return start_phrase(seg, event.planned)
        if event.name == "cue" and event.cue is not None:
            return cue_phrase(event.cue)
        if event.name == "session_end":
            return end_phrase(event.last, event.completed)
        return None

    def _fitting(self, event: Event, full: str) -> str | None:
        """The longest form of a start's words that ends before the next sound; None when
        none does, or when the one to say is still being rendered."""
        slot = self._slots.get(event.segment.index) if event.segment else None
        if slot is None or slot.forms[0] != full:
            return full  # not prepared for these segments: say it as it is
        for form in slot.forms:
            samples = self._phrases.samples(form)
            if samples is None and not self._phrases.failed(form):
                return None  # still being rendered
            if samples is not None and slot.fits(samples):
                return form
        return None

    def wait_idle(self, timeout: float = DRAIN_SECONDS) -> None:
        """Wait (up to ``timeout``) for the phrase being spoken; for exits only."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            handle = self._speaking
            try:
                if handle is None or not handle.is_playing():
                    return
            except Exception:
                return
            time.sleep(0.01)

    def _tone_length(self, tone: str | None) -> float:
        if tone is None:
            return 0.0
        return self.player.seconds(tone)

    def _stop_speaking(self) -> None:
        handle, self._speaking = self._speaking, None
        if handle is not None:
            try:
                handle.stop()
            except Exception:
                return


def make_voice(player: SpeechPlayer, settings: VoiceSettings, enabled: bool | None = None,
               *, sound: SoundSettings | None = None, engine: Engine | None = None,
               notice: Callable[[str], None] | None = None) -> Voice | None:
    """A Voice for ``player``, or None when speech is off (``enabled`` overrides the
    setting when not None) or no speech engine is installed. A voice name the engine does
    not know is told to ``notice`` once, and the engine's default voice speaks instead.
    Renders a killed app left half-done are removed meanwhile, on a thread of their own."""
    remove_leftovers_soon(speech_dir())
    wanted = settings.enabled if enabled is None else enabled
    if not wanted:
        return None
    engine = engine or chosen_engine(settings.engine, notice)
    if engine is None:
        return None
    voice = settings.voice
    if engine.name == "piper":
        voice = DEFAULT_VOICE  # Piper speaks with its model; the setting names espeak's voices
    elif voice != DEFAULT_VOICE and not knows_voice(engine, voice):
        if notice is not None:
            shown = voice if voice.isprintable() and len(voice) <= 40 else f"{voice[:40]!r}"
            notice(f'voice "{shown}" is not one {engine.name} knows; using its default voice')
        voice = DEFAULT_VOICE
    return Voice(player, SpeechCache(engine, voice, settings.rate), sound=sound)


_VOICES: weakref.WeakSet[Voice] = weakref.WeakSet()


@atexit.register
def _drain_at_exit() -> None:
    # Registered after the player's own exit hook, so it runs first: a headless run ends
    # right after "session finished" is started, and the player would stop it mid-word.
    for voice in list(_VOICES):
        voice.wait_idle()
