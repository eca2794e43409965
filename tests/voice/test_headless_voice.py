"""Headless runs with speech, through real simpleaudio into the ALSA file capture.

Every stream opened lands in a file of its own, in order, so a boundary shows as its tone's
file followed by the words' file. Expected phrase lengths come from running espeak-ng
here directly; the tones are told apart by their exact bytes (tests/audio).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from array import array
from pathlib import Path

from tests.audio.conftest import Capture, identify
from tests.voice.conftest import ESPEAK, LoggedEngine, needs_espeak
from warmup_tui.audio.synth import RATE

SOUNDS = Path(__file__).resolve().parents[2] / "sounds"
MAX_LEAD_SAMPLES = round(0.6 * RATE)

MINI = """\
format = 1
name = "Mini"
rest = "2s"
switch = "2s"

[[steps]]
name = "Side leg lift"
reps = 3
pace = "3s"
sides = ["left", "right"]

[runwalk]
run = "10s"
walk = "8s"
repeats = 2
"""

# Each boundary's tone and, after it, its words; pips and ticks have no words. Each
# segment is long enough for its whole phrase before its next sound (see phrase_fit).
PIPS = ["pip", "pip", "pip"]
MINI_HEARD: list[str | tuple[str, str]] = [
    ("go", "Side leg lift, left side, 3 reps"), "tick", "tick", *PIPS,
    ("switch", "Switch sides"),
    ("go", "Side leg lift, right side, 3 reps"), "tick", "tick", *PIPS,
    ("rest", "Rest, 2 seconds"),
    ("run", "Run for 10 seconds"), *PIPS,
    ("walk", "Walk for 8 seconds"), *PIPS,
    ("last", "Last interval. Run for 10 seconds"), *PIPS,
    ("walk", "Walk for 8 seconds"), *PIPS,
    ("finish", "Well done, session finished"),
]
MINI_TONES = [item if isinstance(item, str) else item[0] for item in MINI_HEARD]
MINI_PHRASES = {item[1] for item in MINI_HEARD if isinstance(item, tuple)}


def run(routine: Path, env: dict[str, str], *extra: str,
        speed: str = "4") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "warmup_tui", "run", str(routine), "--json", "--speed", speed,
         *extra], env=env, capture_output=True, text=True, timeout=90, cwd=routine.parent)


def with_path(env: dict[str, str], *folders: Path | str) -> dict[str, str]:
    return {**env, "PATH": os.pathsep.join(str(f) for f in folders)}


def write(tmp_path: Path, text: str, name: str = "mini") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text)
    return path


def espeak_samples(text: str, folder: Path) -> int:
    """Samples at 44.1 kHz that espeak-ng's own rendering of ``text`` comes to."""
    assert ESPEAK is not None
    out = folder / "direct.wav"
    subprocess.run([ESPEAK, "-v", "en", "-s", "165", "-w", str(out), "--", text],
                   check=True, timeout=20)
    with wave.open(str(out), "rb") as reader:
        return reader.getnframes() * RATE // reader.getframerate()


def tone_length(name: str) -> int:
    with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as reader:
        return reader.getnframes()


def check_heard(captured: list[bytes], heard: list[str | tuple[str, str]],
                folder: Path) -> list[bytes]:
    """Assert the capture holds ``heard`` in order; returns the speech streams."""
    names = identify(captured, 0.8)
    want = [item if isinstance(item, str) else [item[0], "speech"] for item in heard]
    flat = [name for item in want for name in ([item] if isinstance(item, str) else item)]
    got = ["speech" if name.startswith("<unknown") else name for name in names]
    assert got == flat
    speech = [data for data, name in zip(captured, got, strict=True) if name == "speech"]
    spoken = [item for item in heard if isinstance(item, tuple)]
    for data, (tone, text) in zip(speech, spoken, strict=True):
        samples = array("h", data)
        lead = min(tone_length(tone), MAX_LEAD_SAMPLES)
        # Silence while the tone sounds, then the words: exactly as long as espeak-ng's own.
        assert len(samples) == lead + espeak_samples(text, folder), text
        assert not any(samples[:lead]), text
        words = samples[lead:]
        assert max(abs(v) for v in words) > 5000, text
        loud = sum(1 for v in words if abs(v) > 500)
        assert loud > len(words) // 5, text  # speech throughout, not one blip
    return speech


