"""Files that are not what they seem, through the real ``warmup`` command: a pipe, a device,
a huge file, keys the line finder once went round on, nesting thousands deep, names too
long for the file system. Each gets one line naming the file and exit 2, or a warning and
the defaults for the settings file; never a hang (every run has a timeout), never a
traceback."""

from __future__ import annotations

import os
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


def fifo(folder: Path, name: str = "pipe.toml") -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def endless(folder: Path, name: str = "zero.toml") -> Path:
    path = folder / name
    path.symlink_to("/dev/zero")
    return path


def huge(folder: Path, name: str = "huge.toml") -> Path:
    path = folder / name
    path.write_text("# padding\n" * 200_000, encoding="utf-8")  # 2 MB
    return path


@pytest.mark.parametrize(("make", "words"), [
    (fifo, "is not a regular file, so not a routine file"),
    (endless, "is not a regular file, so not a routine file"),
    (huge, "is over 1 MB; that is not a routine file"),
], ids=["fifo", "dev-zero-link", "2MB"])
@pytest.mark.parametrize("command", ["validate", "show", "run"])
def test_only_a_regular_file_under_the_limit_is_read_as_a_routine(
        warmup: Warmup, work: Path, make: object, words: str, command: str) -> None:
    path: Path = make(work)  # type: ignore[operator]
    extra = ("--plain", "--speed", "1000", "--mute") if command == "run" else ()
    result = warmup(command, path.name, *extra, timeout=TIMEOUT)
    one_line_about(result, path.name, words)


def test_a_programme_that_is_a_pipe_is_refused_by_use(warmup: Warmup, work: Path) -> None:
    fifo(work)
    result = warmup("program", "--use", "pipe.toml", timeout=TIMEOUT)
    one_line_about(result, "pipe.toml", "is not a regular file, so not a programme file")


def test_a_programme_setting_naming_a_device_is_refused_by_today(
        warmup: Warmup, work: Path, isolated_home: Path) -> None:
    zero = endless(work)
    config_file(isolated_home).parent.mkdir(parents=True)
    config_file(isolated_home).write_text(f'[training]\nprogramme = "{zero}"\n',
                                          encoding="utf-8")
    result = warmup("today", "--plain", "--speed", "1000", "--mute", timeout=TIMEOUT)
    assert result.returncode == 2, result.stderr
    assert "is not a regular file, so not a programme file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("make", "words"), [
    (fifo, "is not a regular file, so not a settings file; using default settings"),
    (endless, "is not a regular file, so not a settings file; using default settings"),
    (huge, "is over 1 MB; that is not a settings file; using default settings"),
], ids=["fifo", "dev-zero-link", "2MB"])
def test_a_settings_file_that_is_not_a_regular_file_gives_the_defaults(
        warmup: Warmup, work: Path, isolated_home: Path, make: object, words: str) -> None:
    folder = config_file(isolated_home).parent
    folder.mkdir(parents=True)
    make(folder, "config.toml")  # type: ignore[operator]
    (work / "quick.toml").write_text(ROUTINE, encoding="utf-8")
    result = warmup("run", "quick.toml", "--plain", "--speed", "1000", "--mute",
                    timeout=TIMEOUT)
    one_line_about(result, "config.toml", words, code=0)


DEEP = "[" * 2000 + "]" * 2000
DEEP_TABLES = "{ a = " * 2000 + "1" + " }" * 2000


def test_nesting_thousands_deep_is_one_line_for_routines_programmes_and_settings(
        warmup: Warmup, work: Path, isolated_home: Path) -> None:
    (work / "deep.toml").write_text(f"{ROUTINE}cues = {DEEP}\n", encoding="utf-8")
    one_line_about(warmup("validate", "deep.toml", timeout=TIMEOUT), "deep.toml",
                   "nested too deeply")
    one_line_about(warmup("program", "--use", "deep.toml", timeout=TIMEOUT), "deep.toml",
                   "nested too deeply")
    (work / "tables.toml").write_text(f"{ROUTINE}cues = {DEEP_TABLES}\n", encoding="utf-8")
    one_line_about(warmup("run", "tables.toml", "--plain", timeout=TIMEOUT), "tables.toml",
                   "nested too deeply")
    config_file(isolated_home).parent.mkdir(parents=True)
    config_file(isolated_home).write_text(f"[sound]\nvolume = {DEEP}\n", encoding="utf-8")
    (work / "quick.toml").write_text(ROUTINE, encoding="utf-8")
    result = warmup("run", "quick.toml", "--plain", "--speed", "1000", "--mute",
                    timeout=TIMEOUT)
    one_line_about(result, "config.toml", "nested too deeply", code=0)


