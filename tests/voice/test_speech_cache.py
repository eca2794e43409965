"""The phrase cache: rendered once, found again, keyed by everything that changes the sound."""

from __future__ import annotations

import wave
from array import array
from pathlib import Path

from tests.voice.conftest import ESPEAK, LoggedEngine
from warmup_tui.audio.speech_cache import SpeechCache, speech_dir
from warmup_tui.audio.speech_engine import Engine
from warmup_tui.common import paths


def engine_of(logged: LoggedEngine) -> Engine:
    return Engine("espeak-ng", str(logged.path))


def espeak_frames(text: str, tmp_path: Path) -> int:
    """How many 22.05 kHz frames espeak-ng itself makes of ``text`` (run here directly)."""
    assert ESPEAK is not None
    import subprocess

    out = tmp_path / "direct.wav"
    subprocess.run([ESPEAK, "-v", "en", "-s", "165", "-w", str(out), "--", text],
                   check=True, timeout=20)
    with wave.open(str(out), "rb") as reader:
        assert reader.getframerate() == 22050
        return reader.getnframes()


def test_rendered_once_then_read_from_disk(logged_engine: LoggedEngine, tmp_path: Path) -> None:
    cache = SpeechCache(engine_of(logged_engine), "en", 165)
    assert cache.folder == paths.cache_dir() / "speech" == speech_dir()
    first = cache.get("Glute bridge, 30 seconds")
    assert first is not None
    assert len(logged_engine.calls()) == 1
    assert "|--|Glute bridge, 30 seconds|" in logged_engine.calls()[0]
    # Stored at the player's rate: twice espeak-ng's own frame count.
    assert len(first) == 2 * espeak_frames("Glute bridge, 30 seconds", tmp_path)
    assert max(abs(v) for v in first) > 3000

    again = SpeechCache(engine_of(logged_engine), "en", 165).get("Glute bridge, 30 seconds")
    assert again == first
    assert len(logged_engine.calls()) == 1  # no second engine start
    # Only the finished file is left: the engine's own output and the temporary are gone.
    assert [p.suffix for p in cache.folder.iterdir()] == [".wav"]
    assert not [p for p in cache.folder.iterdir() if p.name.startswith(".")]


def test_the_key_covers_text_voice_rate_and_engine(logged_engine: LoggedEngine) -> None:
    base = SpeechCache(engine_of(logged_engine), "en", 165)
    others = [SpeechCache(engine_of(logged_engine), "en-us", 165),
              SpeechCache(engine_of(logged_engine), "en", 200),
              SpeechCache(Engine("espeak", str(logged_engine.path)), "en", 165)]
    paths_seen = {base.path_for("Walk"), base.path_for("Walk."),
                  *(cache.path_for("Walk") for cache in others)}
    assert len(paths_seen) == 5
    assert base.path_for("Walk") == SpeechCache(engine_of(logged_engine), "en", 165).path_for(
        "Walk")


def test_a_damaged_file_is_rendered_again(logged_engine: LoggedEngine) -> None:
    cache = SpeechCache(engine_of(logged_engine), "en", 165)
    good = cache.get("Rest, 10 seconds")
    assert good is not None
    cache.path_for("Rest, 10 seconds").write_bytes(b"RIFF\x00\x00not a wave")
    assert cache.cached("Rest, 10 seconds") is None
    assert cache.get("Rest, 10 seconds") == good
    assert len(logged_engine.calls()) == 2


def test_a_file_of_the_wrong_shape_is_not_trusted(logged_engine: LoggedEngine) -> None:
    cache = SpeechCache(engine_of(logged_engine), "en", 165)
    cache.folder.mkdir(parents=True)
    with wave.open(str(cache.path_for("Walk")), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(22050)  # not the player's rate: written by something else
        writer.writeframes(array("h", [5] * 100).tobytes())
    assert cache.cached("Walk") is None


def test_failures_give_none_and_leave_nothing(logged_engine: LoggedEngine,
                                              tmp_path: Path) -> None:
    bad_voice = SpeechCache(engine_of(logged_engine), "nosuchvoice", 165)
    assert bad_voice.get("Walk") is None
    assert list(bad_voice.folder.iterdir()) == []
    # A cache folder that cannot be created (a file is in the way) is no error either.
    blocked = tmp_path / "blocked"
    blocked.write_text("a file")
    assert SpeechCache(engine_of(logged_engine), "en", 165, blocked / "speech").get("Walk") is None

