"""Which engine speaks, whatever the settings say, and how the terminal's colours are read."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmup_tui.common.config import VoiceSettings
from warmup_tui.runs.doctor.terminal_check import colour_support
from warmup_tui.runs.doctor.voice_check import check_voice, engine_in_use

# The tests run with WARMUP_PIPER="" (tests/conftest.py): Piper is never used, whether or
# not the voice extra is installed; espeak-ng is installed by the test set-up.


@pytest.mark.parametrize(("setting", "expected"), [
    ("auto", "espeak-ng"),
    ("espeak", "espeak-ng"),
    ("piper", "espeak-ng"),  # not installed here: the app speaks with auto's choice
    ("none", None),
])
def test_the_engine_in_use_is_the_apps_own_choice(setting: str, expected: str | None) -> None:
    assert engine_in_use(setting) == expected


def test_an_engine_setting_that_is_not_installed_is_reported() -> None:
    finding = check_voice(VoiceSettings(engine="piper"))
    assert not finding.ok and finding.data["engine"] == "espeak-ng"
    assert finding.lines[1].startswith('[voice] engine = "piper" is not installed, so '
                                       "espeak-ng speaks instead (")


def test_no_engine_says_what_to_install(monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine with no speech program at all
    finding = check_voice(VoiceSettings())
    assert not finding.ok and finding.data == {
        "engine": None, "setting": "auto", "enabled": True, "available": [], "paths": {},
        "voice": "en", "rate": 165}
    assert "apt-get install espeak-ng" in finding.lines[0]


def test_a_voice_turned_off_is_fine() -> None:
    finding = check_voice(VoiceSettings(enabled=False))
    assert finding.ok and finding.data["engine"] is None
    assert "espeak-ng" in finding.data["available"]


@pytest.mark.parametrize(("env", "expected"), [
    ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "truecolor"),
    ({"TERM": "xterm-256color"}, "256"),
    ({"TERM": "xterm"}, "16"),
    ({"TERM": "dumb"}, "none"),
    ({}, "none"),
    ({"TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"}, "none"),
    ({"TERM": "xterm-256color", "NO_COLOR": ""}, "256"),  # an empty NO_COLOR is not set
])
def test_colours(env: dict[str, str], expected: str) -> None:
    assert colour_support(env) == expected
