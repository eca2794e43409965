"""A voice name the real espeak-ng does not know: said once, and the default voice speaks
instead of nothing at all."""

from __future__ import annotations

from tests.voice.conftest import ESPEAK, needs_espeak
from tests.voice.test_voice_sink import Recorder
from warmup_tui.audio.speech_engine import Engine
from warmup_tui.audio.voice import make_voice
from warmup_tui.common.config import VoiceSettings


@needs_espeak
def test_an_unknown_voice_is_told_once_and_the_default_speaks() -> None:
    told: list[str] = []
    voice = make_voice(Recorder(), VoiceSettings(voice="nosuch"), True,
                       engine=Engine("espeak-ng", str(ESPEAK)), notice=told.append)
    assert voice is not None
    assert told == ['voice "nosuch" is not one espeak-ng knows; '
                    "using its default voice"]
    assert voice.cache.voice == "en"
    assert voice.cache.get("Ready") is not None


@needs_espeak
def test_a_known_voice_is_kept_without_a_word() -> None:
    told: list[str] = []
    voice = make_voice(Recorder(), VoiceSettings(voice="en-us"), True,
                       engine=Engine("espeak-ng", str(ESPEAK)), notice=told.append)
    assert voice is not None and voice.cache.voice == "en-us"
    assert told == []
