"""Resuming a session that was cut off: a real process killed with SIGKILL, and the rules
for which cut-off sessions are offered."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from log_support import deliver, record, run_for, run_to_end, timeline, wall_of

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment
from warmup_tui.log import LogRecorder, TrainingLog, default_path
from warmup_tui.log.counting import RunRule
from warmup_tui.log.rows import SessionRow
from warmup_tui.runs.resume import OFFER_FOR, accept, decline, pending_resume, stop_points

REPO = Path(__file__).resolve().parents[2]


def _reaped() -> int:
    """The pid of a process that has finished (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def cut_off(routine_id: str, seconds: float, *, when: float | None = None,
            pid: int | None = None, speed: float = 1.0) -> int:
    """A session that ran ``seconds`` and then its process vanished: the row stays running."""
    segments = timeline(routine_id)
    clock = FakeClock()
    recorder = LogRecorder(routine_id, segments, speed=speed,
                           wall=wall_of(clock, when if when is not None else time.time()))
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    run_for(session, clock, seconds, recorder)
    recorder.close()
    assert recorder.wait_written(timeout=30)
    assert recorder.session_id is not None and recorder.status == "running"
    with sqlite3.connect(default_path()) as conn:  # as if written by a process now gone
        conn.execute("UPDATE sessions SET pid = ? WHERE id = ?",
                     (pid if pid is not None else _reaped(), recorder.session_id))
    return recorder.session_id


# The bundled warmup with every time cut short, under its own name in the user's folder,
# so a real process gets to its last step in seconds at real speed (a --speed preview is
# never offered for resuming).
QUICK_PRE_RUN = [('rest = "10s"', 'rest = "1s"'), ('switch = "5s"', 'switch = "1s"'),
                 ('duration = "30s"', 'duration = "2s"'), ("reps = 10", "reps = 2"),
                 ('pace = "2s"', 'pace = "1s"'), ('pace = "3s"', 'pace = "1s"')]


def quick_pre_run(user_routines: Path) -> None:
    text = (REPO / "routines" / "pre-run.toml").read_text(encoding="utf-8")
    for old, new in QUICK_PRE_RUN:
        assert old in text
        text = text.replace(old, new)
    (user_routines / "pre-run.toml").write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_session_killed_with_sigkill_is_offered_at_the_segment_it_was_in(
        user_routines: Path) -> None:
    quick_pre_run(user_routines)
    segments = timeline("pre-run")
    target = next(s.index for s in segments if (s.step, s.side) == ("Side leg lift", "left"))
    child = subprocess.Popen(
        [sys.executable, "-m", "warmup_tui", "run", "pre-run", "--json", "--mute"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env=os.environ.copy())
    assert child.stdout is not None
    lines = []
    for line in child.stdout:
        lines.append(json.loads(line))
        event = lines[-1]
        # a later line of the same segment proves its start was handed to every sink
        if event["index"] == target and event["event"] == "cue" and event.get("value") == 2:
            child.send_signal(signal.SIGKILL)
            break
    lines += [json.loads(line) for line in child.stdout]
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    in_progress = [e["index"] for e in lines if e["event"] == "segment_start"][-1]
    assert in_progress >= target

    offer = pending_resume()
    assert offer is not None
    expected = in_progress
    while segments[expected].kind in ("rest", "switch"):
        expected += 1
    assert offer.start_index == expected
    assert offer.session.pid == child.pid and offer.session.status == "running"
    assert offer.session.segments_done == in_progress
    if in_progress == target:  # the usual case: killed in the segment it was in
        assert offer.question == "Resume Pre-run warmup at Side leg lift (left)?"
        assert (offer.routine_id, offer.step, offer.side) == ("pre-run", "Side leg lift", "left")

    decline(offer)
    assert pending_resume() is None
    with TrainingLog.open() as log:
        assert log.session(offer.session.id).status == "stopped"  # type: ignore[union-attr]


def test_accepting_runs_the_rest_and_links_the_two_sessions() -> None:
    old = cut_off("easy-run-walk", 5 * 60 + 2 * 180 + 30)  # 30 s into the third run
    offer = pending_resume()
    assert offer is not None and offer.question == "Resume easy-run-walk at Run 3 of 10?"
    plan = accept(offer)
    assert plan is not None and accept(offer) is None  # taken once only
    assert pending_resume() is None

    clock = FakeClock()
    recorder = plan.recorder(wall=wall_of(clock))
    session = Session(plan.segments, clock, start_index=plan.start_index)
    deliver(session.start(), recorder)
    run_to_end(session, clock, recorder)
    assert recorder.wait_written(timeout=30)
    with TrainingLog.open() as log:
        first, resumed = log.session(old), log.session(recorder.session_id or -1)
    assert first is not None and resumed is not None
    assert first.status == "stopped" and first.ended_at is not None
    assert resumed.status == "completed" and resumed.resumed_from == old
    assert resumed.run_seconds == 8 * 120  # runs 3 to 10
    assert RunRule().counts(resumed)


def test_a_rest_moves_on_to_the_step_after_it() -> None:
    cut_off("pre-run", 30 + 5 + 30 + 4)  # 4 s into the rest before Glute bridge
    offer = pending_resume()
    assert offer is not None and offer.question == "Resume pre-run at Glute bridge?"


def test_a_session_running_in_another_live_instance_is_left_alone() -> None:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = cut_off("pre-run", 40, pid=other.pid)
        assert pending_resume() is None
        with TrainingLog.open() as log:
            assert log.session(live).status == "running"  # type: ignore[union-attr]
    finally:
        other.kill()
        other.wait()
    assert pending_resume() is not None  # now that it is gone, it was cut off


def test_only_the_newest_recent_cut_off_session_is_offered() -> None:
    now = time.time()
    stale = cut_off("pre-run", 40, when=now - OFFER_FOR - 600)
    older = cut_off("pre-run", 40, when=now - 3600)
    newest = cut_off("pre-run", 100, when=now - 60)
    offer = pending_resume()
    assert offer is not None and offer.session.id == newest
    with TrainingLog.open() as log:
        assert log.session(stale).status == "stopped"  # type: ignore[union-attr]
        assert log.session(older).status == "stopped"  # type: ignore[union-attr]


def test_a_stale_cut_off_session_is_closed_not_offered() -> None:
    old = cut_off("pre-run", 40, when=time.time() - OFFER_FOR - 60)
    assert pending_resume() is None
    with TrainingLog.open() as log:
        assert log.session(old).status == "stopped"  # type: ignore[union-attr]


def test_edited_routine_is_followed_to_the_same_step(user_routines: Path) -> None:
    text = (REPO / "routines" / "pre-run.toml").read_text()
    original = text.replace('then = "programme"', "")
    routine = user_routines / "my-warmup.toml"
    in_glute_bridge = 30 + 5 + 30 + 10 + 12

    routine.write_text(original)
    cut_off("my-warmup", in_glute_bridge)
    offer = pending_resume()
    assert offer is not None and offer.step == "Glute bridge" and offer.start_index == 4
    decline(offer)

    # The hip flexor step was deleted since: Glute bridge is found again by name.
    cut_off("my-warmup", in_glute_bridge)
    parts = original.split("[[steps]]")
    routine.write_text("[[steps]]".join([parts[0], *parts[2:]]))
    offer = pending_resume()
    assert offer is not None and offer.step == "Glute bridge" and offer.start_index == 0
    decline(offer)

    # Glute bridge itself is gone: nothing sensible to offer, and the row is closed.
    routine.write_text(original)
    gone = cut_off("my-warmup", in_glute_bridge)
    routine.write_text(original.replace("Glute bridge", "Clam"))
    assert pending_resume() is None
    with TrainingLog.open() as log:
        assert log.session(gone).status == "stopped"  # type: ignore[union-attr]


def test_a_cut_off_preview_is_closed_not_offered() -> None:
    preview = cut_off("pre-run", 100, speed=10.0)
    assert pending_resume() is None
    with TrainingLog.open() as log:
        assert log.session(preview).status == "stopped"  # type: ignore[union-attr]


def test_cut_off_in_the_get_ready_is_not_offered() -> None:
    segments = timeline("pre-run")
    clock = FakeClock()
    recorder = LogRecorder("pre-run", segments, wall=wall_of(clock))
    session = Session(segments, clock, lead_in=5)
    deliver(session.start(), recorder)
    run_for(session, clock, 3, recorder)
    recorder.close()
    assert recorder.wait_written(timeout=30)
    with sqlite3.connect(default_path()) as conn:
        conn.execute("UPDATE sessions SET pid = ?", (_reaped(),))
    assert pending_resume() is None


def test_no_usable_log_means_no_offer() -> None:
    default_path().parent.parent.mkdir(parents=True, exist_ok=True)
    default_path().parent.write_text("not a folder")
    assert pending_resume() is None


def test_cut_off_keeps_the_row_resumable_and_ignores_the_stop_that_follows() -> None:
    segments = timeline("pre-run")
    clock = FakeClock()
    recorder = LogRecorder("pre-run", segments, wall=wall_of(clock, time.time()))
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    run_for(session, clock, 30 + 5 + 30 + 10 + 12, recorder)  # in Glute bridge
    recorder.cut_off()  # the terminal closed
    deliver(session.stop(), recorder)
    assert recorder.wait_written(timeout=30)
    assert recorder.status == "running"
    with sqlite3.connect(default_path()) as conn:
        row = conn.execute("SELECT status, last_step, segments_done, pid FROM sessions"
                           ).fetchone()
    # No pid: offered even while this process (which could hang on its way out) lives on.
    assert row == ("running", "Glute bridge", 4, None)
    offer = pending_resume()
    assert offer is not None and offer.question == "Resume pre-run at Glute bridge?"


def test_a_side_switch_moves_on_to_the_side_after_it() -> None:
    segments = timeline("pre-run")
    switch = next(seg for seg in segments if seg.kind == "switch")
    starts_at = sum(seg.duration for seg in segments[: switch.index])
    cut_off("pre-run", starts_at + switch.duration / 2)
    offer = pending_resume()
    after = segments[switch.index + 1]
    assert offer is not None and offer.start_index == after.index
    assert offer.segment.kind == "exercise" and offer.side == after.side


def test_a_session_that_ran_to_the_end_is_never_offered() -> None:
    recorder = record("pre-run", time.time() - 60)
    with sqlite3.connect(default_path()) as conn:  # its process is gone, as after any run
        conn.execute("UPDATE sessions SET pid = ?", (_reaped(),))
    assert pending_resume() is None
    with TrainingLog.open() as log:
        assert log.session(recorder.session_id or -1).status == "completed"  # type: ignore[union-attr]


def test_history_keeps_a_bounded_number_of_routine_timelines() -> None:
    """A long log may name thousands of routine files: where each stopped session stopped
    is read with a few timelines kept, the oldest given up first, not one per file."""
    with TrainingLog.open() as log:
        row = log.session(cut_off("pre-run", 40))
    assert row is not None
    read: list[str | None] = []

    def timeline_for(asked: SessionRow) -> list[Segment]:
        read.append(asked.routine_path)
        return timeline("pre-run")

    where = stop_points(timeline_for)
    paths = [f"/old/routine-{n}.toml" for n in range(100)]
    for path in paths:
        assert where(replace(row, routine_path=path)) is not None
    where(replace(row, routine_path=paths[-1]))  # kept: not read again
    assert read == paths
    where(replace(row, routine_path=paths[0]))  # given up long ago: read again
    assert read == [*paths, paths[0]]
