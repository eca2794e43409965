"""programme_timeline: the segments a logged session ran, rebuilt for a resume offer."""

from __future__ import annotations

import pytest

from warmup_tui.engine.timeline import build_timeline
from warmup_tui.log.rows import SessionRow
from warmup_tui.programme import files as programme_files
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.model import Programme, session_segments
from warmup_tui.routines.library import Library
from warmup_tui.runs.programme_resume import programme_timeline

from .support import bundled


def row(routine_id: str, programme_id: str | None = None,
        programme_session: str | None = None) -> SessionRow:
    return SessionRow(
        id=1, routine_id=routine_id, routine_name=routine_id, routine_path=None,
        programme_id=programme_id, programme_session=programme_session, started_at=0.0,
        updated_at=0.0, ended_at=None, planned_seconds=0.0, actual_seconds=0.0,
        run_seconds=0.0, segments_done=0, segments_total=0, last_index=0, last_step=None,
        last_side=None, status="running", pid=None, speed=1.0, resumed_from=None)


def test_a_programme_session_is_rebuilt_from_its_programme() -> None:
    session = bundled().session("w5s3")
    assert session is not None
    rebuilt = programme_timeline()(row("build-to-30", "build-to-30", "w5s3"))
    assert rebuilt == session_segments(session)


def test_other_sessions_and_lost_programme_sessions_go_to_the_library() -> None:
    timeline_for = programme_timeline(Library())
    warmup = Library().resolve("pre-run").routine
    assert warmup is not None
    assert timeline_for(row("pre-run")) == build_timeline(warmup)
    # a session key the programme no longer has, or a programme that is gone: no timeline
    assert timeline_for(row("build-to-30", "build-to-30", "w99s9")) is None
    assert timeline_for(row("gone", "gone", "w1s1")) is None


def test_many_sessions_of_one_programme_read_its_file_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """history rebuilds where each stopped session stopped: a dozen sessions of the
    plan must not parse the plan's file a dozen times."""
    reads: list[str] = []

    def counted(programme_id: str) -> Programme:
        reads.append(programme_id)
        return resolve_programme(programme_id)  # the real reading, counted

    # programme_resume imports it when a programme session is looked up
    monkeypatch.setattr(programme_files, "resolve_programme", counted)
    timeline_for = programme_timeline()
    for key in ("w1s1", "w2s3", "w5s3", "w1s1"):
        expected = bundled().session(key)
        assert expected is not None
        assert timeline_for(row("build-to-30", "build-to-30", key)) == session_segments(expected)
    assert reads == ["build-to-30"]
