"""``warmup import`` and ``warmup log`` as a runner uses them: real files (the tests' own
and real devices'), a real log, read back through ``history --json`` and ``program --json``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.activities.activity_files import fit_activity, gpx_activity, samples, tcx_activity
from warmup_tui.log import TrainingLog
from warmup_tui.log.counting import RunRule

from .conftest import Warmup


def history(warmup: Warmup) -> dict[str, Any]:
    done = warmup("history", "--json", "--weeks", "520")
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def next_session(warmup: Warmup) -> str:
    done = warmup("program", "--json")
    assert done.returncode == 0, done.stderr
    key: str = json.loads(done.stdout)["next"]["key"]
    return key


def hours_ago(hours: float) -> datetime:
    return (datetime.now(UTC) - timedelta(hours=hours)).replace(microsecond=0)


def test_fit_tcx_and_gpx_runs_go_in_with_distance_and_pace(warmup: Warmup, work: Path) -> None:
    fit = fit_activity(work / "morning.fit", start=hours_ago(30), elapsed=1900, moving=1800)
    tcx = tcx_activity(work / "lunch.tcx", start=hours_ago(20))
    gpx = gpx_activity(work / "evening.gpx", start=hours_ago(10), minutes=20)
    done = warmup("import", fit.name, tcx.name, gpx.name)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["morning.fit", "lunch.tcx", "evening.gpx"]
    assert "30:00 running, 5.00 km at 6:00 /km" in lines[0]
    sessions = history(warmup)["sessions"]
    assert [s["source"] for s in sessions] == ["import"] * 3
    newest_first = sorted(sessions, key=lambda s: s["started_at"])
    fit_row, tcx_row, gpx_row = newest_first
    assert (fit_row["distance_m"], fit_row["avg_heart_rate"], fit_row["avg_cadence"]) == (
        5000.0, 150, 164)
    assert fit_row["run_seconds"] == 1800.0 and fit_row["counts_as_run"]
    assert (tcx_row["distance_m"], tcx_row["run_seconds"]) == (5000.0, 1800.0)
    assert gpx_row["sport"] is None and gpx_row["run_seconds"] == 1200.0


def test_miles_by_setting(warmup: Warmup, work: Path, isolated_home: Path) -> None:
    config = isolated_home / ".config" / "warmup-tui" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[training]\nunits = "mi"\n', encoding="utf-8")
    fit_activity(work / "run.fit", start=hours_ago(3), moving=1800, distance=8046.72)
    assert "30:00 running, 5.00 mi at 6:00 /mi" in warmup("import", "run.fit").stdout
    assert "5.00 mi at 6:00 /mi" in warmup("history").stdout


def test_the_same_run_twice_is_already_in_the_log(warmup: Warmup, work: Path) -> None:
    fit_activity(work / "run.fit", start=hours_ago(5), elapsed=1800, moving=1800)
    tcx_activity(work / "same-run.tcx", start=hours_ago(5))  # the watch's TCX of that run
    assert warmup("import", "run.fit").returncode == 0
    again = warmup("import", "run.fit", "same-run.tcx")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [
        "run.fit: already in the log (session 1); nothing changed",
        "same-run.tcx: already in the log (session 1); nothing changed"]
    assert len(history(warmup)["sessions"]) == 1


def test_each_bad_file_gets_one_line_and_nothing_stays(warmup: Warmup, work: Path) -> None:
    good = fit_activity(work / "good.fit", start=hours_ago(2))
    whole = fit_activity(work / "whole.fit", start=hours_ago(30)).read_bytes()
    (work / "cut.fit").write_bytes(whole[:-30])
    bad = ["garmin-workout-repeat-steps.fit", "track-without-times.gpx",
           "gpx-with-1901-timestamps.gpx"]
    paths = [str(samples() / name) for name in bad]
    done = warmup("import", *paths, "cut.fit", good.name, "nowhere.gpx")
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert len(errors) == 5 and all(line.endswith("; nothing imported") for line in errors)
    assert "is a FIT workout (a plan), not a finished activity" in errors[0]
    assert "points carry no times" in errors[1]
    assert "impossible times: it starts on 1901-12-13" in errors[2]
    assert "cut.fit: is a damaged or cut-short FIT file" in errors[3]
    assert "nowhere.gpx: no such file" in errors[4]
    assert done.stdout.startswith("good.fit: imported a run")
    assert [s["source"] for s in history(warmup)["sessions"]] == ["import"]


def test_another_sport_needs_as_run(warmup: Warmup, work: Path) -> None:
    fit_activity(work / "ride.fit", start=hours_ago(4), sport="cycling")
    refused = warmup("import", "ride.fit")
    assert refused.returncode == 2
    assert refused.stderr == ("warmup: ride.fit: is a cycling activity, not a run; add --as run"
                              " to count it as one; nothing imported\n")
    assert history(warmup)["sessions"] == []
    taken = warmup("import", "ride.fit", "--as", "run")
    assert taken.returncode == 0, taken.stderr
    assert [s["sport"] for s in history(warmup)["sessions"]] == ["running"]


def test_real_device_files_go_in(warmup: Warmup) -> None:
    names = ["garmin-fenix-5-run.fit", "running-1-mile.tcx", "track-2h.gpx"]
    done = warmup("import", *[str(samples() / name) for name in names])
    assert done.returncode == 0, done.stderr
    # Years before any week history shows: read back from the log file itself.
    with TrainingLog.open() as log:
        rows = {row.routine_name: row for row in log.sessions()}
    assert set(rows) == {"Run (FIT file)", "Run (TCX file)", "Run (GPX file)"}
    fenix = rows["Run (FIT file)"]
    assert (fenix.started_at, fenix.distance_m, fenix.avg_heart_rate, fenix.avg_cadence) == (
        datetime(2017, 6, 11, 14, 34, 9, tzinfo=UTC).timestamp(), 157.56, 90, 167)
    assert rows["Run (TCX file)"].avg_heart_rate == 160
    # Each is a run: finished, with running in it (however short; no threshold here).
    assert all(RunRule(min_run_seconds=0).counts(r) for r in rows.values())


def test_the_week_counts_an_imported_run(warmup: Warmup, work: Path) -> None:
    before = history(warmup)["this_week"]
    start = hours_ago(1)
    fit_activity(work / "run.fit", start=start, elapsed=1800, moving=1800)
    assert warmup("import", "run.fit").returncode == 0
    after = history(warmup)["this_week"]
    ended_this_week = (start + timedelta(seconds=1800)).astimezone().date().isoformat() >= (
        after["start"])
    assert after["runs"] == before["runs"] + ended_this_week
    assert after["run_seconds"] == before["run_seconds"] + 1800 * ended_this_week


def test_programme_moves_on_only_for_a_long_enough_run(warmup: Warmup, work: Path) -> None:
    assert next_session(warmup) == "w1s1"  # 8 minutes of running
    fit_activity(work / "short.fit", start=hours_ago(6), elapsed=420, moving=420)
    short = warmup("import", "short.fit", "--programme")
    assert short.returncode == 2
    assert short.stderr == ("warmup: short.fit: ran 7:00, but week 1, session 1 of Build to 30"
                            " has 8:00 of running; nothing imported\n")
    assert next_session(warmup) == "w1s1" and history(warmup)["sessions"] == []
    fit_activity(work / "long.fit", start=hours_ago(5), elapsed=600, moving=540)
    done = warmup("import", "long.fit", "--programme")
    assert done.returncode == 0, done.stderr
    assert "counted as Build to 30, week 1, session 1" in done.stdout
    assert next_session(warmup) == "w1s2"
    logged = warmup("log", "--minutes", "8", "--programme")
    assert logged.returncode == 0, logged.stderr
    assert next_session(warmup) == "w1s3"
    (row, *_) = history(warmup)["sessions"]
    assert (row["programme_session"], row["source"]) == ("w1s2", "manual")


def test_log_a_run_by_hand(warmup: Warmup) -> None:
    done = warmup("log", "--minutes", "30", "--date", "yesterday", "--time", "07:15",
                  "--distance", "5km", "--note", "easy, windy")
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("07:15, 30:00 running, 5.00 km at 6:00 /km\n")
    for distance in ("3.1mi", "800m"):
        assert warmup("log", "--minutes", "10", "--date", "yesterday", "--distance",
                      distance).returncode == 0
    rows = history(warmup)["sessions"]
    assert sorted(row["distance_m"] for row in rows) == [800.0, 4989.0, 5000.0]
    (noted,) = [row for row in rows if row["note"]]
    assert (noted["note"], noted["source"], noted["run_seconds"]) == ("easy, windy", "manual",
                                                                      1800.0)


def test_log_refuses_what_cannot_be_true(warmup: Warmup) -> None:
    tomorrow = (datetime.now().astimezone() + timedelta(days=1)).date().isoformat()
    cases = [
        (["--minutes", "0"], "--minutes: expected more than 0 and up to 1440 minutes, got 0"),
        (["--minutes", "2000"], "--minutes: expected more than 0 and up to 1440 minutes"),
        (["--minutes", "half"], "--minutes: expected minutes such as 30 or 22.5"),
        (["--minutes", "30", "--date", tomorrow], f"--date: {tomorrow} is in the future"),
        (["--minutes", "30", "--date", "30/11"], "--date: expected a date such as"),
        (["--minutes", "30", "--time", "7pm"], "--time: expected a time of day such as 07:30"),
        (["--minutes", "30", "--distance", "5"], "--distance: expected a distance such as 5km"),
        (["--minutes", "30", "--distance", "0km"], "--distance: expected a distance above 0"),
    ]
    for args, expected in cases:
        done = warmup("log", *args)
        assert done.returncode == 2, args
        assert done.stderr.startswith(f"warmup: {expected}"), done.stderr
        assert done.stderr.endswith("; nothing logged\n") and done.stderr.count("\n") == 1
    assert history(warmup)["sessions"] == []
