"""``warmup history`` through a real subprocess, over a log filled by the real recorder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, time, timedelta
from pathlib import Path

from log_support import record

from warmup_tui.log import default_path

REPO = Path(__file__).resolve().parents[2]
DAY = 86_400.0


def warmup(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warmup_tui", *args], capture_output=True,
                          text=True, cwd=REPO, env=os.environ.copy(), timeout=60)


def this_monday() -> float:
    today = datetime.now().date()
    return datetime.combine(today - timedelta(days=today.weekday()), time.min).astimezone(
    ).timestamp()


def seed(isolated_home: Path) -> None:
    config = isolated_home / ".config" / "warmup-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[training]\nweekly_goal = 3\n")
    monday = this_monday()
    for week in (2, 1):  # two full weeks: three runs each, after a warmup
        for day in (0, 2, 4):
            start = monday - week * 7 * DAY + day * DAY + 7 * 3600
            record("pre-run", start - 600)
            record("first-steps", start, programme=("build-to-30", f"w{3 - week}s{day}"))
    record("first-steps", monday + 60)  # this week: one run so far,
    record("pre-run", monday + 40 * 60, stop_after=45)  # a warmup cut short,
    record("easy-run-walk", monday + 50 * 60, speed=20)  # and a preview


def test_history_text_shows_the_week_the_streak_and_the_chart(isolated_home: Path) -> None:
    seed(isolated_home)
    done = warmup("history", "--weeks", "3")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0].startswith("This week (from Mon ")
    assert "1 of 3 runs  ●○○  2 more to meet the goal" in lines[0]
    assert lines[1] == "Streak: 2 weeks in a row meeting the goal"
    first = lines.index("Running time per week") + 1
    weeks = lines[first:lines.index("", first)]
    assert len(weeks) == 3
    assert [w.split("min")[0].split()[-1] for w in weeks] == ["24", "24", "8"]
    assert weeks[0].count("█") == 24 and weeks[0].rstrip().endswith("✓")
    assert weeks[2].count("█") == 8 and not weeks[2].rstrip().endswith("✓")
    sessions = lines[lines.index("Recent sessions") + 1:]
    assert len(sessions) == 6 + 6 + 3
    assert "preview x20" in sessions[0] and "stopped at Hip flexor stretch" in sessions[1]
    assert "first-steps" in sessions[2] and "completed" in sessions[2]
    assert "first-steps w2s4" in sessions[3]


def test_history_json_fields(isolated_home: Path) -> None:
    seed(isolated_home)
    done = warmup("history", "--json", "--weeks", "2")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["goal"], data["streak"]) == (3, 2)
    assert [(w["runs"], w["met"], w["run_seconds"]) for w in data["weeks"]] == [
        (3, True, 3 * 480.0), (1, False, 480.0)]
    assert data["this_week"] == data["weeks"][-1]
    assert data["this_week"]["start"] == datetime.fromtimestamp(this_monday()).date().isoformat()
    sessions = data["sessions"]
    assert len(sessions) == 3 + 3 + 3
    assert [s["status"] for s in sessions[:3]] == ["completed", "stopped", "completed"]
    assert [s["counts_as_run"] for s in sessions[:3]] == [False, False, True]
    assert sessions[0]["speed"] == 20 and sessions[1]["last_step"] == "Hip flexor stretch"
    assert sessions[3]["programme"] == "build-to-30" and sessions[3]["programme_session"] == "w2s4"
    assert set(sessions[0]) == {
        "id", "routine", "routine_name", "programme", "programme_session", "started_at",
        "ended_at", "status", "planned_seconds", "actual_seconds", "run_seconds",
        "segments_done", "segments_total", "last_step", "last_side", "speed",
        "stopped_at", "counts_as_run", "counted", "why", "resumed_from", "source", "distance_m",
        "avg_heart_rate", "avg_cadence", "sport", "note", "checkin"}
    help_text = warmup("history", "--help").stdout
    for field in sessions[0]:
        assert field in help_text  # every JSON field is documented


def test_history_with_no_sessions_yet() -> None:
    done = warmup("history")
    assert done.returncode == 0 and done.stderr == ""
    assert "0 of 4 runs" in done.stdout and "Streak: none yet" in done.stdout
    assert "none in these weeks" in done.stdout


def test_history_over_a_damaged_log_moves_it_aside_and_says_so() -> None:
    default_path().parent.mkdir(parents=True)
    default_path().write_bytes(b"\x00garbage" * 100)
    done = warmup("history")
    assert done.returncode == 0
    assert done.stderr.count("\n") == 1 and "damaged" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(list(default_path().parent.glob("log.sqlite3.corrupt-*"))) == 1


def test_history_without_a_usable_log_is_one_line() -> None:
    default_path().parent.parent.mkdir(parents=True, exist_ok=True)
    default_path().parent.write_text("a file where the folder should be")
    done = warmup("history")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("warmup: ")


def test_headless_run_is_recorded_and_shows_in_history() -> None:
    run = warmup("run", "first-steps", "--json", "--speed", "1000", "--mute")
    assert run.returncode == 0, run.stderr
    data = json.loads(warmup("history", "--json").stdout)
    [session] = data["sessions"]
    assert session["routine"] == "first-steps" and session["status"] == "completed"
    assert session["speed"] == 1000 and session["segments_done"] == session["segments_total"]
