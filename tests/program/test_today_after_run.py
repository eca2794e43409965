"""Headless ``warmup today --plain`` ends by naming the after-run routine
(``training.after_run``); ``--json`` keeps to its events; an empty setting names nothing,
and one that names no routine is said in one line. Real subprocesses, a real log."""

from __future__ import annotations

import json
from pathlib import Path

from tests.program.support import warmup
from warmup_tui.common.config import config_path, load_settings

FAST = ("--speed", "1000", "--mute", "--no-voice")
NEXT = "Next: After-run calf care (3 min) — warmup run after-run"


def settings_with(after_run: str) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'[training]\nafter_run = "{after_run}"\n', encoding="utf-8")


def test_plain_ends_by_naming_the_after_run_routine() -> None:
    result = warmup("today", "--plain", *FAST)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-2:] == ["30:00.0 session finished", NEXT]


def test_json_keeps_to_its_events() -> None:
    result = warmup("today", "--json", *FAST)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events[-1]["event"] == "session_end" and events[-1]["completed"] is True
    assert "after-run" not in result.stderr


def test_an_empty_setting_names_nothing() -> None:
    settings_with("")
    result = warmup("today", "--plain", *FAST)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "30:00.0 session finished"
    assert result.stderr == ""


def test_a_name_that_is_no_routine_is_one_line_naming_the_settings_file(
        isolated_home: Path) -> None:
    settings_with("calf-stuff")
    result = warmup("today", "--plain", *FAST)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "30:00.0 session finished"
    (line,) = [line for line in result.stderr.splitlines() if "after_run" in line]
    assert line.startswith("warmup: ") and "config.toml" in line
    assert line.endswith('training.after_run: no routine named "calf-stuff"; nothing is '
                         "offered after a run")


def test_the_setting_takes_a_name_or_nothing(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    for written, read in (('"after-run"', "after-run"), ('""', ""), ('"mine"', "mine")):
        file.write_text(f"[training]\nafter_run = {written}\n", encoding="utf-8")
        settings, problems = load_settings(file)
        assert (settings.training.after_run, problems) == (read, [])
    file.write_text("[training]\nafter_run = 3\n", encoding="utf-8")
    settings, problems = load_settings(file)
    assert settings.training.after_run == "after-run"
    assert [problem.key for problem in problems] == ["training.after_run"]
