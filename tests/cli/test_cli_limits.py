"""Numbers and sizes a file or an option may hold: each refused in one line, exit 2.

Through the real ``warmup`` command, with an address-space limit where a run-away
expansion would otherwise eat the machine's memory.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import warmup_env

Warmup = Callable[..., subprocess.CompletedProcess[str]]
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space: ten million segments need far more
HUGE = "9" * 400


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "went wrong" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _limited_warmup(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run([sys.executable, "-m", "warmup_tui", *args], cwd=work,
                          env=warmup_env(), capture_output=True, text=True, timeout=60,
                          preexec_fn=limit, check=False)


@pytest.mark.parametrize("key", ["rest", "switch", "steps.duration", "steps.rest",
                                 "steps.pace", "runwalk.run", "runwalk.walk",
                                 "runwalk.warmup", "runwalk.cooldown"])
def test_a_400_digit_duration_is_one_line(warmup: Warmup, work: Path, key: str) -> None:
    table, _, name = key.rpartition(".")
    step = {"name": '"Lift"', "reps" if name == "pace" else "duration": "10"}
    runwalk = {"run": '"1m"', "repeats": "2"}
    {"steps": step, "runwalk": runwalk, "": {}}[table][name] = HUGE
    top = f"{name} = {HUGE}\n" if not table else ""
    text = (f'name = "Big"\n{top}[[steps]]\n' + "".join(f"{k} = {v}\n" for k, v in step.items())
            + "[runwalk]\n" + "".join(f"{k} = {v}\n" for k, v in runwalk.items()))
    (work / "big.toml").write_text(text)
    line = _one_line(warmup("validate", "big.toml"))
    assert line.startswith("big.toml:")
    assert line.endswith(f"{key.replace('steps', 'steps[0]')}: must be at most 12 hours, "
                         "got a number over 15 digits long")


@pytest.mark.parametrize("key", ["warmup", "cooldown", "weeks.sessions.run"])
def test_a_400_digit_duration_in_a_programme_is_one_line(warmup: Warmup, work: Path,
                                                         key: str) -> None:
    run = HUGE if key.endswith("run") else '"1m"'
    top = f"{key} = {HUGE}\n" if "." not in key else ""
    (work / "plan.toml").write_text(f'name = "Plan"\n{top}[[weeks]]\n[[weeks.sessions]]\n'
                                    f"run = {run}\nrepeats = 1\n")
    line = _one_line(warmup("program", "--use", "plan.toml"))
    assert line.startswith("plan.toml:") and "must be at most 12 hours" in line


def test_a_number_of_thousands_of_digits_is_one_line(warmup: Warmup, work: Path) -> None:
    digits = "1" + "0" * 5000
    (work / "big.toml").write_text(f'name = "Big"\n[[steps]]\nname = "Lift"\nreps = {digits}\n')
    assert _one_line(warmup("validate", "big.toml")) == (
        "big.toml: holds a number thousands of digits long; too long to read")


def test_huge_sides_times_sets_is_refused_before_anything_is_built(work: Path) -> None:
    sides = ", ".join(['"s"'] * 50_000)
    (work / "amp.toml").write_text(
        f'name = "Amp"\n[[steps]]\nname = "Lift"\nduration = 1\nsets = 100\nsides = [{sides}]\n')
    for command in ("validate", "show"):
        line = _one_line(_limited_warmup(work, command, "amp.toml"))
        assert line == "amp.toml: expands to 9,999,999 segments; a routine may have at most 3,000"
    run = _limited_warmup(work, "run", "amp.toml", "--plain", "--mute", "--no-voice")
    assert _one_line(run).startswith("amp.toml: expands to")


def test_a_routine_over_twelve_hours_is_refused(warmup: Warmup, work: Path) -> None:
    (work / "long.toml").write_text(
        'name = "Long"\n[[steps]]\nname = "Hold"\nduration = "10h"\nsets = 2\n')
    assert _one_line(warmup("validate", "long.toml")) == (
        "long.toml: lasts 20.0 hours; a routine may last at most 12 hours")


def test_intervals_options_are_capped_the_same_way(warmup: Warmup) -> None:
    result = warmup("intervals", "--run", "12h", "--walk", "12h", "--repeats", "200", "--plain")
    assert _one_line(result) == (
        "warmup intervals: lasts 4800.0 hours; a routine may last at most 12 hours")


@pytest.mark.parametrize("speed", ["1e-300", "0.001", "0", "nan", "inf", "1_000", "１０", "-1"])
def test_a_speed_outside_the_range_is_a_refused_option(warmup: Warmup, speed: str) -> None:
    result = warmup("intervals", "--run", "1s", "--repeats", "1", "--plain", "--mute",
                    "--no-voice", f"--speed={speed}")
    assert result.returncode == 2 and result.stdout == ""
    assert "argument --speed: expected a number from 0.01 to 1000" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_slowest_speed_runs(warmup: Warmup) -> None:
    # 0.01 of a 0.01 s run is one real second: the floor itself works and does not overflow.
    result = warmup("intervals", "--run", "0.01s", "--repeats", "1", "--plain", "--mute",
                    "--no-voice", "--speed", "0.01")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-1].endswith("session finished")


@pytest.mark.parametrize(("option", "value"), [("--repeats", "١٠"), ("--repeats", "1_0"),
                                               ("--cadence", "１７０"), ("--repeats", " 2")])
def test_whole_number_options_take_ascii_digits_only(warmup: Warmup, option: str,
                                                     value: str) -> None:
    args = {"--repeats": "2", "--cadence": "170", option: value}
    result = warmup("intervals", "--run", "1s", "--plain", "--mute", "--no-voice",
                    *(part for pair in args.items() for part in pair))
    assert result.returncode == 2 and result.stdout == ""
    assert f"argument {option}: expected a whole number from" in result.stderr


@pytest.mark.parametrize(("value", "shown"), [("true", "true"), ("1.0", "1.0"), ("2", "2")])
def test_format_must_be_the_whole_number_1(warmup: Warmup, work: Path, value: str,
                                           shown: str) -> None:
    (work / "r.toml").write_text(f'format = {value}\nname = "R"\n[[steps]]\nname = "A"\n'
                                 'duration = 1\n')
    (work / "p.toml").write_text(f'format = {value}\nname = "P"\n[[weeks]]\n'
                                 '[[weeks.sessions]]\nrun = "1m"\nrepeats = 1\n')
    assert _one_line(warmup("validate", "r.toml")) == (
        f"r.toml:1: format: this app reads routine format 1, got {shown}")
    assert _one_line(warmup("program", "--use", "p.toml")) == (
        f"p.toml:1: format: this app reads programme format 1, got {shown}")


@pytest.mark.parametrize("text", ["1_000", "١٠s", "１０s", "1e3", "1\u00a0m", "+5", "inf", ".5s"])
def test_durations_take_the_documented_forms_only(warmup: Warmup, work: Path,
                                                  text: str) -> None:
    (work / "r.toml").write_text(f'name = "R"\n[[steps]]\nname = "A"\nduration = "{text}"\n')
    line = _one_line(warmup("validate", "r.toml"))
    assert line.startswith("r.toml:4: steps[0].duration: ")
    assert line.endswith('is not a duration; write it like "30s", "1m30s", "2m" or "1h"')


@pytest.mark.parametrize(("command", "option", "value"), [
    ("history", "--weeks", "١٢"), ("history", "--weeks", "9" * 5000),
    ("program", "--skip-to", "２"), ("program", "--skip-to", "1_0"),
])
def test_other_whole_number_options_take_ascii_digits_only(warmup: Warmup, command: str,
                                                           option: str, value: str) -> None:
    result = warmup(command, f"{option}={value}")
    assert result.returncode == 2 and result.stdout == ""
    assert f"argument {option}: expected a whole number from 1 to" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr) < 1000
