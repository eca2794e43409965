""""This week" means one thing for ``warmup history`` and ``warmup program``: sessions
completed in the current Monday-to-Sunday week, read from a real SQLite log."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from log_support import MONDAY_NOON_UTC, record

from warmup_tui.common.weeks import week_of
from warmup_tui.log import TrainingLog, default_path
from warmup_tui.log.counting import RunRule
from warmup_tui.log.report import load_history
from warmup_tui.log.stats import counted_at, progress
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.progress import MemoryProgress, locate
from warmup_tui.runs.progress_source import log_progress

REPO = Path(__file__).resolve().parents[2]
DAY = 86_400.0
HOUR = 3600.0
NOW = datetime.fromtimestamp(MONDAY_NOON_UTC + 2 * DAY + HOUR, UTC)  # Wednesday 13:00
PROGRAMME = "build-to-30"


def test_both_commands_count_a_run_in_the_week_it_was_completed() -> None:
    # first-steps lasts 30 minutes, so a start at Sunday 23:45 finishes on Monday 00:15.
    sunday_late = MONDAY_NOON_UTC - 12 * HOUR - 15 * 60
    record("first-steps", MONDAY_NOON_UTC - 2 * DAY, programme=(PROGRAMME, "w1s1"))
    record("first-steps", sunday_late, programme=(PROGRAMME, "w1s2"))
    record("first-steps", MONDAY_NOON_UTC + DAY, programme=(PROGRAMME, "w1s3"))
    record("first-steps", MONDAY_NOON_UTC + 2 * DAY - 4 * HOUR)  # a run outside the programme
    record("first-steps", MONDAY_NOON_UTC + 2 * DAY - 3 * HOUR, programme=(PROGRAMME, "w1s4"),
           stop_after=600)  # stopped: counted by neither
    record("first-steps", MONDAY_NOON_UTC + 2 * DAY - 2 * HOUR, programme=(PROGRAMME, "w1s4"),
           speed=10.0)  # a preview: counted by neither

    with TrainingLog.open() as log:
        rows = log.sessions()
        completions = log.completed_programme_sessions(PROGRAMME)
    history = progress(rows, 4, weeks=2, now=NOW, tz=UTC)
    position = locate(resolve_programme(PROGRAMME), completions, now=NOW)

    last_week, this_week = history.weeks
    assert (last_week.runs, this_week.runs) == (1, 3)  # the Sunday-night run is this week's
    assert position.this_week == 2  # w1s2 (Sunday night into Monday) and w1s3
    programme_runs = [r for r in rows if RunRule().counts(r) and r.programme_id == PROGRAMME
                      and week_of(counted_at(r), UTC) == this_week.start]
    assert len(programme_runs) == position.this_week


def test_week_of_follows_the_zone_given() -> None:
    sunday_night_new_york = datetime(2024, 3, 4, 3, 0, tzinfo=UTC)
    new_york = timezone(timedelta(hours=-5))
    assert week_of(sunday_night_new_york, UTC).isoformat() == "2024-03-04"
    assert week_of(sunday_night_new_york, new_york).isoformat() == "2024-02-26"
    assert week_of(sunday_night_new_york.timestamp(), new_york).isoformat() == "2024-02-26"


def test_log_progress_reads_the_real_log() -> None:
    record("first-steps", time.time() - 3 * HOUR, programme=(PROGRAMME, "w1s1"))
    notices: list[str] = []
    with log_progress(notices.append) as source:
        assert isinstance(source, TrainingLog)
        done = source.completed_programme_sessions(PROGRAMME)
    assert [key for key, _ in done] == ["w1s1"] and notices == []


def test_log_progress_without_a_usable_log_is_empty_with_one_notice() -> None:
    folder = default_path().parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the folder should be")
    notices: list[str] = []
    with log_progress(notices.append) as source:
        assert isinstance(source, MemoryProgress)
        assert source.completed_programme_sessions(PROGRAMME) == []
    assert len(notices) == 1
    assert notices[0].startswith("training log: ")
    assert notices[0].endswith("; showing the programme without your progress")
    with log_progress() as quiet:  # no listener: still no crash, still empty
        assert quiet.completed_programme_sessions(PROGRAMME) == []


def _warmup(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "warmup_tui", *args], capture_output=True,
                          text=True, cwd=REPO, env=os.environ.copy(), timeout=60)


def test_program_and_history_commands_agree_and_say_what_they_count() -> None:
    # Each 30-minute session ends five seconds ago, so both are this week's (bar the first
    # five seconds of a Monday).
    just_now = time.time() - 30 * 60 - 5
    record("first-steps", just_now, programme=(PROGRAMME, "w1s1"))
    record("first-steps", just_now)  # a run that is not a programme session
    history = _warmup("history", "--json")
    program = _warmup("program", "--json")
    text = _warmup("program")
    assert history.returncode == program.returncode == text.returncode == 0, (
        history.stderr + program.stderr + text.stderr)
    assert json.loads(history.stdout)["this_week"]["runs"] == 2
    assert json.loads(program.stdout)["progress"]["this_week"] == 1
    assert text.stdout.splitlines()[-1] == (
        "Progress: 1 of 36 sessions done; 1 of 4 programme sessions this week (from Monday).")


def test_history_lists_a_run_under_the_week_that_counts_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")  # the weeks are local; pin local to the times written here
    time.tzset()
    try:
        sunday_late = MONDAY_NOON_UTC - 12 * HOUR - 15 * 60  # ends Monday 00:15
        record("first-steps", sunday_late)
        record("first-steps", MONDAY_NOON_UTC - 2 * DAY)  # Saturday: last week, not listed
        shown = load_history(4, weeks=1, now=NOW)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert shown.stats.weeks[-1].runs == 1
    assert [row.started_at for row in shown.recent] == [sunday_late]


def test_the_standing_after_a_session_counts_the_week_from_its_local_monday(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On the Sunday the clocks go forward (Europe/London, 2024-03-31), "this week" began
    at Monday's midnight in winter time: a run that ended in the last hour of the Sunday
    before is last week's, not this one's (a Monday at the summer offset began an hour
    early)."""
    from warmup_tui.common.config import TrainingSettings
    from warmup_tui.runs.standing import runs_this_week

    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        sunday_before = datetime(2024, 3, 24, 23, 5, tzinfo=UTC).timestamp()
        record("first-steps", sunday_before)  # 30 minutes: ends 23:35 GMT, last week
        now = datetime(2024, 3, 31, 12, 0, tzinfo=UTC).astimezone()  # BST, as the app has it
        counted = runs_this_week(TrainingSettings(), now)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert counted == 0
