"""`warmup guide calves` through the real command: each cause with what to do and what in
the app helps, wrapped to the terminal, the runner's own limits, and JSON."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from warmup_tui.cli.guide_cmd import guide_lines
from warmup_tui.coaching.guide import CAUSES, calves_guide
from warmup_tui.common.config import CoachingSettings, config_path
from warmup_tui.engine.timeline import DEFAULT_RUN_CUES

REPO = Path(__file__).resolve().parents[2]


def warmup(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": str(columns)}
    return subprocess.run([sys.executable, "-m", "warmup_tui", *args], env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_each_cause_says_what_to_do_and_what_in_the_app_helps() -> None:
    result = warmup("guide", "calves")
    assert (result.returncode, result.stderr) == (0, "")
    text = " ".join(result.stdout.split())  # the words, whatever the wrapping
    titles = ["1. Landing on your toes", "2. Running too fast", "3. Hills too soon",
              "4. Weak glutes"]
    for title in titles:
        assert title in result.stdout.splitlines()
    assert text.count("What to do: ") == text.count("In the app: ") == 4
    for helper in ("The metronome clicks", "A gentler run-walk ratio", "The flat-route cue",
                   "The warmup: pre-run does exactly this"):
        assert helper in text
    assert "glute bridge held 30 s, a monster walk of 10 steps" in text
    assert "warmup run after-run" in text
    assert "see a doctor or physiotherapist" in text
    assert "`" not in result.stdout


@pytest.mark.parametrize("columns", [40, 60, 100])
def test_it_wraps_to_the_terminal_keeping_commands_and_units_whole(columns: int) -> None:
    lines = warmup("guide", "calves", columns=columns).stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert max(len(line) for line in lines) > columns - 10  # it fills the width it has
    assert any("warmup program --repeat-week" in line for line in lines)
    assert any("walk 90 s" in line or line.strip().startswith("90 s") for line in lines)


@pytest.mark.parametrize("width", range(40, 101))
def test_no_width_parts_a_number_from_its_unit_or_a_command_from_its_options(
        width: int) -> None:
    lines = guide_lines(calves_guide(CoachingSettings()), width)
    assert max(len(line) for line in lines) <= width
    for line, after in pairwise(lines):
        parted = re.search(r"\d$", line) and re.match(r"\s*(s|min|%)\b", after)
        assert not parted, (line, after)
    for command in ("warmup program --repeat-week", "warmup run after-run", "warmup today"):
        assert any(command in line for line in lines), command


def test_a_very_wide_terminal_still_gets_readable_lines() -> None:
    lines = warmup("guide", "calves", columns=300).stdout.splitlines()
    assert 90 < max(len(line) for line in lines) <= 100


def test_the_limits_are_the_runners_own_settings() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[coaching]\nprogress_up_to = 1\nhold_up_to = 4\nrest_days = 3\n")
    text = " ".join(warmup("guide", "calves").stdout.split())
    assert "Up to 1 during a run" in text and "Up to 4, settled" in text
    assert "More than 4, more than 2 the next morning" in text and "rest 3 days" in text


def test_json_has_every_cause_without_the_markup() -> None:
    result = warmup("guide", "calves", "--json")
    guide = json.loads(result.stdout)
    assert [cause["key"] for cause in guide["causes"]] == [
        "forefoot", "too-fast", "hills", "weak-glutes"]
    assert all(cause["what_to_do"] and cause["in_the_app"] for cause in guide["causes"])
    assert [section["title"] for section in guide["sections"]] == [
        "How sore is too sore", "After the run", "When to stop and see someone"]
    assert "`" not in result.stdout


def test_an_unknown_topic_is_refused_in_one_line() -> None:
    result = warmup("guide", "knees")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "warmup guide: error: argument topic: invalid choice: 'knees' (choose from 'calves')")


def test_the_flat_route_cue_it_quotes_is_one_the_runs_show() -> None:
    hills = next(cause for cause in CAUSES if cause.key == "hills")
    quoted = hills.in_the_app.split('"')[1]
    assert quoted in DEFAULT_RUN_CUES
