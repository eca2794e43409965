"""The real simpleaudio, played through ALSA into files: every cue arrives byte for byte,
played in this process (headless runs) or by the player process (the app)."""

from __future__ import annotations

import json
import tracemalloc
import wave
from array import array
from pathlib import Path

import pytest

from tests.audio.conftest import SOUNDS, Capture, identify, run_python, scaled_values
from warmup_tui.audio.player import SOUND_NAMES, Player

PLAY_ALL = """
import json, sys, time
from pathlib import Path
from warmup_tui.audio.player import Player
notices, bells = [], []
folder = {folder!r}
player = Player(Path(folder) if folder else None, volume={volume},
                bell=lambda: bells.append(1), on_notice=notices.append, process={process})
took = []
for name in {names!r}:
    started = time.perf_counter()
    player.play(name)
    took.append(time.perf_counter() - started)
player.wait_idle(5)
print(json.dumps({{"notices": notices, "bells": len(bells), "took": took}}))
"""


def wav_frames(name: str) -> array[int]:
    with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as reader:
        shape = (reader.getnchannels(), reader.getsampwidth(), reader.getframerate())
        assert shape == (1, 2, 44100)
        return array("h", reader.readframes(reader.getnframes()))


def play_code(names: list[str], volume: float, folder: Path | None = None, *,
              process: bool = False) -> str:
    return PLAY_ALL.format(volume=volume, names=names, folder=str(folder) if folder else None,
                           process=process)


def play(capture: Capture, names: list[str], volume: float,
         process: bool = False) -> dict[str, object]:
    result = run_python(play_code(names, volume, process=process), capture.env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    report: dict[str, object] = json.loads(result.stdout)
    return report


IN_APP_OR_PROCESS = pytest.mark.parametrize("process", [False, True],
                                            ids=["in-process", "player-process"])


@IN_APP_OR_PROCESS
def test_each_cue_is_captured_exactly_at_full_volume(capture: Capture, process: bool) -> None:
    names = list(SOUND_NAMES)
    report = play(capture, names, 1.0, process)
    assert report["notices"] == [] and report["bells"] == 0
    captured = capture.files()
    assert len(captured) == len(names)
    for name, data in zip(names, captured, strict=True):
        assert data == wav_frames(name).tobytes(), name


@IN_APP_OR_PROCESS
def test_volume_scales_every_sample(capture: Capture, process: bool) -> None:
    names = ["go", "run", "walk", "finish"]
    play(capture, names, 0.35, process)
    captured = capture.files()
    for name, data in zip(names, captured, strict=True):
        expected = array("h", scaled_values(wav_frames(name), 0.35))
        assert data == expected.tobytes(), name
        assert data != wav_frames(name).tobytes()


@IN_APP_OR_PROCESS
def test_cues_that_meet_both_play_whole_and_play_returns_at_once(capture: Capture,
                                                                 process: bool) -> None:
    # A pip and a segment start at the same moment: neither cuts the other off.
    names = ["pip", "go", "pip", "switch", "finish"]
    report = play(capture, names, 0.8, process)
    assert identify(capture.files(), 0.8) == names
    took = report["took"]
    assert isinstance(took, list)
    # play() only opens a stream; simpleaudio's own thread writes the samples.
    assert max(took) < 0.05, took


@IN_APP_OR_PROCESS
def test_a_broken_sound_file_rings_the_bell_for_that_cue_only(capture: Capture,
                                                              tmp_path: Path,
                                                              process: bool) -> None:
    folder = tmp_path / "sounds"
    folder.mkdir()
    for path in SOUNDS.glob("*.wav"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "go.wav").write_bytes(b"RIFF not really a wave file")
    result = run_python(play_code(["go", "pip"], 0.8, folder, process=process), capture.env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["bells"] == 1
    assert len(report["notices"]) == 1 and "go.wav" in report["notices"][0]
    assert identify(capture.files(), 0.8) == ["pip"]


def test_without_the_audio_library_every_cue_rings_the_bell_with_one_notice(
        capture: Capture) -> None:
    # An import of a module set to None in sys.modules raises ImportError, as when missing.
    hide = "import sys; sys.modules['simpleaudio'] = None\n"
    code = hide + play_code(["go", "pip", "finish"], 0.8)
    result = run_python(code, capture.env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["bells"] == 3
    assert len(report["notices"]) == 1 and "simpleaudio" in report["notices"][0]
    assert capture.files() == []


def test_the_player_holds_each_sound_once() -> None:
    """The cues at the player's volume are all it keeps: no second copy for simpleaudio
    (which copies what it plays), no copy as read from the files."""
    on_disk = sum(len(wav_frames(name)) * 2 for name in SOUND_NAMES)
    Player(volume=0.5).close()  # the audio library's modules load once, outside the count
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        player = Player(volume=0.5)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert player.available
    assert on_disk <= held < 1.25 * on_disk
