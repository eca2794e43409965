"""Piper, the optional neural voice, run as a program of its own: through real simpleaudio
into the ALSA file capture, each phrase whole after its tone, all of a routine's phrases
from one Piper process, and none at all once they are cached."""

from __future__ import annotations

import os
import sysconfig
from array import array
from pathlib import Path

import pytest

from tests.audio.conftest import Capture, identify
from tests.voice.test_headless_voice import MINI, MINI_HEARD, MINI_PHRASES, run, tone_length, write
from warmup_tui.audio.phrase_fit import start_slots
from warmup_tui.audio.piper_engine import bundled_model
from warmup_tui.audio.speech_cache import SpeechCache
from warmup_tui.audio.speech_engine import Engine, find_engine
from warmup_tui.common.config import SoundSettings
from warmup_tui.engine.timeline import build_timeline
from warmup_tui.routines.files import parse_routine

PIPER = Path(sysconfig.get_path("scripts")) / "piper"
needs_piper = pytest.mark.skipif(
    not PIPER.is_file() or bundled_model() is None,
    reason="Piper is not installed (pip install -e '.[voice]'; setup.sh test does it)")
MAX_LEAD_SAMPLES = round(0.6 * 44100)


def logged_piper(folder: Path) -> tuple[Path, Path]:
    """A ``piper`` that logs each start and its stdin lines, then runs the real one."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "starts.log"
    script = folder / "piper"
    script.write_text(f'#!/bin/sh\necho start >> "{log}"\nexec "{PIPER}" "$@"\n')
    script.chmod(0o755)
    return script, log


@needs_piper
def test_auto_picks_piper_when_installed_and_espeak_when_asked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARMUP_PIPER", str(PIPER))
    found = find_engine("auto")
    assert found is not None and found.name == "piper" and found.model == bundled_model()
    assert find_engine("piper") == found
    espeak = find_engine("espeak")
    assert espeak is None or espeak.name.startswith("espeak")
    assert find_engine("none") is None
    monkeypatch.setenv("WARMUP_PIPER", "")
    assert find_engine("piper") is None


@needs_piper
def test_phrases_are_whole_after_their_tones_and_rendered_by_one_process_then_cached(
        capture: Capture, tmp_path: Path, isolated_home: Path) -> None:
    script, log = logged_piper(tmp_path / "bin")
    env = {**capture.env, "WARMUP_PIPER": str(script)}
    routine = write(tmp_path, MINI)
    result = run(routine, env, speed="2")
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines() == ["start"]  # one process for every phrase
    # Heard from the cache, so a busy machine cannot make a phrase late: the second run.
    for path in capture.folder.glob("capture.raw*"):
        path.unlink()
    again = run(routine, env, speed="2")
    assert again.returncode == 0, again.stderr
    assert log.read_text().splitlines() == ["start"]  # the second run starts no engine
    cache = SpeechCache(Engine("piper", str(script), bundled_model() or ""), "en", 165)
    names = identify(capture.files(), 0.8)
    want = [name for item in MINI_HEARD
            for name in ([item] if isinstance(item, str) else [item[0], "speech"])]
    assert ["speech" if n.startswith("<unknown") else n for n in names] == want
    spoken = [item for item in MINI_HEARD if isinstance(item, tuple)]
    speech = [data for data, n in zip(capture.files(), names, strict=True)
              if n.startswith("<unknown")]
    # Piper speaks more slowly than espeak-ng: a start may say a shorter form.
    segments = build_timeline(parse_routine(MINI, "mini.toml"))
    forms = {slot.forms[0]: slot.forms
             for slot in start_slots(segments, SoundSettings(), {}).values()}
    for data, (tone, text) in zip(speech, spoken, strict=True):
        samples = array("h", data)
        lead = min(tone_length(tone), MAX_LEAD_SAMPLES)
        assert not any(samples[:lead]), text
        heard = [form for form in forms.get(text, (text,))
                 if cache.cached(form) is not None
                 and samples[lead:].tolist() == [round(v * 0.8) for v in cache.cached(form)]]
        # Silence while the tone sounds, then every sample Piper made, at the volume.
        assert len(heard) == 1, text
        assert max(abs(v) for v in samples) > 4000, text
    assert {cache.path_for(text).name for text in MINI_PHRASES} <= {
        p.name for p in (isolated_home / ".cache/warmup-tui/speech").iterdir()}


@needs_piper
def test_a_phrase_piper_fails_on_does_not_silence_the_others(tmp_path: Path) -> None:
    cache = SpeechCache(Engine("piper", str(PIPER), bundled_model() or ""), "en", 165,
                        tmp_path / "speech")
    texts = ["Glute bridge, 30 seconds", "   ", "Walk for 90 seconds"]
    got = dict(cache.get_many(texts))
    assert got["   "] is None
    assert got["Glute bridge, 30 seconds"] and got["Walk for 90 seconds"]
    assert os.listdir(tmp_path / "speech") and not any(
        p.name.startswith(".") for p in (tmp_path / "speech").iterdir())
