"""``warmup new NAME --from pre-run`` offers to make the copy Today's warmup: ``--today``
says yes, a terminal is asked (a real pty), a pipe never is; the settings file keeps the
user's other lines and comments."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import warmup_env

Warmup = Callable[..., subprocess.CompletedProcess[str]]
FAST = ("--json", "--speed", "1000", "--mute", "--no-voice")
MINE = ("# my settings\n[sound]\nmute = true   # the neighbours\n\n"
        "[training]\nweekly_goal = 3  # three is plenty\nwarmup = \"pre-run\"  # for now\n")


def _config(isolated_home: Path) -> Path:
    return isolated_home / ".config" / "warmup-tui" / "config.toml"


def _first_routine_of_today(warmup: Warmup) -> str:
    result = warmup("today", *FAST)
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout.splitlines()[0])["routine"])


def test_today_makes_the_copy_todays_warmup_keeping_the_users_lines(
        warmup: Warmup, isolated_home: Path) -> None:
    config = _config(isolated_home)
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(MINE)
    result = warmup("new", "my-warmup", "--from", "pre-run", "--no-edit", "--today")
    assert result.returncode == 0, result.stderr
    assert "Today's warmup is now my-warmup" in result.stdout
    assert config.read_text() == MINE.replace('warmup = "pre-run"  # for now',
                                              'warmup = "my-warmup"  # for now')
    assert _first_routine_of_today(warmup) == "my-warmup"


def test_with_no_settings_file_the_commented_defaults_get_the_line(
        warmup: Warmup, isolated_home: Path) -> None:
    result = warmup("new", "my-warmup", "--from", "pre-run", "--no-edit", "--today")
    assert result.returncode == 0, result.stderr
    text = _config(isolated_home).read_text()
    assert 'warmup = "my-warmup"' in text and "[sound]" in text and "# warmup-tui settings" in text
    assert _first_routine_of_today(warmup) == "my-warmup"


def test_without_a_terminal_nothing_is_asked_or_changed(
        warmup: Warmup, isolated_home: Path) -> None:
    result = warmup("new", "my-warmup", "--from", "pre-run", "--no-edit")
    assert result.returncode == 0, result.stderr
    assert "Today's warmup" not in result.stdout
    assert _first_routine_of_today(warmup) == "pre-run"


def _new_on_a_terminal(work: Path, answer: bytes) -> str:
    main, side = os.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "warmup_tui", "new", "my-warmup", "--from", "pre-run",
         "--no-edit"], stdin=side, stdout=side, stderr=side, cwd=work, env=warmup_env())
    os.close(side)
    seen = b""
    try:
        while b"[y/N]" not in seen:
            chunk = os.read(main, 1024)
            assert chunk, seen
            seen += chunk
        os.write(main, answer)
        child.wait(timeout=60)
        try:
            while chunk := os.read(main, 1024):
                seen += chunk
        except OSError:  # the other end closed
            pass
    finally:
        if child.poll() is None:
            child.kill()
        os.close(main)
    return seen.decode()


def test_a_terminal_is_asked_and_y_says_yes(
        warmup: Warmup, work: Path, isolated_home: Path) -> None:
    shown = _new_on_a_terminal(work, b"y\n")
    assert "Make my-warmup Today's warmup? [y/N]" in shown
    assert "Today's warmup is now my-warmup" in shown
    assert _first_routine_of_today(warmup) == "my-warmup"


def test_a_terminal_answering_enter_keeps_the_warmup(warmup: Warmup, work: Path) -> None:
    shown = _new_on_a_terminal(work, b"\n")
    assert "Today's warmup is now" not in shown
    assert _first_routine_of_today(warmup) == "pre-run"
