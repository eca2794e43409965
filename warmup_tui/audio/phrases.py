"""What the voice says: pure functions from segments and events to short spoken phrases.

A phrase names what starts now, in the words a coach would use: "Glute bridge, 30 seconds",
"Side leg lift, left side, 10 reps", "Switch sides", "Run for 2 minutes", "Walk for 90
seconds". Pips and rep ticks stay tones; the voice speaks at segment starts, halfway and
at the end only, so it never talks over itself on a busy segment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from warmup_tui.engine.cue_plan import CueName, PlannedCue, plan_at
from warmup_tui.engine.timeline import Segment
from warmup_tui.engine.wording import (
    LAST_INTERVAL,
    set_text,
    side_words,
    switch_heading,
    switch_words,
)

MAX_NAME_CHARS = 120  # a step name longer than this is cut, so a phrase stays a phrase
SHORT_NAME_WORDS = 3  # the shortest form of a long name: its first words
FINISHED = "Well done, session finished"
WARMUP_DONE = "Warmup done"
HALFWAY = "Halfway"

_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def spoken_duration(seconds: float) -> str:
    """A duration as it is said aloud: "30 seconds", "90 seconds", "2 minutes",
    "2 and a half minutes", "3 minutes 15 seconds", "1 hour"."""
    whole = max(1, round(seconds))
    if whole < 120 and whole % 60:
        return _count(whole, "second")
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if not hours and secs == 30:
        return f"{minutes} and a half minutes"
    parts = []
    if hours:
        parts.append(_count(hours, "hour"))
    if minutes:
        parts.append(_count(minutes, "minute"))
    if secs:
        parts.append(_count(secs, "second"))
    return " ".join(parts)


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def clean_name(name: str) -> str:
    """A step name made fit to speak: control characters and runs of white space become
    one space, and it is cut to a sensible length. Nothing else is touched: the engine is
    given the text as data, never through a shell."""
    text = _SPACE.sub(" ", _CONTROL.sub(" ", name)).strip()
    return text[:MAX_NAME_CHARS].rstrip()


def start_phrase(segment: Segment, planned: Sequence[PlannedCue] = ()) -> str:
    """What to say as ``segment`` starts; ``planned`` is the cues the session planned for
    it (a ``segment_start`` event carries them). A segment whose cue line is ``spoken``
    has it said after its name: "Run for 2 minutes. Slower today: ..."."""
    words = _start_words(segment, planned)
    if segment.spoken and (line := clean_name(segment.cue)):
        return f"{words}. {line}"
    return words


def _start_words(segment: Segment, planned: Sequence[PlannedCue]) -> str:
    length = spoken_duration(segment.duration)
    cues = {cue.cue for cue in planned}
    if segment.kind == "switch":
        return switch_words(segment.side)
    if segment.kind == "rest":
        return f"Rest, {length}"
    if segment.kind == "run":
        run = f"Run for {length}"
        return f"{LAST_INTERVAL}. {run}" if "last_interval" in cues else run
    if segment.kind == "walk":
        if segment.step == "Walk":
            return f"Walk for {length}"
        return f"{clean_name(segment.step)}, {length}"
    parts = [clean_name(segment.step) or "Next step"]
    if segment.side:
        parts.append(side_words(clean_name(segment.side)))
    if sets := set_text(segment):
        parts.append(sets)
    parts.append(_count(segment.reps, "rep") if segment.reps else length)
    phrase = ", ".join(parts)
    # An exercise that starts on the other side with no switch segment before it.
    if "switch_sides" in cues:
        return f"{switch_words(segment.side)}. {phrase}"
    return phrase


def start_forms(segment: Segment, planned: Sequence[PlannedCue] = ()) -> list[str]:
    """What may be said as ``segment`` starts, longest first: :func:`start_phrase`, then
    shorter forms for when it would run into the next sound. Each form drops what the
    screen and the tone already tell: the count or length first ("Side leg lift, left
    side"), then the side ("Side leg lift"), then all but the first words of a long name."""
    full = start_phrase(segment, planned)
    if segment.kind == "switch":
        return list(dict.fromkeys([full, switch_heading(segment.side)]))  # "Turn round"
    if segment.kind == "rest":
        return [full, "Rest"]
    if segment.kind == "run":
        last = "last_interval" in {cue.cue for cue in planned}
        return [full, LAST_INTERVAL if last else "Run"]
    name = clean_name(segment.step) or "Next step"
    forms = [full]
    if segment.kind == "exercise" and segment.side:
        forms.append(f"{name}, {side_words(clean_name(segment.side))}")
    forms.extend([name, " ".join(name.split()[:SHORT_NAME_WORDS])])
    return list(dict.fromkeys(forms))


def cue_phrase(cue: CueName) -> str | None:
    """What to say for a cue during a segment. Switch-sides and last-interval cues fall at
    a segment's very start, where :func:`start_phrase` already says them."""
    return HALFWAY if cue == "halfway" else None


def end_phrase(last: Segment | None, completed: bool) -> str | None:
    """What to say when the session ends: nothing when it was cut short."""
    if not completed or last is None:
        return None
    return FINISHED if last.kind in ("run", "walk") else WARMUP_DONE


def routine_phrases(segments: Sequence[Segment]) -> list[str]:
    """Every phrase a run through ``segments`` in order can say, each once, in the order
    they are first needed (so rendering them in this order readies the earliest first)."""
    phrases: list[str] = []
    for index, segment in enumerate(segments):
        planned = plan_at(segments, index)  # what the session will plan as it runs
        phrases.append(start_phrase(segment, planned))
        phrases.extend(text for cue in planned if (text := cue_phrase(cue.cue)) is not None)
    if segments:
        phrases.extend(p for p in (end_phrase(segments[-1], True),) if p)
    return list(dict.fromkeys(phrases))
