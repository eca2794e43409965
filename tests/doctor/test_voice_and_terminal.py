"""Which engine speaks, whatever the settings say, and how the terminal's colours are read."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from warmup_tui.common.config import VoiceSettings
from warmup_tui.runs.doctor import voice_check
from warmup_tui.runs.doctor.terminal_check import colour_support
from warmup_tui.runs.doctor.voice_check import check_voice, engine_in_use

FOUND = {"espeak-ng": "/usr/bin/espeak-ng", "piper": "/opt/piper/bin/piper"}


@pytest.mark.parametrize(("setting", "found", "expected"), [
    ("auto", FOUND, "piper"),
    ("auto", {"espeak": "/usr/bin/espeak"}, "espeak"),
    ("auto", {}, None),
    ("espeak-ng", FOUND, "espeak-ng"),
    ("piper", {"espeak-ng": "/usr/bin/espeak-ng"}, None),
    ("none", FOUND, None),
])
def test_the_engine_in_use(setting: str, found: dict[str, str], expected: str | None) -> None:
    assert engine_in_use(setting, found) == expected


@dataclass(frozen=True)
class VoiceWithEngine(VoiceSettings):
    """The settings as they are once ``[voice] engine`` exists."""

    engine: str = "auto"


def test_an_engine_setting_that_is_not_installed_is_reported(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voice_check, "installed_engines",
                        lambda: {"espeak-ng": "/usr/bin/espeak-ng"})
    finding = check_voice(VoiceWithEngine(engine="piper"))
    assert not finding.ok and finding.data["engine"] is None
    assert finding.lines == ('[voice] engine = "piper", but piper is not installed, so cues '
                             "are tones alone. Engines found: espeak-ng",)


def test_no_engine_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voice_check, "installed_engines", dict)
    finding = check_voice(VoiceSettings())
    assert not finding.ok and finding.data == {
        "engine": None, "setting": "auto", "enabled": True, "available": [], "paths": {},
        "voice": "en", "rate": 165}
    assert "apt-get install espeak-ng" in finding.lines[0]


def test_a_voice_turned_off_is_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voice_check, "installed_engines", lambda: dict(FOUND))
    finding = check_voice(VoiceSettings(enabled=False))
    assert finding.ok and finding.data["engine"] is None
    assert finding.data["available"] == ["espeak-ng", "piper"]


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
