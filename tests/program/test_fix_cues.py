"""On a day after a sore run, the run's cues lean on the fixes: the plan over a real log,
the words on the segments, the voice's phrases, and the headless output from the shell."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from tests.program.support import MONDAY, bundled, warmup
from warmup_tui.audio.phrases import routine_phrases, start_forms, start_phrase
from warmup_tui.coaching.answers import Answers
from warmup_tui.coaching.sore_run import FLAT_ROUTE, SLOWER, UNDER_HIPS
from warmup_tui.common.config import CoachingSettings
from warmup_tui.engine.events import Event
from warmup_tui.engine.timeline import DEFAULT_WALK_CUE, Interval, interval_timeline
from warmup_tui.log import TrainingLog
from warmup_tui.log.checkins import save_answers
from warmup_tui.log.outside import OutsideRun, add_outside_run
from warmup_tui.programme.progress import MemoryProgress
from warmup_tui.routines.library import Library
from warmup_tui.runs.fixes import fixes_after_sore_run, lean_on_fixes
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.today import today_plan

NOW = MONDAY + timedelta(hours=10)  # Monday 17:00


def todays_runs() -> list[PlannedRun]:
    return today_plan(Library(), bundled(), MemoryProgress(), now=MONDAY).runs()


def checked_in_run(when: datetime, answers: Answers) -> None:
    with TrainingLog.open() as log:
        session_id = add_outside_run(log, OutsideRun(
            source="manual", routine_id="run", routine_name="Run",
            started_at=when.timestamp(), elapsed_seconds=1800.0, running_seconds=1800.0,
            external_key=f"run-{when.isoformat()}"))
        save_answers(log, session_id, answers)


def test_the_session_leans_on_the_fixes_and_the_warmup_is_left_alone() -> None:
    warmup, session = todays_runs()
    leaned_warmup, leaned = lean_on_fixes([warmup, session])
    assert leaned_warmup == warmup  # no running in it
    kinds = [(seg.kind, seg.duration) for seg in leaned.segments]
    assert kinds == [(seg.kind, seg.duration) for seg in session.segments]
    first = leaned.segments[0]
    assert (first.step, first.cue, first.spoken) == ("Warmup walk", FLAT_ROUTE, True)
    runs = [seg for seg in leaned.segments if seg.kind == "run"]
    assert [seg.cue for seg in runs[:3]] == [SLOWER, UNDER_HIPS, SLOWER]
    assert all(seg.spoken for seg in runs)
    walks = [seg for seg in leaned.segments if seg.step == "Walk"]
    assert {(seg.cue, seg.spoken) for seg in walks} == {(DEFAULT_WALK_CUE, False)}


def test_a_session_that_starts_running_says_flat_route_at_its_first_run() -> None:
    segments = interval_timeline([Interval("run", 60), Interval("walk", 60),
                                  Interval("run", 60)])
    (leaned,) = lean_on_fixes([PlannedRun("quick", "Quick", tuple(segments))])
    assert [seg.cue for seg in leaned.segments] == [FLAT_ROUTE, DEFAULT_WALK_CUE, SLOWER]


def test_only_the_first_run_with_running_says_flat_route() -> None:
    session = todays_runs()[1]
    first, second = lean_on_fixes([session, session])
    assert first.segments[0].cue == FLAT_ROUTE
    assert second.segments[0] == session.segments[0]


def test_a_sore_check_in_in_the_log_brings_the_fixes() -> None:
    checked_in_run(NOW - timedelta(days=1), Answers(calves=6))
    runs = todays_runs()
    assert fixes_after_sore_run(runs, now=NOW, settings=CoachingSettings()) == (
        lean_on_fixes(runs))
    assert fixes_after_sore_run(runs, now=NOW, settings=CoachingSettings()) != runs


def test_easy_calves_or_no_check_ins_leave_the_cues_as_they_are() -> None:
    runs = todays_runs()
    assert fixes_after_sore_run(runs, now=NOW, settings=CoachingSettings()) == runs
    checked_in_run(NOW - timedelta(days=1), Answers(calves=2, morning=1))
    assert fixes_after_sore_run(runs, now=NOW, settings=CoachingSettings()) == runs


def test_a_sore_run_a_while_ago_leaves_the_cues_as_they_are() -> None:
    checked_in_run(NOW - timedelta(days=5), Answers(calves=6))
    runs = todays_runs()
    assert fixes_after_sore_run(runs, now=NOW, settings=CoachingSettings()) == runs


def test_the_voice_says_the_fix_after_the_segments_name() -> None:
    leaned = lean_on_fixes(todays_runs()[1:])[0]
    run = next(seg for seg in leaned.segments if seg.kind == "run")
    assert start_phrase(run) == f"Run for 1 minute. {SLOWER}"
    assert start_forms(run)[-1] == "Run"  # a short form still there when time is short
    assert f"Warmup walk, 5 minutes. {FLAT_ROUTE}" in routine_phrases(leaned.segments)
    plain = todays_runs()[1]
    assert start_phrase(next(seg for seg in plain.segments if seg.kind == "run")) == (
        "Run for 1 minute")


def test_json_events_carry_the_spoken_fix_only() -> None:
    plain = todays_runs()[1].segments[1]
    leaned = lean_on_fixes(todays_runs()[1:])[0].segments[1]
    assert "coaching" not in Event("segment_start", 0.0, plain).to_json(0.0)
    assert Event("segment_start", 0.0, leaned).to_json(0.0)["coaching"] == SLOWER
    assert "coaching" not in Event("segment_end", 0.0, leaned).to_json(0.0)


def _today(*options: str) -> str:
    done = warmup("today", "--no-warmup", "--speed", "1000", "--mute", *options)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_warmup_today_after_a_sore_check_in_from_the_shell() -> None:
    before = _today("--plain")
    assert SLOWER not in before and FLAT_ROUTE not in before
    logged = warmup("log", "--minutes", "30", "--date", "yesterday", "--programme")
    assert logged.returncode == 0, logged.stderr
    assert warmup("checkin", "--calves", "6").returncode == 0

    plain = _today("--plain").splitlines()
    assert any(line.endswith(f"start Warmup walk, 5 min. {FLAT_ROUTE}") for line in plain)
    assert any(line.endswith(f"start Run 1 of 8, 1 min. {SLOWER}") for line in plain)
    assert any(line.endswith(f"start Run 2 of 8, 1 min. {UNDER_HIPS}") for line in plain)
    events = [json.loads(line) for line in _today("--json").splitlines()]
    said = [event["coaching"] for event in events if "coaching" in event]
    assert said[:3] == [FLAT_ROUTE, SLOWER, UNDER_HIPS] and len(said) == 9


def test_the_apps_today_plans_the_fixes_on_its_worker() -> None:
    from warmup_tui.ui import today

    checked_in_run(datetime.now().astimezone() - timedelta(days=1), Answers(calves=6))
    runs, _rest = today.runs(Library(), lambda *_args, **_options: None)
    assert runs[-1].segments[0].cue == FLAT_ROUTE
    assert any(seg.cue == SLOWER and seg.spoken for seg in runs[-1].segments)
