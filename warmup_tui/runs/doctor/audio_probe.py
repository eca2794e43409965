"""The sound check itself, run as its own process by :mod:`.audio_check`:
``python -m warmup_tui.runs.doctor.audio_probe [--play ...]`` prints one JSON object.

Its own process, because a sound device can hang an open or a drain in C code, where no
thread can be stopped; a process can be killed. It opens a stream the way the app's player
does (same library, same stream role), and with ``--play`` plays a cue and a phrase through
the app's own player.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from warmup_tui.audio.alsa import mark_streams_as_events, silence_alsa
from warmup_tui.audio.clip import scale
from warmup_tui.audio.player import Player
from warmup_tui.audio.speech_engine import Engine, find_engine, render
from warmup_tui.audio.speech_pcm import load_for_player
from warmup_tui.audio.synth import RATE

TEST_CUE = "go"
TEST_PHRASE = "This is your coach. Glute bridge, 30 seconds."
PLAY_WAIT = 10.0  # seconds a test sound may take to play out
SPEAKS_HERE = ("piper", "espeak-ng", "espeak", "say")  # engines this probe can render with
_SND_PCM_STREAM_PLAYBACK, _SND_PCM_NONBLOCK = 0, 1


def default_device() -> dict[str, Any]:
    """What ALSA's default playback device is: its kind ("HW", "IOPLUG", "FILE", ...), or
    why it does not open. Opened without blocking, and closed at once."""
    try:
        lib = ctypes.CDLL("libasound.so.2")
    except OSError:
        return {"name": "default", "kind": None, "error": "libasound is not installed"}
    lib.snd_strerror.restype = ctypes.c_char_p
    lib.snd_pcm_type_name.restype = ctypes.c_char_p
    pcm = ctypes.c_void_p()
    err = lib.snd_pcm_open(ctypes.byref(pcm), b"default", _SND_PCM_STREAM_PLAYBACK,
                           _SND_PCM_NONBLOCK)
    if err < 0:
        return {"name": "default", "kind": None,
                "error": lib.snd_strerror(err).decode(errors="replace")}
    try:
        kind = lib.snd_pcm_type_name(lib.snd_pcm_type(pcm))
    finally:
        lib.snd_pcm_close(pcm)
    return {"name": "default", "kind": kind.decode() if kind else None, "error": None}


def open_stream() -> tuple[bool, str | None]:
    """Open, play and close a moment of silence the way the player does; (ok, why not)."""
    try:
        simpleaudio = importlib.import_module("simpleaudio")
    except Exception as error:  # ImportError, or a broken build failing to load
        return False, f"the audio library (simpleaudio) is not available: {error}"
    try:
        simpleaudio.play_buffer(bytes(RATE // 10), 1, 2, RATE).wait_done()  # 0.05 s
    except Exception as error:
        return False, str(error).split(" -- ")[0].strip().rstrip(".") or type(error).__name__
    return True, None


def play_tests(volume: float, engine: Engine | None, voice: str, rate: int) -> dict[str, Any]:
    """Play the test cue, then the test phrase, through the app's player; what happened."""
    notices: list[str] = []
    player = Player(volume=volume, on_notice=notices.append)
    player.play(TEST_CUE)
    player.wait_idle(PLAY_WAIT)
    result: dict[str, Any] = {"cue": TEST_CUE, "phrase": None, "phrase_problem": None}
    if engine is None:
        result["phrase_problem"] = "no speech engine to say it with"
    elif engine.name not in SPEAKS_HERE:
        result["phrase_problem"] = f"the doctor cannot render with {engine.name} yet"
    else:
        result.update(_play_phrase(player, engine, voice, rate))
    result["notices"] = notices
    return result


def _play_phrase(player: Player, engine: Engine, voice: str, rate: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="warmup-doctor-") as folder:
        wav = Path(folder) / "phrase.wav"
        if not render(engine, TEST_PHRASE, voice, rate, wav):
            return {"phrase_problem": f"{engine.name} could not render the test phrase"}
        samples = scale(load_for_player(wav), player.volume)
    handle = player.play_samples(samples.tobytes())
    if handle is None:
        return {"phrase_problem": "the phrase's stream could not be opened"}
    end = time.monotonic() + PLAY_WAIT
    while handle.is_playing() and time.monotonic() < end:
        time.sleep(0.02)
    return {"phrase": TEST_PHRASE}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="audio_probe")
    parser.add_argument("--play", action="store_true")
    parser.add_argument("--volume", type=float, default=0.8)
    parser.add_argument("--engine", nargs=2, metavar=("NAME", "PATH"))
    parser.add_argument("--voice", default="en")
    parser.add_argument("--rate", type=int, default=165)
    args = parser.parse_args(argv)
    silence_alsa()
    mark_streams_as_events()
    report: dict[str, Any] = {"device": default_device()}
    report["stream"], report["reason"] = open_stream()
    if args.play and report["stream"]:
        engine = _engine(args.engine)
        report["played"] = play_tests(args.volume, engine, args.voice, args.rate)
    print(json.dumps(report))
    return 0


def _engine(named: list[str] | None) -> Engine | None:
    """The engine the doctor found; Piper is looked up again, for its voice model."""
    if not named:
        return None
    name, path = named
    return find_engine("piper") if name == "piper" else Engine(name, path)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
