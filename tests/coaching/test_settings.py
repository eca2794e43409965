"""The [coaching] table of the settings file: documented defaults, limits read, bad values
reported in one line each with their default used."""

from __future__ import annotations

from pathlib import Path

from warmup_tui.common.config import DEFAULT_CONFIG, CoachingSettings, load_settings


def load(tmp_path: Path, text: str) -> tuple[CoachingSettings, list[str]]:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    settings, problems = load_settings(path)
    return settings.coaching, [str(p).split("c.toml:", 1)[1] for p in problems]


def test_the_written_defaults_are_the_coaching_defaults_and_name_their_source(
        tmp_path: Path) -> None:
    assert load(tmp_path, DEFAULT_CONFIG) == (CoachingSettings(), [])
    table = DEFAULT_CONFIG.split("[coaching]")[1]
    assert "Silbernagel et al. 2007" in table
    for key in CoachingSettings.__dataclass_fields__:
        assert f"\n{key} = " in table


def test_limits_are_read_from_the_file(tmp_path: Path) -> None:
    coaching, problems = load(tmp_path, "[coaching]\nhold_up_to = 4\nrest_days = 3\n")
    assert problems == []
    assert coaching == CoachingSettings(hold_up_to=4, rest_days=3)


def test_bad_values_are_reported_and_their_defaults_used(tmp_path: Path) -> None:
    text = ("[coaching]\nprogress_up_to = 11\nhold_up_to = 4.5\nrising_runs = 1\n"
            "rest_days = 8\ncalm = true\n")
    coaching, problems = load(tmp_path, text)
    assert coaching == CoachingSettings()
    assert problems == [
        "6: coaching.calm: unknown key; known keys: progress_up_to, hold_up_to, "
        "morning_up_to, rising_runs, rest_days",
        "2: coaching.progress_up_to: expected 0 to 10, got 11; using 2",
        "3: coaching.hold_up_to: expected a whole number, got 4.5; using 5",
        "4: coaching.rising_runs: expected 2 to 10, got 1; using 3",
        "5: coaching.rest_days: expected 0 to 7, got 8; using 2",
    ]
