"""Which sound each session event makes. An EventSink: ``handle(event)`` only calls ``play``.

One sound per moment: cues due at the very instant a segment starts (a switch segment's
"switch sides", an exercise that starts on the other side, the last run interval, the first
rep) stay quiet, and the start plays the most telling of them instead of its own sound, so
two sounds never land on top of each other.
"""

from __future__ import annotations

from typing import Protocol

from warmup_tui.common.config import SoundSettings
from warmup_tui.engine.cue_plan import plan_cues
from warmup_tui.engine.events import Event
from warmup_tui.engine.timeline import Segment

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
        self._previous: Segment | None = None
        # The segment index whose start stands in for its cues at offset 0, and those cues.
        self._covered: tuple[int, frozenset[tuple[str, int | None]]] = (-1, frozenset())

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        return self.muted

    def handle(self, event: Event) -> None:
        name = self.sound_for(event)
        if name is not None and not self.muted and not event.late:
            self.player.play(name)

    def sound_for(self, event: Event) -> str | None:
        """The sound an event makes, or None; keeps track of starts (call once per event)."""
        seg = event.segment
        if event.name == "segment_start" and seg is not None:
            return self._start_sound(seg)
        if event.name == "cue" and event.cue is not None:
            index, covered = self._covered
            if seg is not None and seg.index == index and (event.cue, event.value) in covered:
                return None
            if not self._cue_wanted(event.cue):
                return None
            return CUE_SOUNDS.get(event.cue)
        if event.name == "session_end":
            # The app hands one CueSounds every session it chains: the next session's first
            # start must not be judged against this one's last segment.
            self._previous = None
            self._covered = (-1, frozenset())
            # The finish chord means "you did it": a session stopped early ends quietly.
            return "finish" if event.completed else None
        return None

    def _start_sound(self, seg: Segment) -> str:
        previous, self._previous = self._previous, seg
        # The session plans the same cues with the same function; only the previous segment
        # may differ after a jump back, and then the worst case is one extra sound.
        at_start = frozenset(cue.key for cue in plan_cues(seg, previous)
                             if cue.anchor == "start" and cue.offset == 0)
        self._covered = (seg.index, at_start)
        names = {name for name, _value in at_start}
        for cue in START_CUES_THAT_REPLACE:
            if cue in names:
                return CUE_SOUNDS[cue]
        return START_SOUNDS[seg.kind]

    def _cue_wanted(self, cue: str) -> bool:
        toggles = {"pip": self.settings.pips, "halfway": self.settings.halfway,
                   "rep": self.settings.reps}
        return toggles.get(cue, True)
