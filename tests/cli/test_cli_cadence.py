"""`warmup program` suggests the runner's own cadence plus 5 % from their recent runs in a
real log: one line of text, a "cadence" object in --json, and the settings left alone."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.activities.activity_files import fit_activity, samples
from tests.cli.conftest import Warmup
from warmup_tui.common.config import config_path
from warmup_tui.log import TrainingLog
from warmup_tui.log.outside import OutsideRun, add_outside_run

DAY = 86400.0


def imported(days_ago: float, steps: int | None, sport: str | None = "running") -> None:
    started = time.time() - days_ago * DAY
    with TrainingLog.open() as log:
        add_outside_run(log, OutsideRun(
            source="import", routine_id="run", routine_name="Run", started_at=started,
            elapsed_seconds=1800.0, running_seconds=1800.0, avg_cadence=steps, sport=sport,
            external_key=f"run-{days_ago}"))


def cadence(warmup: Warmup) -> object:
    shown = warmup("program", "--json")
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)["cadence"]


def test_recent_runs_bring_their_cadence_plus_five_percent(warmup: Warmup) -> None:
    for days_ago, steps in ((1, 158), (3, 156), (5, 160)):
        imported(days_ago, steps)
    imported(2, 90, sport="cycling")  # pedal turns, not steps
    imported(4, None)  # a file without cadence
    assert cadence(warmup) == {"own": 158, "suggested": 166, "runs": 3, "setting": 170}
    text = warmup("program").stdout.splitlines()
    assert ("Cadence: about 158 steps a minute in your last 3 runs; try 166 with the "
            "metronome (5 % quicker steps).") in text
    assert any("cadence = 166 under [training]" in line and "(now 170)" in line
               for line in text)


def test_it_is_shown_never_set(warmup: Warmup) -> None:
    imported(1, 158)
    warmup("program")  # makes the settings file with its defaults
    before = config_path().read_bytes()
    assert "try 166" in warmup("program").stdout
    assert config_path().read_bytes() == before


def test_a_metronome_set_to_it_already_says_so(warmup: Warmup) -> None:
    imported(1, 158)
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("[training]\ncadence = 166\n")
    text = warmup("program").stdout
    assert "Your metronome is set to it already." in text and "To follow it" not in text


def test_no_runs_with_a_cadence_show_nothing(warmup: Warmup) -> None:
    imported(1, None)
    assert cadence(warmup) is None
    assert "Cadence:" not in warmup("program").stdout


def test_an_imported_run_from_years_ago_is_too_old_to_steer_it(warmup: Warmup) -> None:
    done = warmup("import", str(samples() / "garmin-fenix-5-run.fit"))  # 2017, 167 steps
    assert done.returncode == 0, done.stderr
    assert cadence(warmup) is None


def test_a_watchs_file_imported_yesterday_counts_its_strides_as_steps(
        warmup: Warmup, tmp_path: Path) -> None:
    yesterday = datetime.now(UTC) - timedelta(days=1)
    watch = fit_activity(tmp_path / "run.fit", start=yesterday, strides=79)
    done = warmup("import", str(watch))
    assert done.returncode == 0, done.stderr
    assert cadence(warmup) == {"own": 158, "suggested": 166, "runs": 1, "setting": 170}
