"""Whether a segment's words end before its next sound, so no phrase is ever talked over.

A segment start says its words after its tone. The next sound is the first pip, the
halfway tone or, at the latest, the next segment's start (whose words would cut these
off). Rep ticks do not count: they are 35 ms blips that keep the pace, meant to be heard
under the words. The room is measured in session seconds, so a ``--speed`` preview says
the same words as the real run would (overlapping, as everything in a preview does).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from warmup_tui.audio.phrases import start_forms
from warmup_tui.audio.synth import RATE
from warmup_tui.common.config import SoundSettings
from warmup_tui.engine.cue_plan import PlannedCue, plan_at
from warmup_tui.engine.timeline import Segment

QUIET_GAP = 0.15  # seconds of quiet kept between the last word and the next sound
SPEECH_FLOOR = 300  # a sample quieter than this is the engine's trailing silence


@dataclass(frozen=True)
class StartSlot:
    """The words a segment start may say, longest first, and the time they have."""

    forms: tuple[str, ...]
    lead: float  # seconds of tone before the words begin
    room: float  # seconds from the segment's start to its next sound

    def fits(self, samples: array[int]) -> bool:
        """Whether words of ``samples`` end, with a quiet gap, before the next sound."""
        return self.lead + spoken_seconds(samples) + QUIET_GAP <= self.room


def spoken_seconds(samples: array[int]) -> float:
    """How long the words last, without the silence an engine leaves after them."""
    for index in range(len(samples) - 1, -1, -1):
        if abs(samples[index]) > SPEECH_FLOOR:
            return (index + 1) / RATE
    return 0.0


def room_after_start(segment: Segment, planned: Sequence[PlannedCue],
                     sound: SoundSettings) -> float:
    """Seconds from the start of ``segment`` to the next sound it makes (see the module
    docstring); a cue switched off in the settings makes none."""
    wanted = {"pip": sound.pips, "halfway": sound.halfway}
    times = [segment.duration]
    for cue in planned:
        if cue.at_start or cue.cue == "rep" or not wanted.get(cue.cue, True):
            continue
        times.append(cue.offset if cue.anchor == "start" else segment.duration - cue.offset)
    return min(times)


def start_slots(segments: Sequence[Segment], sound: SoundSettings,
                lead_for: dict[int, float]) -> dict[int, StartSlot]:
    """Each segment's :class:`StartSlot` by index; ``lead_for`` gives each start's lead."""
    slots = {}
    for index, segment in enumerate(segments):
        planned = plan_at(segments, index)
        slots[index] = StartSlot(tuple(start_forms(segment, planned)),
                                 lead_for.get(index, 0.0),
                                 room_after_start(segment, planned, sound))
    return slots
