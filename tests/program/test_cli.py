"""The real command line in subprocesses: warmup program, intervals and today."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

from tests.program.support import warmup
from warmup_tui.engine.clock import FakeClock
from warmup_tui.log import LogRecorder, default_path
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.model import session_segments
from warmup_tui.routines.files import save_routine
from warmup_tui.routines.model import Routine, RunWalk
from warmup_tui.runs.headless import run_headless


def _json(*args: str) -> Any:
    result = warmup(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _events(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_program_json_for_a_new_runner() -> None:
    data = _json("program", "--json")
    assert (data["id"], data["source"], data["chosen_by"]) == ("build-to-30", "bundled",
                                                                "settings")
    assert [len(week["sessions"]) for week in data["weeks"]] == [4] * 9
    assert data["next"]["key"] == "w1s1"
    assert data["next"]["description"] == "run 1 min / walk 1 min 30 s x 8 (30 min)"
    assert data["progress"] == {"done": 0, "total": 36, "this_week": 0,
                                "sessions_per_week": 4}
    assert data["weeks"][8]["sessions"][3]["intervals"] == [["run", 1800.0]]
    assert (data["finished"], data["anchor"]) == (False, None)


def test_program_text_shows_weeks_next_and_progress() -> None:
    result = warmup("program")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("Build to 30 (build-to-30, bundled; chosen by the training.programme "
                        "setting)")
    weeks = [line for line in lines if line[2:].startswith("Week ")]
    assert len(weeks) == 9
    assert weeks[0] == ("> Week 1  [>...]  s1-2: run 1m / walk 1m30s x 8; "
                        "s3-4: run 1m / walk 1m x 10")
    assert weeks[8] == "  Week 9  [....]  s1: run 28m; s2-4: run 30m"
    assert "Next: week 1, session 1: run 1 min / walk 1 min 30 s x 8 (30 min)" in lines
    assert lines[-1] == ("Progress: 0 of 36 sessions done; 0 of 4 programme sessions this "
                         "week (from Monday).")


def _log_completed(*keys: str) -> None:
    """Complete programme sessions at real speed (on a fake clock) in the default log."""
    programme = resolve_programme("build-to-30")
    for key in keys:
        session = programme.session(key)
        assert session is not None
        segments = session_segments(session)
        clock = FakeClock()
        recorder = LogRecorder("build-to-30", segments, programme_id="build-to-30",
                               programme_session=key, wall=time.time)
        run_headless(segments, clock, [recorder], sleep=clock.advance)
        recorder.close()
        assert recorder.wait_written(timeout=30)


def test_program_reads_progress_from_the_training_log_and_moves_as_told() -> None:
    _log_completed("w1s1", "w1s2", "w1s3", "w1s4", "w2s1")
    data = _json("program", "--json")
    assert data["next"]["key"] == "w2s2"
    assert (data["progress"]["done"], data["progress"]["this_week"]) == (5, 5)
    assert [s["done"] for s in data["weeks"][1]["sessions"]] == [True, False, False, False]

    repeated = _json("program", "--repeat-week", "--json")
    assert repeated["next"]["key"] == "w2s1"
    assert repeated["anchor"]["reason"] == "repeat"
    assert _json("program", "--json")["next"]["key"] == "w2s1"  # the choice was saved

    skipped = _json("program", "--skip-to", "6", "--json")
    assert (skipped["next"]["key"], skipped["anchor"]["session"]) == ("w6s1", "w6s1")
    text = warmup("program").stdout
    assert "Skipped ahead to week 6 (since " in text
    assert "Next: week 6, session 1: run 10 min, walk 3 min, run 10 min (33 min)" in text

    back = _json("program", "--skip-to", "3", "--json")
    assert (back["next"]["key"], back["anchor"]["reason"]) == ("w3s1", "back")
    text = warmup("program").stdout
    assert "Back to week 3 (since " in text and "Skipped ahead" not in text


def test_skip_to_a_missing_week_is_one_line_and_changes_nothing() -> None:
    result = warmup("program", "--skip-to", "12")
    assert result.returncode == 2
    assert result.stderr == "build-to-30: --skip-to: has weeks 1 to 9; there is no week 12\n"
    assert _json("program", "--json")["anchor"] is None


def test_use_another_programme_file(tmp_path: Path) -> None:
    own = tmp_path / "gentle.toml"
    own.write_text('name = "Gentle"\nsessions_per_week = 3\n[[weeks]]\n[[weeks.sessions]]\n'
                   'run = "30s"\nwalk = "30s"\nrepeats = 10\n', encoding="utf-8")
    data = _json("program", "--use", str(own), "--json")
    assert (data["id"], data["name"], data["chosen_by"]) == ("gentle", "Gentle", "--use")
    # from another folder, later: the saved choice still finds the file
    again = warmup("program", "--json", cwd=tmp_path.parent)
    assert json.loads(again.stdout)["path"] == str(own.resolve())
    bad = warmup("program", "--use", "nope")
    assert bad.returncode == 2
    assert bad.stderr.startswith("nope: no programme with that name; known programmes: ")
    assert _json("program", "--json")["id"] == "gentle"
    assert _json("program", "--use", "build-to-30", "--json")["id"] == "build-to-30"


def test_a_broken_programme_file_is_reported_by_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('name = "B"\n[[weeks]]\n[[weeks.sessions]]\nrun = "fast"\n'
                      "repeats = 2\n", encoding="utf-8")
    result = warmup("program", "--use", str(broken))
    assert result.returncode == 2
    shown = result.stderr.strip().split(":", 1)[1]
    assert shown == ('4: weeks[0].sessions[0].run: "fast" is not a duration; write it like '
                     '"30s", "1m30s", "2m" or "1h"')


def test_a_damaged_state_file_is_one_notice(isolated_home: Path) -> None:
    state = isolated_home / ".local" / "share" / "warmup-tui" / "programme.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text("[1, 2", encoding="utf-8")
    result = warmup("program")
    assert result.returncode == 0
    assert len(result.stderr.splitlines()) == 1
    assert "programme.json: is damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_intervals_run_the_same_session_as_the_routine_file(tmp_path: Path) -> None:
    options = ["--run", "1m", "--walk", "2m", "--repeats", "8", "--warmup", "5m",
               "--cooldown", "5m", "--cadence", "170"]
    quick = warmup("intervals", *options, "--json", "--speed", "1000", "--mute")
    assert quick.returncode == 0, quick.stderr
    events = _events(quick.stdout)

    routine = Routine(name="Same session", runwalk=RunWalk(
        run=60, walk=120, repeats=8, warmup=300, cooldown=300, cadence=170))
    save_routine(routine, tmp_path / "same.toml")
    shown = _json("show", str(tmp_path / "same.toml"), "--json")

    starts = [e for e in events if e["event"] == "segment_start"]
    assert [(e["index"], e["step"], e["kind"], e["duration"]) for e in starts] == [
        (s["index"], s["step"], s["kind"], s["duration"]) for s in shown["segments"]]
    assert events[-1]["event"] == "session_end"
    assert events[-1]["t"] == shown["total_seconds"] == 300 + 8 * 180 + 300

    # and event for event the same as running the file
    ran = warmup("run", str(tmp_path / "same.toml"), "--json", "--speed", "1000", "--mute")

    def comparable(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in e.items() if k not in ("wall", "routine", "late")}
                for e in items]
    assert comparable(_events(ran.stdout)) == comparable(events)
    assert {e["routine"] for e in events} == {"intervals"}


def test_intervals_refuse_bad_options_in_one_line() -> None:
    result = warmup("intervals", "--run", "soon", "--repeats", "3", "--plain")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        'warmup intervals: error: argument --run: "soon" is not a duration; write it like '
        '"30s", "1m30s", "2m" or "1h"')


def test_today_runs_the_warmup_then_the_next_session_and_logs_it() -> None:
    _log_completed("w1s1")
    result = warmup("today", "--json", "--speed", "1000", "--mute")
    assert result.returncode == 0, result.stderr
    events = _events(result.stdout)
    ends = [e for e in events if e["event"] == "session_end"]
    assert [e["routine"] for e in ends] == ["pre-run", "build-to-30"]
    session = [e for e in events if e["routine"] == "build-to-30"]
    starts = [e["step"] for e in session if e["event"] == "segment_start"]
    assert starts == ["Warmup walk", *["Run", "Walk"] * 8, "Cooldown walk"]
    with sqlite3.connect(default_path()) as conn:
        rows = conn.execute("SELECT routine_id, programme_id, programme_session, status, speed"
                            " FROM sessions ORDER BY id").fetchall()
    assert rows[-2:] == [("pre-run", None, None, "completed", 1000.0),
                         ("build-to-30", "build-to-30", "w1s2", "completed", 1000.0)]
    # a preview at --speed is logged but does not count: w1s2 is still next
    assert _json("program", "--json")["next"]["key"] == "w1s2"


def test_today_plain_says_what_comes_after_the_warmup() -> None:
    result = warmup("today", "--plain", "--speed", "1000", "--mute")
    assert result.returncode == 0, result.stderr
    assert ("Pre-run warmup done. Next: week 1, session 1: run 1 min / walk 1 min 30 s x 8 "
            "(30 min)") in result.stdout.splitlines()
