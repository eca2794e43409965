"""Files that are not what they seem, through the real ``warmup`` command: a pipe, a device,
a huge file, keys the line finder once went round on, nesting thousands deep, names too
long for the file system. Each gets one line naming the file and exit 2, or a warning and
the defaults for the settings file; never a hang (every run has a timeout), never a
traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Warmup

ROUTINE = 'name = "Quick"\n[[steps]]\nname = "Stand"\nduration = "2s"\n'
TIMEOUT = 30


def config_file(home: Path) -> Path:
    return home / ".config" / "warmup-tui" / "config.toml"


def one_line_about(result: object, file: str, words: str, code: int = 2) -> None:
    """Exit ``code``, and a single stderr line naming ``file`` that says ``words``."""
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert result.returncode == code, stderr  # type: ignore[attr-defined]
    assert "Traceback" not in stderr and "something went wrong" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if file in line]
    assert len(lines) == 1, stderr
    assert words in lines[0], stderr


@pytest.mark.parametrize("text", [
    '"\\u005b" = 1\n' + ROUTINE,
    ROUTINE + '[runwalk]\nrun = "1m"\nwalk = "1m"\nrepeats = 1\n"\\u005b" = 1\n',
    'name = "Quick"\nsteps = [{ name = "Stand", duration = "2s", "\\u005b" = 1 }]\n',
], ids=["top-level", "runwalk", "inline-table"])
def test_an_unknown_key_holding_a_bracket_is_reported(warmup: Warmup, work: Path,
                                                       text: str) -> None:
    (work / "odd.toml").write_text(text, encoding="utf-8")
    result = warmup("validate", "odd.toml", timeout=TIMEOUT)
    one_line_about(result, "odd.toml", "unknown key")


def test_an_unknown_bracket_key_in_the_settings_is_reported_and_the_run_goes_on(
        warmup: Warmup, work: Path, isolated_home: Path) -> None:
    config_file(isolated_home).parent.mkdir(parents=True)
    config_file(isolated_home).write_text('[sound]\n"\\u005b" = 1\n', encoding="utf-8")
    (work / "quick.toml").write_text(ROUTINE, encoding="utf-8")
    result = warmup("run", "quick.toml", "--plain", "--speed", "1000", "--mute",
                    timeout=TIMEOUT)
    one_line_about(result, "config.toml", "config.toml:2: sound.[: unknown key", code=0)


def test_a_dotted_key_in_the_settings_is_reported_on_its_line(
        warmup: Warmup, work: Path, isolated_home: Path) -> None:
    config_file(isolated_home).parent.mkdir(parents=True)
    config_file(isolated_home).write_text('# mine\nsound.volume = 5\n', encoding="utf-8")
    (work / "quick.toml").write_text(ROUTINE, encoding="utf-8")
    result = warmup("run", "quick.toml", "--plain", "--speed", "1000", "--mute",
                    timeout=TIMEOUT)
    one_line_about(result, "config.toml", "config.toml:2: sound.volume: expected 0 to 1",
                   code=0)
