"""No control character from a routine file, its name or the command line reaches the
terminal through the commands' output: each is written out visibly (``\\x1b``) instead."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from hostile_text import (
    BROKEN_ID,
    CLEAR,
    CLIPBOARD,
    HOSTILE_CUE,
    HOSTILE_ID,
    HOSTILE_NAME,
    HOSTILE_STEP,
    RAW_CONTROL,
    TITLE,
    visible,
    write_hostile,
)

from tests.cli.conftest import Warmup


def assert_nothing_raw(result: subprocess.CompletedProcess[str]) -> str:
    """Fails on any raw control in stdout or stderr; returns the two together."""
    both = result.stdout + result.stderr
    raw = sorted({f"U+{ord(c):04X}" for c in RAW_CONTROL.findall(both)})
    assert raw == [], f"raw controls reached the terminal: {raw}\n{both!r}"
    return both


def test_list_writes_names_and_problems_visibly(warmup: Warmup, user_routines: Path) -> None:
    write_hostile(user_routines)
    result = warmup("list")
    assert result.returncode == 0
    out = assert_nothing_raw(result)
    assert visible(HOSTILE_ID) in out and visible(HOSTILE_NAME) in out
    assert visible(BROKEN_ID) in out and visible("nowhere" + CLEAR) in out


def test_list_json_keeps_the_exact_text(warmup: Warmup, user_routines: Path) -> None:
    write_hostile(user_routines)
    result = warmup("list", "--json")
    assert result.returncode == 0
    assert_nothing_raw(result)
    entries = {entry["id"]: entry for entry in json.loads(result.stdout)}
    assert entries[HOSTILE_ID]["name"] == HOSTILE_NAME
    assert entries[HOSTILE_ID]["description"] == "Desc " + CLIPBOARD


def test_show_writes_steps_and_cues_visibly(warmup: Warmup, user_routines: Path) -> None:
    write_hostile(user_routines)
    result = warmup("show", HOSTILE_ID)
    assert result.returncode == 0
    out = assert_nothing_raw(result)
    assert visible(HOSTILE_NAME) in out and visible(HOSTILE_STEP) in out
    assert visible("Desc " + CLIPBOARD) in out


def test_validate_writes_every_problem_visibly(warmup: Warmup, user_routines: Path) -> None:
    write_hostile(user_routines)
    result = warmup("validate", HOSTILE_ID, BROKEN_ID)
    assert result.returncode == 2
    out = assert_nothing_raw(result)
    assert visible(f"{HOSTILE_ID}.toml: ok") in out
    assert visible(f'chains to "nowhere{CLEAR}"') in out
    assert visible(f"colour{TITLE}: unknown key") in out
    assert visible(f'"1m1m{CLIPBOARD}" is not a duration') in out


def test_plain_run_writes_steps_and_cues_visibly(warmup: Warmup, user_routines: Path) -> None:
    write_hostile(user_routines)
    result = warmup("run", HOSTILE_ID, "--plain", "--speed", "1000", "--mute")
    assert result.returncode == 0
    out = assert_nothing_raw(result)
    assert visible(f"start {HOSTILE_STEP}") in out and visible(HOSTILE_CUE) in out
    assert "session finished" in out


def test_command_line_arguments_are_echoed_visibly(warmup: Warmup, work: Path) -> None:
    (work / f"mine{TITLE}.toml").write_text('name = "Mine"\n', encoding="utf-8")
    results = [warmup("show", f"nope{TITLE}"), warmup("list", f"extra{CLEAR}"),
               warmup("validate", f"mine{TITLE}.toml"), warmup(f"ru{CLEAR}n")]
    assert [r.returncode for r in results] == [2, 2, 2, 2]
    out = "".join(assert_nothing_raw(result) for result in results)
    for echoed in (f"nope{TITLE}", f"extra{CLEAR}", f"mine{TITLE}.toml:"):
        assert visible(echoed) in out


def test_history_writes_a_logged_routine_name_visibly(warmup: Warmup, user_routines: Path) -> None:
    write_hostile(user_routines)
    assert warmup("run", HOSTILE_ID, "--plain", "--speed", "1000", "--mute").returncode == 0
    result = warmup("history")
    assert result.returncode == 0
    assert visible(HOSTILE_ID)[:20] in assert_nothing_raw(result)