def json_events(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


@needs_espeak
def test_each_boundary_is_the_tone_then_the_words_and_the_second_run_uses_the_cache(
        capture: Capture, tmp_path: Path, logged_engine: LoggedEngine,
        isolated_home: Path) -> None:
    env = with_path(capture.env, logged_engine.bin, os.environ["PATH"])
    routine = write(tmp_path, MINI)
    result = run(routine, env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert not any(e.get("late") for e in json_events(result.stdout))
    first = check_heard(capture.files(), MINI_HEARD, tmp_path)
    # One engine start per distinct phrase, each given the text after "--": the ones said,
    # and the shorter forms kept for a start whose words would run into its next sound.
    calls = logged_engine.calls()
    texts = [call.split("|--|")[1].rstrip("|") for call in calls]
    assert len(texts) == len(set(texts)) and set(texts) >= MINI_PHRASES
    assert set(texts) - MINI_PHRASES == {"Side leg lift, left side", "Side leg lift, right side",
                                         "Side leg lift", "Rest", "Run", "Last interval",
                                         "Walk"}
    cached = list((isolated_home / ".cache" / "warmup-tui" / "speech").iterdir())
    assert len(cached) == len(texts) and all(p.suffix == ".wav" for p in cached)

    for path in capture.folder.glob("capture.raw*"):
        path.unlink()
    again = run(routine, env)
    assert again.returncode == 0, again.stderr
    assert logged_engine.calls() == calls  # no engine process the second time
    assert check_heard(capture.files(), MINI_HEARD, tmp_path) == first


@needs_espeak
def test_without_an_engine_tones_only_and_not_a_word_about_it(capture: Capture,
                                                              tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    result = run(write(tmp_path, MINI), with_path(capture.env, empty), speed="8")
    assert result.returncode == 0
    assert result.stderr == ""
    assert identify(capture.files(), 0.8) == MINI_TONES


@needs_espeak
def test_voice_asked_for_but_no_engine_says_so_once(capture: Capture, tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    result = run(write(tmp_path, MINI), with_path(capture.env, empty), "--voice", speed="8")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "voice: no speech engine found (install espeak-ng); tones only"]
    assert identify(capture.files(), 0.8) == MINI_TONES


@needs_espeak
def test_no_voice_flag_setting_or_mute_starts_no_engine(capture: Capture, tmp_path: Path,
                                                        logged_engine: LoggedEngine,
                                                        isolated_home: Path) -> None:
    env = with_path(capture.env, logged_engine.bin, os.environ["PATH"])
    routine = write(tmp_path, MINI)
    assert run(routine, env, "--no-voice", speed="8").returncode == 0
    assert identify(capture.files(), 0.8) == MINI_TONES
    config = isolated_home / ".config" / "warmup-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[voice]\nenabled = false\n")
    for extra in ([], ["--mute"]):
        for path in capture.folder.glob("capture.raw*"):
            path.unlink()
        assert run(routine, env, *extra, speed="8").returncode == 0
        assert identify(capture.files(), 0.8) == ([] if extra else MINI_TONES)
    assert logged_engine.calls() == []
    # --voice outranks the setting.
    for path in capture.folder.glob("capture.raw*"):
        path.unlink()
    assert run(routine, env, "--voice").returncode == 0
    check_heard(capture.files(), MINI_HEARD, tmp_path)


@needs_espeak
def test_step_names_full_of_shell_syntax_are_spoken_and_run_nothing(
        capture: Capture, tmp_path: Path, logged_engine: LoggedEngine) -> None:
    # Relative to the run's folder (tmp_path), to keep the names short enough to say whole.
    marker = tmp_path / "marker"
    nasty = "$(touch marker); rm -rf ~ | & ; `touch marker` > marker"
    dashed = "--phonout=marker"
    routine = write(tmp_path, (
        'format = 1\nname = "Nasty"\nrest = "0s"\n'
        f'[[steps]]\nname = {json.dumps(nasty)}\nduration = "12s"\n'
        f'[[steps]]\nname = {json.dumps(dashed)}\nduration = "12s"\n'), "nasty")
    env = with_path(capture.env, logged_engine.bin, os.environ["PATH"])
    result = run(routine, env, speed="8")
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert Path.home().exists() and str(Path.home()).startswith(str(tmp_path))
    check_heard(capture.files(), [("go", f"{nasty}, 12 seconds"), *PIPS,
                                  ("go", f"{dashed}, 12 seconds"), *PIPS,
                                  ("finish", "Warmup done")], tmp_path)
    assert not marker.exists()


def test_voice_asked_for_with_engine_none_says_why_once(capture: Capture, tmp_path: Path,
                                                        isolated_home: Path) -> None:
    config = isolated_home / ".config" / "warmup-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[voice]\nengine = "none"\n')
    result = run(write(tmp_path, MINI), capture.env, "--voice", speed="8")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        'voice: the settings choose no speech engine ([voice] engine = "none"); tones only']
    assert identify(capture.files(), 0.8) == MINI_TONES
    # Without --voice the setting is taken as meant: not a word.
    for path in capture.folder.glob("capture.raw*"):
        path.unlink()
    quiet = run(write(tmp_path, MINI), capture.env, speed="8")
    assert quiet.returncode == 0 and quiet.stderr == ""