def test_a_then_longer_than_a_file_name_is_an_unknown_routine(warmup: Warmup,
                                                               work: Path) -> None:
    (work / "long.toml").write_text(f'then = "{"x" * 300}"\n{ROUTINE}', encoding="utf-8")
    for command in (("validate",), ("show",), ("run", "--plain", "--speed", "1000")):
        result = warmup(*command[:1], "long.toml", *command[1:], timeout=TIMEOUT)
        one_line_about(result, "long.toml", "which is not a known routine")
        # The message quotes the start of the name, not all of it (a file may hold 100 kB).
        assert '"' + "x" * 40 + '..."' in result.stderr and "x" * 41 not in result.stderr


def test_a_path_argument_longer_than_a_file_name_is_one_line(warmup: Warmup) -> None:
    name = "x" * 5000 + ".toml"
    for command in (("validate", name), ("show", name), ("program", "--use", name)):
        result = warmup(*command, timeout=TIMEOUT)
        one_line_about(result, "xxxx", "cannot be read: File name too long")


@pytest.mark.parametrize("target", ["missing/config.toml", "config.toml"],
                         ids=["dangling", "looping"])
def test_a_settings_link_is_never_replaced(warmup: Warmup, work: Path,
                                           isolated_home: Path, target: str) -> None:
    link = config_file(isolated_home)
    link.parent.mkdir(parents=True)
    link.symlink_to(link.parent / target)  # "config.toml" points at itself: a loop
    (work / "quick.toml").write_text(ROUTINE, encoding="utf-8")
    result = warmup("run", "quick.toml", "--plain", "--speed", "1000", "--mute",
                    timeout=TIMEOUT)
    assert link.is_symlink() and os.readlink(link) == str(link.parent / target)
    one_line_about(result, "config.toml", "using default settings", code=0)


@pytest.mark.parametrize("name", ["couch", "x" * 300], ids=["unknown", "300-characters"])
def test_a_programme_setting_naming_no_programme_falls_back_to_the_bundled_one(
        warmup: Warmup, isolated_home: Path, name: str) -> None:
    config_file(isolated_home).parent.mkdir(parents=True)
    config_file(isolated_home).write_text(f'[training]\nprogramme = "{name}"\n',
                                          encoding="utf-8")
    result = warmup("today", "--plain", "--speed", "1000", "--mute", timeout=TIMEOUT)
    one_line_about(result, "config.toml", "following build-to-30 instead", code=0)
    assert "training.programme: no programme named" in result.stderr
    assert "Next: week 1, session 1" in result.stdout, result.stdout
    shown = warmup("program", timeout=TIMEOUT)  # the plan says so too, not only today
    one_line_about(shown, "config.toml", "following build-to-30 instead", code=0)


def test_a_programme_state_file_that_is_a_pipe_is_ignored_with_one_line(
        warmup: Warmup, isolated_home: Path) -> None:
    folder = isolated_home / ".local" / "share" / "warmup-tui"
    folder.mkdir(parents=True)
    fifo(folder, "programme.json")
    result = warmup("today", "--plain", "--speed", "1000", "--mute", timeout=TIMEOUT)
    one_line_about(result, "programme.json", "is not a regular file", code=0)
    assert "Next: week 1, session 1" in result.stdout, result.stdout


def test_a_key_holding_an_escape_sequence_is_shown_not_sent(warmup: Warmup,
                                                            work: Path) -> None:
    (work / "esc.toml").write_text('"\\u001b[2J" = 1\n' + ROUTINE, encoding="utf-8")
    result = warmup("validate", "esc.toml", timeout=TIMEOUT)
    one_line_about(result, "esc.toml", "esc.toml:1: \\x1b[2J: unknown key")
    assert "\x1b" not in result.stderr


def test_odd_entries_in_the_routines_folder_are_listed_with_what_is_wrong(
        warmup: Warmup, isolated_home: Path) -> None:
    folder = config_file(isolated_home).parent / "routines"
    folder.mkdir(parents=True)
    fifo(folder, "pipe.toml")
    (folder / "loop1.toml").symlink_to(folder / "loop2.toml")
    (folder / "loop2.toml").symlink_to(folder / "loop1.toml")
    (folder / "folder.toml").mkdir()
    (folder / "zero.toml").symlink_to("/dev/zero")
    listed = warmup("list", timeout=TIMEOUT)
    assert listed.returncode == 0, listed.stderr
    # Each is listed under its name with its problem, never silently left out.
    for name, words in (("pipe", "not a regular file"), ("loop1", "cannot be read"),
                        ("folder", "is a folder"), ("zero", "not a regular file")):
        [line] = [line for line in listed.stdout.splitlines() if line.startswith(name + " ")]
        assert words in line, listed.stdout
        one_line_about(warmup("show", name, timeout=TIMEOUT), f"{name}.toml", words)
    assert warmup("run", "pre-run", "--plain", "--speed", "1000", "--mute",
                  timeout=TIMEOUT).returncode == 0
