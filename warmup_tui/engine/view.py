"""What a session screen shows, as plain text and numbers worked out from the engine.

Kept free of Textual so the wording is testable; the screen copies these values into
widgets, and a widget repaints only when its value changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from warmup_tui.common.durations import format_clock
from warmup_tui.engine.cue_plan import plan_cues
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment
from warmup_tui.engine.wording import (
    LAST_INTERVAL,
    interval_text,
    is_body_side,
    segment_title,
    set_text,
    side_words,
    switch_heading,
)

BAND_TEXT = {"rest": "REST"}


@dataclass(frozen=True)
class SessionView:
    """Everything the session screen displays at one moment."""

    phase: str
    title: str
    heading: str
    clock: str
    side: str
    reps: str
    detail: str
    cue: str
    next_up: str
    position: str
    elapsed_total: str
    remaining_total: str
    done_fraction: float
    paused: bool


def side_label(side: str | None) -> str:
    """'Left side', 'Back': the side on its own line, so it starts with a capital."""
    return side_words(side).capitalize() if side else ""


def describe_next(segment: Segment | None, then: str | None = None) -> str:
    """What comes after this segment; ``then`` names the session that follows this one."""
    if segment is None:
        return f"Next: {then}" if then else "Next: finish"
    if segment.kind == "switch":
        if segment.side is None or is_body_side(segment.side):
            return f"Next: switch to the {side_label(segment.side).lower() or 'other side'}"
        return f"Next: {switch_heading(segment.side).lower()}"
    return f"Next: {segment_title(segment)} · {format_clock(segment.duration)}"


def build_view(session: Session, then: str | None = None) -> SessionView:
    """The view now; ``then`` names the session that starts after this one, if any."""
    seg = session.segment
    ready = session.in_get_ready()
    phase: str = "ready" if ready else seg.kind
    if session.state == "finished":
        phase = "finished"
    # The coloured band says what to do now; the line under it adds context when there is any.
    if ready:
        heading, title = "GET READY", f"First up: {seg.step} · {format_clock(seg.duration)}"
    elif seg.kind == "switch":
        heading, title = switch_heading(seg.side).upper(), seg.step
    else:
        heading, title = BAND_TEXT.get(seg.kind, seg.step.upper()), ""
    rep = session.current_rep()
    # The screen says "Last interval" when the voice does: the cue plan decides for both.
    last = (not ready and any(cue.cue == "last_interval" for cue in plan_cues(seg, None)))
    detail_parts = [text for text in (LAST_INTERVAL if last else "", interval_text(seg),
                                      set_text(seg).capitalize()) if text]
    total = sum(s.duration for s in session.segments)
    remaining_total = session.remaining_total()
    done = max(0.0, total - min(total, remaining_total)) if not ready else 0.0
    return SessionView(
        phase=phase,
        title=title,
        heading=heading,
        clock=format_clock(session.remaining()),
        side=side_label(seg.side),
        reps=f"Rep {rep} / {seg.reps}" if rep is not None else "",
        detail=" · ".join(detail_parts),
        cue=seg.cue,
        # In the get-ready the line above already names what comes first.
        next_up="" if ready else describe_next(session.next_segment, then),
        position=f"{seg.index + 1} of {len(session.segments)}",
        elapsed_total=format_clock(session.done_seconds()),
        remaining_total=format_clock(remaining_total),
        done_fraction=round(done / total, 3) if total else 1.0,
        paused=session.state == "paused",
    )
