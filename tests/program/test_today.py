"""Today's plan, and the real training log moving the programme on."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.program.support import MONDAY, bundled, day, run_on_fake_clock
from warmup_tui.common.problems import ProblemsError
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.session import Session
from warmup_tui.log import LogRecorder, TrainingLog
from warmup_tui.programme.progress import Anchor, MemoryProgress, ProgressSource
from warmup_tui.programme.state import ProgrammeState, load_state, save_state, state_path
from warmup_tui.routines.library import Library
from warmup_tui.runs.headless import run_headless
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.today import choose_programme, load_today, today_plan


def test_today_is_the_warmup_then_the_next_session() -> None:
    progress = MemoryProgress()
    progress.record("build-to-30", "w1s1", day(0))
    progress.record("build-to-30", "w1s2", day(2))
    plan = today_plan(Library(), bundled(), progress, now=day(3))
    assert plan.warmup.id == "pre-run"
    assert plan.session.key == "w1s3" and not plan.maintenance
    assert plan.label == "week 1, session 3: run 1 min / walk 1 min x 10 (30 min)"
    warmup_run, session_run = plan.runs()
    assert (warmup_run.routine_id, warmup_run.programme_id) == ("pre-run", None)
    assert (session_run.programme_id, session_run.programme_session) == ("build-to-30", "w1s3")
    assert session_run.describe() == plan.label
    assert list(session_run.segments) == plan.segments
    # the warmup's own "then" chain is not followed: today's run replaces it
    assert len(plan.runs()) == 2


def test_today_follows_an_anchor_in_the_state() -> None:
    state = ProgrammeState(anchors={"build-to-30": Anchor("w6s1", day(1), "skip")})
    plan = today_plan(Library(), bundled(), MemoryProgress(), state=state, now=day(2))
    assert plan.session.key == "w6s1"


def test_after_the_last_session_today_keeps_the_habit() -> None:
    progress = MemoryProgress()
    for n, session in enumerate(bundled().sessions()):
        progress.record("build-to-30", session.key, day(n * 1.75))
    plan = today_plan(Library(), bundled(), progress, now=day(70))
    assert plan.maintenance and plan.session.key == "w9s4"
    assert plan.label == "keep it up: run 30 min (40 min)"


def test_a_missing_warmup_routine_is_a_clear_problem(tmp_path: Path) -> None:
    empty = Library(bundled=tmp_path, user=tmp_path)
    with pytest.raises(ProblemsError) as caught:
        today_plan(empty, bundled(), MemoryProgress())
    assert "pre-run: no routine with that name" in str(caught.value)


def _run_logged(log_path: Path, run: PlannedRun, when: datetime) -> None:
    """Run one planned session to its end at real speed on a fake clock, recording it."""
    clock = FakeClock()
    start = clock.now()
    segments = list(run.segments)
    recorder = LogRecorder(
        run.routine_id, segments, programme_id=run.programme_id,
        programme_session=run.programme_session, log_path=log_path,
        wall=lambda: when.timestamp() + (clock.now() - start))
    run_headless(segments, clock, [recorder], sleep=clock.advance)
    recorder.close()
    assert recorder.wait_written(timeout=30)


def test_sessions_recorded_in_the_real_log_move_the_programme_on(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    library, programme = Library(), bundled()
    for offset, expected in ((0, "w1s1"), (2, "w1s2"), (16, "w1s3")):  # a missed week too
        with TrainingLog.open(path) as log:
            progress: ProgressSource = log
            plan = today_plan(library, programme, progress, now=day(offset))
        assert plan.session.key == expected
        warmup_run, session_run = plan.runs()
        _run_logged(path, warmup_run, day(offset))
        _run_logged(path, session_run, day(offset, hour=8))
    with TrainingLog.open(path) as log:
        plan = today_plan(library, programme, log, now=day(17))
        assert [key for key, _ in log.completed_programme_sessions("build-to-30")] == [
            "w1s1", "w1s2", "w1s3"]
    assert plan.session.key == "w1s4"
    assert plan.position.this_week == 1


def test_a_session_stopped_early_does_not_count(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    plan = today_plan(Library(), bundled(), MemoryProgress(), now=MONDAY)
    session_run = plan.session_run()
    recorder = LogRecorder(session_run.routine_id, list(session_run.segments),
                           programme_id="build-to-30", programme_session="w1s1",
                           log_path=path)
    clock = FakeClock()
    session = Session(list(session_run.segments), clock)
    for event in session.start():
        recorder.handle(event)
    clock.advance(600)
    for event in [*session.poll(), *session.stop()]:
        recorder.handle(event)
    recorder.close()
    assert recorder.wait_written(timeout=30)
    with TrainingLog.open(path) as log:
        assert log.completed_programme_sessions("build-to-30") == []
        assert today_plan(Library(), bundled(), log).session.key == "w1s1"


def test_choice_comes_from_use_then_settings(tmp_path: Path) -> None:
    assert choose_programme().chosen_by == "settings"
    own = tmp_path / "mine.toml"
    own.write_text('name = "Mine"\n[[weeks]]\n[[weeks.sessions]]\nrun = "5m"\nrepeats = 1\n',
                   encoding="utf-8")
    save_state(ProgrammeState(use=str(own)))
    chosen = choose_programme()
    assert (chosen.programme.id, chosen.programme.name, chosen.chosen_by) == (
        "mine", "Mine", "--use")
    plan, problems = load_today(MemoryProgress())
    assert (plan.programme.id, plan.session.key, problems) == ("mine", "w1s1", [])


def test_state_file_round_trip_and_damage() -> None:
    state = ProgrammeState(use="build-to-30",
                           anchors={"build-to-30": Anchor("w3s1", day(1), "repeat")})
    save_state(state)
    assert load_state() == (state, [])
    state_path().write_text("{not json", encoding="utf-8")
    loaded, problems = load_state()
    assert loaded == ProgrammeState()
    assert len(problems) == 1 and "programme.json: is damaged" in str(problems[0])
    save_state(state)
    assert state_path().with_name("programme.json.bak").read_text() == "{not json"


def test_session_events_are_the_ones_the_runner_hears() -> None:
    plan = today_plan(Library(), bundled(), MemoryProgress(), now=MONDAY)
    events = run_on_fake_clock(plan.segments)
    assert events[-1].name == "session_end"
    assert events[-1].t == pytest.approx(plan.session.total_seconds())


def test_a_setting_naming_a_missing_file_says_where_it_came_from(isolated_home: Path) -> None:
    config = isolated_home / ".config" / "warmup-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[training]\nprogramme = "couch.toml"\n', encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        choose_programme()
    first, second = (str(problem) for problem in caught.value.problems)
    assert first == "couch.toml: no such file"
    assert second.startswith("couch.toml: named by training.programme in ")
    assert second.endswith("config.toml; change it there or pick another with "
                           "warmup program --use NAME")
