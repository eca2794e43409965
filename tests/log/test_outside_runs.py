"""Schema 4: runs from outside the app, and the migration of a version 3 log to it."""

from __future__ import annotations

import pytest
from log_support import MONDAY_NOON_UTC, older_log_with_one_session

from warmup_tui.log import TrainingLog
from warmup_tui.log.counting import RunRule
from warmup_tui.log.db import SCHEMA_VERSION
from warmup_tui.log.outside import AlreadyLogged, OutsideRun, add_outside_run
from warmup_tui.log.week_reads import runs_between


def outside(key: str | None = "k1", **changes: object) -> OutsideRun:
    fields: dict[str, object] = dict(
        source="import", routine_id="run", routine_name="Run", started_at=MONDAY_NOON_UTC,
        elapsed_seconds=1900.0, running_seconds=1800.0, distance_m=5000.0,
        avg_heart_rate=150, avg_cadence=164, sport="running", external_key=key)
    fields.update(changes)
    return OutsideRun(**fields)  # type: ignore[arg-type]


def test_a_version_3_log_with_sessions_in_it_is_migrated() -> None:
    older_log_with_one_session(3, "first-steps", "First steps")

    with TrainingLog.open() as log:
        assert log.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        (old,) = log.sessions()
        assert (old.routine_id, old.run_seconds) == ("first-steps", 60.0)
        assert old.source == "app"
        assert (old.distance_m, old.sport, old.note, old.external_key) == (None,) * 4
        new_id = add_outside_run(log, outside())
        assert new_id != old.id and len(log.sessions()) == 2


def test_an_outside_run_is_a_completed_run_that_counts() -> None:
    with TrainingLog.open() as log:
        row = log.session(add_outside_run(log, outside(note="easy, windy")))
        assert row is not None
        assert (row.status, RunRule().counts(row), row.source) == ("completed", True, "import")
        assert row.ended_at == MONDAY_NOON_UTC + 1900.0
        assert row.run_seconds == row.actual_seconds == 1800.0
        assert (row.distance_m, row.avg_heart_rate, row.avg_cadence) == (5000.0, 150, 164)
        assert row.note == "easy, windy"
        assert runs_between(log, MONDAY_NOON_UTC, MONDAY_NOON_UTC + 86400, RunRule(), 4) == 1


def test_the_same_external_key_goes_in_once() -> None:
    with TrainingLog.open() as log:
        first = add_outside_run(log, outside())
        with pytest.raises(AlreadyLogged) as caught:
            add_outside_run(log, outside(started_at=MONDAY_NOON_UTC + 5))
        assert caught.value.session_id == first
        add_outside_run(log, outside(key=None, source="manual"))  # runs logged by hand
        add_outside_run(log, outside(key=None, source="manual"))  # have no key
        assert len(log.sessions()) == 3
