"""Home screen flows: today's warmup then run, the metronome key, resuming a cut-off session."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

from warmup_tui.engine.clock import FakeClock
from warmup_tui.log import LogRecorder
from warmup_tui.log.db import default_path
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.history import HistoryScreen
from warmup_tui.ui.screens.home import HomeScreen
from warmup_tui.ui.screens.summary import SummaryScreen

from .app_factory import advance, make_app, run_to_summary, session_screen, session_started
from .pilot_wait import wait_until

SIZE = (100, 30)


async def test_today_runs_the_warmup_then_offers_the_programme_session() -> None:
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.today_label and "week 1, session 1" in app.screen.today_label
        await pilot.press("t")  # today's plan is read on a worker
        warmup = await session_started(pilot, "the warmup")
        assert warmup.run.routine_id == "pre-run"
        summary = await run_to_summary(pilot, clock)
        assert summary.next_run is not None
        assert summary.next_run.programme_session == "w1s1"
        await pilot.press("enter")
        run = await session_started(pilot, "the run")
        assert run.run.programme_id == "build-to-30"


async def test_the_today_line_counts_a_session_whose_last_write_waited_for_a_busy_log(
) -> None:
    """The session's last write goes to the log's writer thread; the home screen's Today
    line is read after it, even when another process holds the log for a while."""
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await run_to_summary(pilot, clock)
        await pilot.press("enter")
        run = await session_started(pilot, "the run")
        [recorder] = [s for s in run.sinks if isinstance(s, LogRecorder)]
        assert recorder.wait_written(timeout=30)
        holder = sqlite3.connect(default_path(), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another warmup holding the write lock
        await run_to_summary(pilot, clock)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        holder.execute("ROLLBACK")
        holder.close()
        home = app.screen
        assert isinstance(home, HomeScreen)
        await wait_until(pilot, lambda: "week 1, session 2" in (home.today_label or ""),
                         "the Today line to move on to session 2")


async def test_history_right_after_a_session_waits_for_its_last_write() -> None:
    clock = FakeClock()
    app = make_app(clock, "pre-run")
    async with app.run_test(size=SIZE) as pilot:
        [recorder] = [s for s in session_screen(app).sinks if isinstance(s, LogRecorder)]
        advance(app, 30, clock)  # into the second segment
        assert recorder.wait_written(timeout=30)
        holder = sqlite3.connect(default_path(), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another warmup holding the write lock
        advance(app, session_screen(app).session.remaining_total() + 0.01, clock)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen), "history")
        holder.execute("ROLLBACK")
        holder.close()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        await wait_until(pilot, lambda: history.history is not None, "the history")
        assert history.history is not None
        assert [row.status for row in history.history.recent] == ["completed"]


async def test_c_turns_cadence_clicks_on_and_off() -> None:
    clock = FakeClock()
    app = make_app(clock, "first-steps", mute=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sink = app.services.metronome
        assert not sink.enabled  # off by default in the settings
        await pilot.press("c")
        assert sink.enabled
        await pilot.press("m")
        assert not sink.enabled  # muting silences the clicks too
        await pilot.press("m")
        assert sink.enabled
        await pilot.press("c")
        assert not sink.enabled


def _cut_off_session(env: dict[str, str]) -> None:
    """A real process starts pre-run in the log, records two segments, then dies."""
    script = textwrap.dedent("""
        import os
        from warmup_tui.engine.clock import FakeClock
        from warmup_tui.routines.library import Library
        from warmup_tui.log import LogRecorder
        from warmup_tui.engine.session import Session
        from warmup_tui.engine.timeline import build_timeline
        segments = build_timeline(Library().resolve("pre-run").routine)
        clock = FakeClock()
        recorder = LogRecorder("pre-run", segments, routine_name="Pre-run warmup")
        session = Session(segments, clock)
        for event in session.start():
            recorder.handle(event)
        for _ in range(2):
            clock.advance(session.remaining() + 0.001)
            for event in session.poll():
                recorder.handle(event)
        assert recorder.wait_written(timeout=30)
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)


async def test_a_cut_off_session_is_offered_and_resumed_where_it_stopped() -> None:
    _cut_off_session(dict(os.environ))
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question.startswith("Resume Pre-run warmup at")
        await pilot.press("y")
        await pilot.pause()
        screen = session_screen(app)
        assert screen.session.index >= 2
        assert screen.run.resumed_from is not None


async def test_declining_the_offer_is_not_asked_again() -> None:
    _cut_off_session(dict(os.environ))
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    again = make_app(FakeClock())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)


async def test_speech_joins_the_session_when_an_engine_is_installed() -> None:
    import shutil

    from warmup_tui.audio.voice import Voice

    app = make_app(FakeClock(), "pre-run", mute=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sinks = session_screen(app).sinks
        has_engine = shutil.which("espeak-ng") or shutil.which("espeak")
        assert any(isinstance(s, Voice) for s in sinks) == bool(has_engine)
        if has_engine:
            assert app.services.voice is not None
            await pilot.press("m")
            assert app.services.voice.muted


async def test_a_cadence_in_the_session_turns_the_clicks_on() -> None:
    from warmup_tui.engine.timeline import build_timeline
    from warmup_tui.routines.model import Routine, RunWalk
    from warmup_tui.runs.plan import PlannedRun

    routine = Routine(name="Quick", runwalk=RunWalk(run=60, walk=30, repeats=2, cadence=172))
    run = PlannedRun("intervals", "Quick", tuple(build_timeline(routine)))
    app = make_app(FakeClock(), mute=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.start_runs([run])
        await pilot.pause()
        assert app.services.metronome.enabled
        await pilot.press("c")
        assert not app.services.metronome.enabled


async def test_starting_a_routine_directly_still_offers_the_cut_off_one_first() -> None:
    _cut_off_session(dict(os.environ))
    app = make_app(FakeClock(), "first-steps")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert session_screen(app).run.routine_id == "first-steps"
