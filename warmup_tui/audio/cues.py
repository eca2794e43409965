"""Which sound each session event makes. An EventSink: ``handle(event)`` only calls ``play``.

One sound per moment: cues due at the very instant a segment starts (a switch segment's
"switch sides", an exercise that starts on the other side, the last run interval, the first
rep) stay quiet, and the start plays the most telling of them instead of its own sound, so
two sounds never land on top of each other. Each event carries the cues the session planned,
so nothing here remembers an earlier event.
"""

from __future__ import annotations

from typing import Protocol

from warmup_tui.common.config import SoundSettings
from warmup_tui.engine.events import Event

START_SOUNDS = {"exercise": "go", "rest": "rest", "switch": "switch", "run": "run",
                "walk": "walk"}
CUE_SOUNDS = {"pip": "pip", "halfway": "halfway", "rep": "tick", "switch_sides": "switch",
              "last_interval": "last"}
# Cues at a segment's very start whose sound the start plays instead, most telling first.
START_CUES_THAT_REPLACE = ("switch_sides", "last_interval")


class SoundPlayer(Protocol):
    def play(self, name: str) -> None: ...


class CueSounds:
    """Plays a sound for each session event; see the module docstring.

    ``muted`` silences everything (the m key flips it). Events marked ``late`` (delivered
    well after they were due, after a stall) are skipped rather than played in a burst.
    """

    def __init__(self, player: SoundPlayer, settings: SoundSettings | None = None, *,
                 muted: bool = False) -> None:
        self.player = player
        self.settings = settings or SoundSettings()
        self.muted = muted

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        return self.muted

    def handle(self, event: Event) -> None:
        name = self.sound_for(event)
        if name is not None and not self.muted and not event.late:
            self.player.play(name)

    def sound_for(self, event: Event) -> str | None:
        """The sound an event makes, or None."""
        seg = event.segment
        if event.name == "segment_start" and seg is not None:
            at_start = {cue.cue for cue in event.planned if cue.at_start}
            for cue in START_CUES_THAT_REPLACE:
                if cue in at_start:
                    return CUE_SOUNDS[cue]
            return START_SOUNDS[seg.kind]
        if event.name == "cue" and event.cue is not None:
            if any(cue.at_start for cue in event.planned):
                return None  # the segment's start sound stood in for it
            if not self._cue_wanted(event.cue):
                return None
            return CUE_SOUNDS.get(event.cue)
        if event.name == "session_end":
            # The finish chord means "you did it": a session stopped early ends quietly.
            return "finish" if event.completed else None
        return None

    def _cue_wanted(self, cue: str) -> bool:
        toggles = {"pip": self.settings.pips, "halfway": self.settings.halfway,
                   "rep": self.settings.reps}
        return toggles.get(cue, True)
