"""The user's config file: bad syntax or bad values give one line each, with the line number,
and the app carries on with defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmup_tui.common.config import DEFAULT_CONFIG, Settings, config_path, load_settings


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run inside tmp_path so problems name the file as ``c.toml``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def load(folder: Path, text: str) -> tuple[Settings, list[str]]:
    path = folder / "c.toml"
    path.write_text(text, encoding="utf-8")
    settings, problems = load_settings(Path("c.toml"))
    return settings, [str(p) for p in problems]


def test_missing_file_is_created_with_the_commented_defaults() -> None:
    settings, problems = load_settings()
    assert (settings, problems) == (Settings(), [])
    assert config_path().read_text(encoding="utf-8") == DEFAULT_CONFIG
    assert load_settings() == (Settings(), [])


def test_syntax_error_names_the_line_and_falls_back_to_defaults(in_tmp: Path) -> None:
    settings, problems = load(in_tmp, "[sound]\nvolume = 0.5\nmute = \n")
    assert settings == Settings()
    assert problems == ["c.toml:3: not valid TOML: Invalid value; using default settings"]


def test_syntax_error_on_a_later_line_reports_that_line(in_tmp: Path) -> None:
    text = "[sound]\nvolume = 0.5\n\n[voice]\nrate = 150\nrate = 160\n"
    _, problems = load(in_tmp, text)
    assert len(problems) == 1
    assert problems[0].startswith("c.toml:6: not valid TOML: ")


def test_bad_values_name_their_lines_and_good_values_still_apply(in_tmp: Path) -> None:
    text = (
        "# comment\n"
        "[sound]\n"
        "volume = 3\n"            # line 3: out of range
        "mute = true\n"
        "\n"
        "[voice]\n"
        'rate = "fast"\n'         # line 7: not a number
        "[training]\n"
        "cadence = 180\n"
        "weekly_goal = 2.5\n"     # line 10: not whole
        "colour = 1\n"            # line 11: unknown
    )
    settings, problems = load(in_tmp, text)
    assert problems == [
        "c.toml:3: sound.volume: expected 0 to 1, got 3; using 0.8",
        "c.toml:7: voice.rate: expected a whole number, got \"fast\"; using 165",
        "c.toml:11: training.colour: unknown key; known keys: weekly_goal, cadence, programme,"
        " units, warmup, min_run_minutes, after_run",
        "c.toml:10: training.weekly_goal: expected a whole number, got 2.5; using 4",
    ]
    assert settings.sound.mute is True and settings.sound.volume == 0.8
    assert settings.training.cadence == 180 and settings.training.weekly_goal == 4


def test_units_are_km_or_mi(in_tmp: Path) -> None:
    settings, problems = load(in_tmp, '[training]\nunits = "mi"\n')
    assert settings.training.units == "mi" and problems == []
    settings, problems = load(in_tmp, '[training]\nunits = "furlongs"\n')
    assert problems == ["c.toml:2: training.units: expected 'km' or 'mi', got \"furlongs\";"
                        " using 'km'"]
    assert settings.training.units == "km"


def test_a_section_that_is_not_a_table_names_its_line(in_tmp: Path) -> None:
    settings, problems = load(in_tmp, 'sound = 1\n[voice]\nvoice = "en-gb"\n')
    assert problems == ["c.toml:1: sound: expected a [table]; using defaults for it"]
    assert settings.voice.voice == "en-gb" and settings.sound == Settings().sound


def test_byte_order_mark_is_accepted(in_tmp: Path) -> None:
    settings, problems = load(in_tmp, "\ufeff[training]\ncadence = 175\n")
    assert problems == []
    assert settings.training.cadence == 175


def test_file_that_is_not_utf8_is_one_line_and_defaults(in_tmp: Path) -> None:
    (in_tmp / "c.toml").write_bytes(b"[voice]\nvoice = \"\xff\"\n")
    settings, problems = load_settings(Path("c.toml"))
    assert settings == Settings()
    assert len(problems) == 1
    line = str(problems[0])
    assert line == "c.toml:2: is not UTF-8 text; save it as UTF-8; using default settings"



def test_the_voice_engine_is_one_of_the_known_ones(in_tmp: Path) -> None:
    settings, problems = load(in_tmp, '[voice]\nengine = "piper"\n')
    assert problems == [] and settings.voice.engine == "piper"
    assert Settings().voice.engine == "auto"
    settings, problems = load(in_tmp, '[voice]\nengine = "festival"\n')
    assert settings.voice.engine == "auto"
    assert problems == ['c.toml:2: voice.engine: expected one of auto, piper, espeak, say, '
                        "none, got \"festival\"; using 'auto'"]
