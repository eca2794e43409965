"""The resume offer in a runner's words, and which cut-off session is offered in front of
what: real sessions cut off in a real log, the app through Pilot."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace

from log_support import deliver, run_for, wall_of

from tests.ui import app_factory
from tests.ui.app_factory import StartedApp, runs_for
from warmup_tui.common.config import Settings
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment
from warmup_tui.log import LogRecorder, default_path
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.model import session_segments
from warmup_tui.runs.programme_resume import programme_timeline
from warmup_tui.runs.resume import offer_in_front_of, pending_resume
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.session import SessionScreen

FIRST_STEPS_WALK_2 = 300 + 150 + 60 + 10  # warmup walk, run/walk 1, run 2, 10 s into walk 2
RUN_3 = 300 + 2 * 150 + 20  # 20 s into run 3 of build-to-30's week 1


def _cut_off(segments: list[Segment], seconds: float, routine_id: str, name: str,
             programme_session: str | None = None) -> int:
    clock = FakeClock()
    recorder = LogRecorder(routine_id, segments, routine_name=name,
                           programme_id=routine_id if programme_session else None,
                           programme_session=programme_session,
                           wall=wall_of(clock, time.time() - 600))
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    run_for(session, clock, seconds, recorder)
    recorder.close()
    assert recorder.wait_written(30)  # the rows are written on the recorder's own thread
    assert recorder.session_id is not None
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with sqlite3.connect(default_path()) as conn:  # as if written by a process now gone
        conn.execute("UPDATE sessions SET pid = ? WHERE id = ?", (gone.pid, recorder.session_id))
    return recorder.session_id


def _first_steps_cut_off() -> None:
    segments = runs_for("first-steps")[0].segments
    _cut_off(list(segments), FIRST_STEPS_WALK_2, "first-steps", "First steps")


def test_a_routine_is_offered_by_its_name() -> None:
    _first_steps_cut_off()
    offer = pending_resume()
    assert offer is not None and offer.question == "Resume First steps at Walk 2 of 8?"


def test_a_programme_session_is_offered_by_programme_week_and_session() -> None:
    programme = resolve_programme("build-to-30")
    session = programme.session("w1s2")
    assert session is not None
    _cut_off(session_segments(session), RUN_3, "build-to-30",
             f"{programme.name}, {session.title}", "w1s2")
    offer = pending_resume(timeline_for=programme_timeline())
    assert offer is not None
    assert offer.question == "Resume Build to 30 — week 1, session 2 — at Run 3 of 8?"


def test_only_home_today_and_the_same_routine_are_offered_it() -> None:
    _first_steps_cut_off()
    offer = pending_resume()
    assert offer is not None
    assert offer_in_front_of(offer, None) is offer  # home, Today
    assert offer_in_front_of(offer, "first-steps") is offer
    assert offer_in_front_of(offer, "easy-run-walk") is None
    assert offer_in_front_of(None, "first-steps") is None


def _app(routine_id: str, *, by_name: bool) -> StartedApp:
    runs = runs_for(routine_id)
    runs[0] = replace(runs[0], asked_by_name=by_name)
    clock = FakeClock()
    return StartedApp(library=app_factory.test_library(), settings=Settings(),
                      clock_factory=lambda: clock, start_runs=runs, mute=True)


async def test_another_routine_asked_for_by_name_starts_and_the_offer_waits() -> None:
    _first_steps_cut_off()
    app = _app("easy-run-walk", by_name=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.run.routine_id == "easy-run-walk"
    offer = pending_resume()  # still there, for home to offer
    assert offer is not None and offer.routine_id == "first-steps"


async def test_the_same_routine_asked_for_by_name_is_offered_to_resume() -> None:
    _first_steps_cut_off()
    app = _app("first-steps", by_name=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Resume First steps at Walk 2 of 8?"


def _history(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warmup_tui", "history", *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_history_says_where_a_session_stopped() -> None:
    segments = list(runs_for("first-steps")[0].segments)
    clock = FakeClock()
    recorder = LogRecorder("first-steps", segments, routine_name="First steps",
                           wall=wall_of(clock, time.time() - 600))
    session = Session(segments, clock)
    deliver(session.start(), recorder)
    run_for(session, clock, 300 + 2 * 150 + 20, recorder)  # 20 s into run 3 of 8
    deliver(session.stop(), recorder)
    recorder.close()
    text = _history().stdout
    line = next(line for line in text.splitlines() if "first-steps" in line)
    assert "stopped at Run 3 of 8" in line
    sessions = json.loads(_history("--json").stdout)["sessions"]
    assert sessions[0]["stopped_at"] == "Run 3 of 8"
