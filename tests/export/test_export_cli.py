"""``warmup export`` as a user runs it: the next session for a watch or as text, a
routine for a watch, and everything it refuses in one line."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from tests.export.conftest import Warmup, complete_programme_session
from tests.export.fit_readers import both_readers, expanded_steps
from warmup_tui.common.durations import parse_duration
from warmup_tui.engine.timeline import build_timeline, total_seconds
from warmup_tui.export.workout_plan import step_name
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.model import session_segments
from warmup_tui.routines.library import Library

PROGRAMME = resolve_programme("build-to-30")


def _fit_steps(path: Path) -> list[list[tuple[str, float]]]:
    return [[(name, seconds) for name, seconds, _ in expanded_steps(m["workout_step"])]
            for m in both_readers(path.read_bytes())]


def test_next_is_the_session_after_the_last_one_done(warmup: Warmup, work: Path) -> None:
    first = warmup("export", "next", "--fit", "first.fit")
    assert first.returncode == 0, first.stderr
    complete_programme_session("w1s1", datetime.now().astimezone())
    second = warmup("export", "next", "--fit", "second.fit")
    assert second.returncode == 0, second.stderr
    for key, name in (("w1s1", "first.fit"), ("w1s2", "second.fit")):
        session = PROGRAMME.session(key)
        assert session is not None
        wanted = [(step_name(s), s.duration) for s in session_segments(session)]
        assert _fit_steps(work / name) == [wanted, wanted]
    assert "Week 1, session 2: run 1 min / walk 90 s × 8" in second.stdout


def test_a_routine_by_name_keeps_its_sides_and_rep_steps(warmup: Warmup, work: Path) -> None:
    done = warmup("export", "pre-run", "--fit", "pre-run.fit")
    assert done.returncode == 0, done.stderr
    routine = Library().resolve("pre-run").routine
    assert routine is not None
    segments = build_timeline(routine)
    for steps in _fit_steps(work / "pre-run.fit"):
        assert [name for name, _ in steps][:3] == [
            "Hip flexor stretch, left", "Switch sides", "Hip flexor stretch, right"]
        assert "Monster walk, back: 10 reps" in [name for name, _ in steps]
        assert sum(seconds for _, seconds in steps) == total_seconds(segments)


def _text_seconds(text: str) -> float:
    """The length of a pasted workout, as a planner reads it: repeats multiplied out."""
    total, times = 0.0, 1
    for line in text.splitlines():
        if not line.startswith("- "):
            found = re.search(r"([0-9]+)x$", line)
            times = int(found[1]) if found else 1
            continue
        total += times * parse_duration(line.rsplit(" ", 1)[1])
    return total


def test_next_as_text_for_a_planner(warmup: Warmup) -> None:
    complete_programme_session("w1s4", datetime.now().astimezone())  # next: week 2
    done = warmup("export", "next", "--text")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Week 2, session 1: run 90 s / walk 2 min × 6"
    assert lines[2:5] == ["Warmup", "- Warmup walk 5m", ""]
    assert lines[5:8] == ["Main set 6x", "- Run 1m30s", "- Walk 2m"]
    assert lines[-2:] == ["Cooldown", "- Cooldown walk 5m"]
    session = PROGRAMME.session("w2s1")
    assert session is not None
    assert _text_seconds(done.stdout) == session.total_seconds()


BAD = [
    (("export",), "say what to export"),
    (("export", "no-such-routine", "--fit", "x.fit"), "no routine"),
    (("export", "next", "--fit", "missing/x.fit"), "no folder missing"),
    (("export", "next", "--fit", "."), "is a folder"),
    (("export", "next"), "say where it goes"),
    (("export", "next", "--fit", "x.fit", "--text"), "choose one of"),
    (("export", "next", "--ics", "x.ics"), "calendar is of the programme"),
    (("export", "program", "--ics", "x.ics", "--days", "mon,tue,wed"), "three days in a row"),
    (("export", "program", "--ics", "x.ics", "--days", "sat,sun,mon"), "three days in a row"),
    (("export", "program", "--ics", "x.ics", "--days", "mon,funday"), 'no day called "funday"'),
    (("export", "program", "--ics", "x.ics", "--at", "25:00"), "from 00:00 to 23:59"),
    (("export", "program", "--ics", "x.ics", "--from", "2026-02-30"), "expected a date"),
    (("export", "next", "--text", "--days", "mon"), "--days: goes with --ics"),
    (("export", "--session", "12345", "--fit", "x.fit"), "no session 12345"),
    (("export", "--session", "one", "--fit", "x.fit"), "expected a session number"),
    (("export", "pre-run", "--session", "1", "--fit", "x.fit"), "goes alone"),
]


@pytest.mark.parametrize(("args", "said"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_one_line_and_exit_2(warmup: Warmup, work: Path,
                                          args: tuple[str, ...], said: str) -> None:
    done = warmup(*args)
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.splitlines()) == 1 and said in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in work.iterdir()) == []  # nothing written


def test_a_disk_that_refuses_is_exit_1_and_leaves_nothing(warmup: Warmup,
                                                          tmp_path: Path) -> None:
    from small_disk import break_disk, small_disk

    with small_disk(tmp_path / "disk") as disk:
        break_disk(disk, "read-only")
        done = warmup("export", "next", "--fit", str(disk.root / "next.fit"))
        assert done.returncode == 1
        assert done.stderr.count("\n") == 1 and "cannot save" in done.stderr
        assert "read-only" in done.stderr
        assert not (disk.root / "next.fit").exists()
