"""Finding a cut-off programme session's segments again, so it can be offered for resume.

The log logs a programme session under the programme's id, which is no routine the
library knows; the log cannot rebuild it itself without importing this layer, so a front
end hands :func:`programme_timeline` to :func:`warmup_tui.runs.resume.pending_resume`.

The programme's modules load only when a programme session is looked up: most start-ups
find nothing to resume, and a session kept them in memory for nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from warmup_tui.common.problems import ProblemsError
from warmup_tui.engine.timeline import Segment
from warmup_tui.log.rows import SessionRow
from warmup_tui.routines.library import Library
from warmup_tui.runs.resume import TimelineFor, library_timeline

if TYPE_CHECKING:
    from warmup_tui.programme.model import Programme


def programme_timeline(library: Library | None = None) -> TimelineFor:
    """A ``timeline_for`` that rebuilds programme sessions from their programme file and
    anything else (a warmup, a routine) from ``library``."""
    from_library = library_timeline(library)
    # Each programme file is read once: history asks for a dozen sessions of one programme.
    programmes: dict[str, Programme | None] = {}

    def timeline_for(row: SessionRow) -> list[Segment] | None:
        if row.programme_id and row.programme_session:
            if row.programme_id not in programmes:
                programmes[row.programme_id] = _programme(row.programme_id)
            programme = programmes[row.programme_id]
            session = programme.session(row.programme_session) if programme else None
            if session is not None:
                from warmup_tui.programme.model import session_segments

                return session_segments(session)
        return from_library(row)

    return timeline_for


def _programme(programme_id: str) -> Programme | None:
    from warmup_tui.programme.files import resolve_programme

    try:
        return resolve_programme(programme_id)
    except ProblemsError:
        return None  # the programme file is gone or broken: nothing to resume from
