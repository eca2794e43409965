"""The Bluetooth wake: a near-silent lead-in before a cue that follows silence.

Many Bluetooth headphones go to sleep after a moment of silence and swallow the first
fraction of a second of the next sound. With ``[sound] wake`` set, the session sends a
``heads_up`` that many real seconds before each moment that is due on its own (see
``engine.heads_up``); when that moment makes a sound and nothing has sounded for
:data:`QUIET_BEFORE_WAKE`, this sink plays a lead-in: a tone far too quiet to hear, but not
digital zero, which some headsets take for silence. The cue itself plays when due, as
always, in a stream of its own, while the lead-in is still running under it.
"""

from __future__ import annotations

import math
from array import array
from typing import Protocol

from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.player import PlayHandle
from warmup_tui.audio.quiet import QuietTracker
from warmup_tui.audio.synth import RATE
from warmup_tui.engine.events import Event

QUIET_BEFORE_WAKE = 1.0  # seconds with no sound after which a headset may have dozed off
TAIL = 0.15  # the lead-in runs on this long past the cue's start, so nothing falls between
LEVEL = 24  # peak, of 32767: about -63 dBFS, far below hearing over any headphones' hiss
HUM = 50.0  # Hz: low, so what little there is sits where ears are least sensitive


class WakePlayer(Protocol):
    quiet: QuietTracker

    def play_samples(self, data: bytes, rate: int = RATE) -> PlayHandle | None: ...


def lead_in(seconds: float) -> array[int]:
    """The lead-in for a wake of ``seconds``: a faint low hum, ``seconds + TAIL`` long."""
    count = round((seconds + TAIL) * RATE)
    step = 2 * math.pi * HUM / RATE
    return array("h", [round(LEVEL * math.sin(step * i)) or 1 for i in range(count)])


class BluetoothWake:
    """An EventSink that plays the lead-in on a ``heads_up`` for a sounding moment after
    silence; see the module docstring. It follows ``cues``: what sounds, and mute."""

    def __init__(self, player: WakePlayer, cues: CueSounds, seconds: float) -> None:
        self.player = player
        self.cues = cues
        self.heads_up = seconds  # asks the session for word this early (real seconds)
        self._data = lead_in(seconds).tobytes()

    def handle(self, event: Event) -> None:
        ahead = event.ahead
        if event.name != "heads_up" or ahead is None or self.cues.muted:
            return
        if self.cues.sound_for(ahead) is None:
            return  # nothing will sound then: no need to wake anything
        self.wake()

    def wake(self) -> bool:
        """Play the lead-in now, for a sound due ``seconds`` from now, unless sound was
        playing within :data:`QUIET_BEFORE_WAKE` of that; True when it played."""
        quiet = self.player.quiet
        due = quiet.clock.now() + self.heads_up
        if due - quiet.quiet_since() < QUIET_BEFORE_WAKE:
            return False
        return self.player.play_samples(self._data, RATE) is not None
