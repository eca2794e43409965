"""``[sound] wake``: a duration, off by default, bounded to 0-2 s; a bad one is reported
and the default kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmup_tui.common.config import DEFAULT_CONFIG, load_settings


def load(folder: Path, text: str) -> tuple[float, list[str]]:
    path = folder / "c.toml"
    path.write_text(text, encoding="utf-8")
    settings, problems = load_settings(path)
    return settings.sound.wake, [str(p).removeprefix(f"{path}:2: sound.wake: ")
                                 for p in problems]


def test_the_default_file_turns_it_off(tmp_path: Path) -> None:
    assert 'wake = "0s"' in DEFAULT_CONFIG
    assert load(tmp_path, DEFAULT_CONFIG) == (0.0, [])


@pytest.mark.parametrize(("written", "seconds"), [('"0.3s"', 0.3), ('"2s"', 2.0), ("0.5", 0.5),
                                                  ('"0s"', 0.0)])
def test_a_duration_in_bounds_is_taken(tmp_path: Path, written: str, seconds: float) -> None:
    assert load(tmp_path, f"[sound]\nwake = {written}\n") == (seconds, [])


@pytest.mark.parametrize(("written", "problem"), [
    ('"3s"', 'expected 0s to 2s, got "3s"; using 0s'),
    ("-1", "expected 0s to 2s, got -1; using 0s"),
    ('"soon"', '"soon" is not a duration; write it like "30s", "1m30s", "2m" or "1h"; '
               "using 0s"),
    ("true", "expected a duration such as \"30s\", \"1m30s\" or a number of seconds; "
             "using 0s"),
])
def test_a_bad_one_is_reported_and_left_off(tmp_path: Path, written: str, problem: str) -> None:
    assert load(tmp_path, f"[sound]\nwake = {written}\n") == (0.0, [problem])
