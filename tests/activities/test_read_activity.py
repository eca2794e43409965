"""read_activity: FIT, TCX and GPX files, the tests' own and real devices', good and bad."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from warmup_tui.activities.reader import read_activity
from warmup_tui.common.problems import ProblemsError

from .activity_files import START, fit_activity, gpx_activity, samples, tcx_activity


def refusal(path: Path) -> str:
    with pytest.raises(ProblemsError) as caught:
        read_activity(path)
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_a_fit_run_from_the_sdks_encoder(tmp_path: Path) -> None:
    activity = read_activity(fit_activity(tmp_path / "run.fit"))
    assert (activity.format, activity.sport, activity.start) == ("FIT", "running", START)
    assert (activity.elapsed_seconds, activity.moving_seconds) == (1900.0, 1800.0)
    assert (activity.distance_m, activity.avg_heart_rate) == (5000.0, 150)
    assert activity.avg_cadence == 164  # 82 strides a minute are 164 steps


def test_a_tcx_run_adds_up_its_laps(tmp_path: Path) -> None:
    activity = read_activity(tcx_activity(tmp_path / "run.tcx", laps=3))
    assert (activity.format, activity.sport, activity.start) == ("TCX", "running", START)
    assert activity.moving_seconds == activity.elapsed_seconds == 2700.0
    assert activity.distance_m == 7500.0 and activity.avg_heart_rate == 148


def test_a_gpx_track_is_a_run_unless_it_names_another_sport(tmp_path: Path) -> None:
    activity = read_activity(gpx_activity(tmp_path / "run.gpx", minutes=20))
    assert (activity.format, activity.sport, activity.start) == ("GPX", None, START)
    assert activity.elapsed_seconds == 1200.0 and activity.is_running
    assert activity.distance_m == pytest.approx(3600, rel=0.01)
    ride = read_activity(gpx_activity(tmp_path / "ride.gpx", sport="cycling"))
    assert ride.sport == "cycling" and not ride.is_running


def test_the_format_is_told_by_content_not_by_name(tmp_path: Path) -> None:
    fit = fit_activity(tmp_path / "run.fit")
    named_wrong = tmp_path / "run.gpx"
    named_wrong.write_bytes(fit.read_bytes())
    assert read_activity(named_wrong).format == "FIT"


def test_real_files_from_devices_and_tools() -> None:
    fenix = read_activity(samples() / "garmin-fenix-5-run.fit")
    assert fenix.start == datetime(2017, 6, 11, 14, 34, 9, tzinfo=UTC)
    assert fenix.sport == "running" and fenix.distance_m == pytest.approx(157.56)
    assert fenix.avg_heart_rate == 90 and fenix.avg_cadence == 167
    tcx = read_activity(samples() / "running-1-mile.tcx")  # three laps of about a mile
    assert tcx.moving_seconds == pytest.approx(608.47 + 714.80 + 669.51)
    assert tcx.distance_m == pytest.approx(4689.24, abs=0.01)
    track = read_activity(samples() / "track-2h.gpx")
    assert track.elapsed_seconds == 7190.0 and 0 < track.moving_seconds < 7190.0


@pytest.mark.parametrize(("name", "expected"), [
    ("garmin-workout-repeat-steps.fit", "is a FIT workout (a plan), not a finished activity"),
    ("track-without-times.gpx", "points carry no times"),
    ("gpx-with-1901-timestamps.gpx", "has impossible times: it starts on 1901-12-13"),
    ("README.md", "is not a FIT, TCX or GPX activity file"),
])
def test_real_files_that_hold_no_run_are_refused_in_one_line(name: str, expected: str) -> None:
    assert expected in refusal(samples() / name)


def test_a_fit_file_cut_short_or_damaged_is_refused(tmp_path: Path) -> None:
    whole = fit_activity(tmp_path / "run.fit").read_bytes()
    cut = tmp_path / "cut.fit"
    cut.write_bytes(whole[: len(whole) - 20])
    assert "damaged or cut-short FIT file" in refusal(cut)
    flipped = bytearray(whole)
    flipped[40] ^= 0xFF
    damaged = tmp_path / "damaged.fit"
    damaged.write_bytes(bytes(flipped))
    assert "damaged or cut-short FIT file" in refusal(damaged)
    real = (samples() / "garmin-fenix-5-run.fit").read_bytes()
    cut.write_bytes(real[: len(real) // 2])
    assert "damaged or cut-short FIT file" in refusal(cut)


def test_other_fit_files_and_cut_xml_are_refused(tmp_path: Path) -> None:
    settings = fit_activity(tmp_path / "settings.fit", file_type="settings")
    assert "a FIT settings file, not an activity" in refusal(settings)
    text = tcx_activity(tmp_path / "run.tcx").read_text(encoding="utf-8")
    cut = tmp_path / "cut.tcx"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    assert "damaged or cut-short TCX file" in refusal(cut)
    track = gpx_activity(tmp_path / "run.gpx").read_text(encoding="utf-8")
    cut.write_text(track[: len(track) // 2], encoding="utf-8")
    assert "damaged or cut-short GPX file" in refusal(cut)


def test_impossible_times_are_refused(tmp_path: Path) -> None:
    future = fit_activity(tmp_path / "future.fit", start=datetime(2099, 1, 1, tzinfo=UTC))
    assert "in the future" in refusal(future)
    empty = fit_activity(tmp_path / "empty.fit", elapsed=0.0, moving=0.0)
    assert "has no time in it" in refusal(empty)


def test_the_same_run_from_two_formats_has_one_key(tmp_path: Path) -> None:
    fit = read_activity(fit_activity(tmp_path / "a.fit", elapsed=1800.0, moving=1800.0))
    tcx = read_activity(tcx_activity(tmp_path / "a.tcx", laps=2))
    other = read_activity(fit_activity(tmp_path / "b.fit", elapsed=1801.0))
    assert fit.key == tcx.key != other.key
