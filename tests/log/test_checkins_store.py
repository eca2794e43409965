"""Schema 5: check-ins stored with their run, and the migration of a version 4 log."""

from __future__ import annotations

import sqlite3
import time

import pytest
from log_support import MONDAY_NOON_UTC, older_log_with_one_session

from warmup_tui.coaching.answers import Answers
from warmup_tui.log import TrainingLog
from warmup_tui.log.checkins import (
    checkin_of,
    checkins,
    checkins_by_session,
    latest_run_id,
    morning_question_for,
    save_answers,
)
from warmup_tui.log.db import SCHEMA_VERSION
from warmup_tui.log.outside import OutsideRun, add_outside_run

DAY = 86400.0


def run_at(log: TrainingLog, started_at: float, key: str) -> int:
    return add_outside_run(log, OutsideRun(
        source="manual", routine_id="run", routine_name="Run", started_at=started_at,
        elapsed_seconds=1800.0, running_seconds=1800.0, external_key=key))


def test_a_version_4_log_with_a_session_is_migrated_and_takes_check_ins() -> None:
    older_log_with_one_session(4, "run", "Run", source="manual")

    with TrainingLog.open() as log:
        assert log.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        (old,) = log.sessions()
        assert checkin_of(log, old.id) is None
        save_answers(log, old.id, Answers(calves=6, effort="words", hills=True))
        stored = checkin_of(log, old.id)
    assert stored is not None
    assert (stored.calves, stored.effort, stored.hills, stored.morning) == (6, "words", True, None)
    assert stored.session_id == old.id


def test_answers_given_later_keep_the_earlier_ones() -> None:
    with TrainingLog.open() as log:
        run = run_at(log, MONDAY_NOON_UTC, "a")
        save_answers(log, run, Answers(calves=6, note="steep bit"))
        save_answers(log, run, Answers(morning=3))
        (stored,) = checkins(log)
        fields = checkins_by_session(log, [run])[run]
    assert (stored.calves, stored.morning, stored.note) == (6, 3, "steep bit")
    assert fields["morning"] == 3 and fields["hills"] is False


def test_a_check_in_goes_with_its_session() -> None:
    with TrainingLog.open() as log:
        run = run_at(log, MONDAY_NOON_UTC, "a")
        save_answers(log, run, Answers(calves=2))
        with log.transaction():
            log.conn.execute("DELETE FROM sessions WHERE id = ?", (run,))
        assert log.conn.execute("SELECT COUNT(*) FROM checkins").fetchone()[0] == 0


def test_a_score_out_of_range_never_reaches_the_file() -> None:
    with TrainingLog.open() as log:
        run = run_at(log, MONDAY_NOON_UTC, "a")
        with pytest.raises(sqlite3.IntegrityError):
            save_answers(log, run, Answers(calves=11))
        assert checkin_of(log, run) is None


def test_the_morning_question_is_for_the_latest_run_of_an_earlier_day_once() -> None:
    with TrainingLog.open() as log:
        assert morning_question_for(log, MONDAY_NOON_UTC) is None  # no runs at all
        first = run_at(log, MONDAY_NOON_UTC - 2 * DAY, "a")
        latest = run_at(log, MONDAY_NOON_UTC - DAY, "b")
        assert latest_run_id(log) == latest != first
        assert morning_question_for(log, MONDAY_NOON_UTC - DAY) is None  # the same day
        assert morning_question_for(log, MONDAY_NOON_UTC) == latest
        save_answers(log, latest, Answers(), morning_asked=True)  # skipped: never again
        assert morning_question_for(log, MONDAY_NOON_UTC) is None


def test_the_morning_question_follows_a_late_run_on_the_night_the_clocks_go_forward(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Tehran went from 00:00 to 01:00 on Monday 2021-03-22: that midnight never was. A run
    # at 23:15 on the Sunday was yesterday's, so Monday's first start asks about it.
    from datetime import datetime

    from warmup_tui.runs.morning import morning_due

    monkeypatch.setenv("TZ", "Asia/Tehran")
    time.tzset()
    try:
        sunday_night = datetime(2021, 3, 21, 23, 15).astimezone().timestamp()
        with TrainingLog.open() as log:
            session_id = run_at(log, sunday_night, "late")
        question = morning_due(datetime(2021, 3, 22, 9, 0).astimezone())
        assert question is not None and question.session_id == session_id
    finally:
        monkeypatch.undo()
        time.tzset()
