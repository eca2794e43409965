"""A whole programme session driven through a real Session on a FakeClock: every segment
in order and length, and the cue at every change."""

from __future__ import annotations

from itertools import accumulate

import pytest

from tests.program.support import bundled, run_on_fake_clock
from warmup_tui.engine.events import Event
from warmup_tui.programme.model import ProgrammeSession, session_segments


def _starts(events: list[Event]) -> list[Event]:
    return [e for e in events if e.name == "segment_start"]


def _cues(events: list[Event], name: str) -> list[tuple[float, int | None]]:
    return [(e.t, e.value) for e in events if e.name == "cue" and e.cue == name]


def _expected_changes(plan: list[tuple[str, str, float]]) -> list[float]:
    return [0.0, *accumulate(seconds for _, _, seconds in plan)][:-1]


def _check_session(session: ProgrammeSession, plan: list[tuple[str, str, float]]) -> None:
    """``plan`` is what a runner reads in the programme file: (kind, title, seconds)."""
    events = run_on_fake_clock(session_segments(session))
    starts = _starts(events)
    assert [(e.segment.kind, _title(e), e.segment.duration) for e in starts if e.segment] \
        == plan
    changes = _expected_changes(plan)
    assert [e.t for e in starts] == pytest.approx(changes)
    total = sum(seconds for _, _, seconds in plan)
    assert events[-1].name == "session_end" and events[-1].t == pytest.approx(total)
    # 3-2-1 pips before every change (every segment here is at least 5 s long)
    ends = [*changes[1:], total]
    assert _cues(events, "pip") == pytest.approx(
        [(end - n, n) for end in ends for n in (3, 2, 1)])
    # halfway through each run (all are 20 s or more)
    runs = [(t, s) for (kind, _, s), t in zip(plan, changes, strict=True) if kind == "run"]
    assert [t for t, _ in _cues(events, "halfway")] == pytest.approx(
        [t + s / 2 for t, s in runs])
    # "last interval" exactly when the last run starts, and only then
    assert [t for t, _ in _cues(events, "last_interval")] == (
        [pytest.approx(runs[-1][0])] if len(runs) > 1 else [])
    # each change hands the runner a coaching line
    assert all(e.segment and e.segment.cue for e in starts)


def _title(event: Event) -> str:
    seg = event.segment
    assert seg is not None
    if seg.kind == "run" or seg.step == "Walk":
        return f"{seg.step} {seg.interval}/{seg.intervals}"
    return seg.step


def test_first_session_is_thirty_minutes_of_one_minute_runs() -> None:
    session = bundled().sessions()[0]
    assert session.key == "w1s1"
    plan = [("walk", "Warmup walk", 300.0)]
    for n in range(1, 9):
        plan += [("run", f"Run {n}/8", 60.0), ("walk", f"Walk {n}/8", 90.0)]
    plan.append(("walk", "Cooldown walk", 300.0))
    assert sum(s for _, _, s in plan) == 30 * 60
    _check_session(session, plan)


def test_irregular_day_follows_the_listed_intervals() -> None:
    session = bundled().session("w4s1")
    assert session is not None and session.block is None
    minutes = [("run", 3), ("walk", 1.5), ("run", 5), ("walk", 2.5), ("run", 3),
               ("walk", 1.5), ("run", 5)]
    plan = [("walk", "Warmup walk", 300.0)]
    run_number = 0
    for kind, length in minutes:
        run_number += kind == "run"
        title = f"{'Run' if kind == 'run' else 'Walk'} {run_number}/4"
        plan.append((kind, title, length * 60))
    plan.append(("walk", "Cooldown walk", 300.0))
    _check_session(session, plan)


def test_last_session_is_thirty_minutes_of_running_between_the_walks() -> None:
    session = bundled().sessions()[-1]
    _check_session(session, [("walk", "Warmup walk", 300.0), ("run", "Run 1/1", 1800.0),
                             ("walk", "Cooldown walk", 300.0)])


def test_run_cues_rotate_through_the_coaching_lines() -> None:
    segments = session_segments(bundled().session("w4s1"))  # type: ignore[arg-type]
    run_cues = [seg.cue for seg in segments if seg.kind == "run"]
    assert len(set(run_cues)) == 4
    walk_cues = {seg.cue for seg in segments if seg.step == "Walk"}
    assert len(walk_cues) == 1
