"""How a segment is named in words: its side, set and interval, and the titles built from them.

One place for this wording so the plain output, the screen, the voice, the resume question
and the history report name a segment the same way. Each caller still frames it in its own
style (a spoken list, a screen label, a title in brackets); only the pieces live here.
Pure: no I/O, no textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warmup_tui.engine.timeline import Segment

SWITCH_SIDES = "Switch sides"
# A change of direction rather than of side: say what to do, not "switch sides".
TURN_ROUND = "Turn round"
WALK_BACKWARDS = "Turn round: walk backwards"
BACKWARDS = ("back", "backward", "backwards")
# Said as the last run starts, and shown with it.
LAST_INTERVAL = "Last interval"

# Sides are free text in a routine. "left"/"right" name a side of the body and read as
# "left side"; anything else ("back", "front") is a direction, and "back side" would read
# as something else entirely, so it is shown as written.
BODY_SIDES = ("left", "right")


def is_body_side(side: str) -> bool:
    return side.lower() in BODY_SIDES


def side_words(side: str) -> str:
    """'left side', 'right side'; a direction as written: 'back'."""
    return f"{side} side" if is_body_side(side) else side


def switch_heading(side: str | None) -> str:
    """The short name of a change between sides: 'Switch sides', or 'Turn round' when the
    next side is a direction such as 'back'."""
    return SWITCH_SIDES if side is None or is_body_side(side) else TURN_ROUND


def switch_words(side: str | None) -> str:
    """What to do at a change between sides, said the same on screen and aloud:
    'Switch sides', 'Turn round: walk backwards', 'Turn round: front'."""
    if side is None or is_body_side(side):
        return SWITCH_SIDES
    if side.lower() in BACKWARDS:
        return WALK_BACKWARDS
    return f"{TURN_ROUND}: {side}"


def set_text(seg: Segment) -> str:
    """'set 2 of 3' for an exercise done in more than one set, else ''."""
    if seg.sets > 1 and seg.kind == "exercise":
        return f"set {seg.set_number} of {seg.sets}"
    return ""


def interval_text(seg: Segment) -> str:
    """'Run 3 of 8' or 'Walk 3 of 8' inside the run-walk block, else ''."""
    if seg.interval and seg.intervals and seg.kind in ("run", "walk"):
        return f"{seg.step} {seg.interval} of {seg.intervals}"
    return ""


def with_side(title: str, side: str | None) -> str:
    """The short form of where someone is: 'Side leg lift (left)'."""
    return f"{title} ({side})" if side else title


def segment_title(seg: Segment) -> str:
    """The full title, for lists and plain output: 'Side leg lift (left side)', 'Run 3 of 8',
    'Glute bridge (set 2 of 3)', 'Switch sides for Side leg lift (right side)',
    'Turn round for Monster walk (back)'."""
    title = (f"{switch_heading(seg.side)} for {seg.step}" if seg.kind == "switch"
             else seg.step)
    title = interval_text(seg) or title
    extras = [text for text in (side_words(seg.side) if seg.side else "", set_text(seg))
              if text]
    return f"{title} ({', '.join(extras)})" if extras else title


def short_title(seg: Segment) -> str:
    """The short title, for a question about where to carry on: 'Side leg lift (left)',
    'Glute bridge, set 2 of 3', 'Run 3 of 8'."""
    title = interval_text(seg) or seg.step
    if sets := set_text(seg):
        title = f"{title}, {sets}"
    return with_side(title, seg.side)
