"""Music ducks under the app's cues: a real PulseAudio server with role ducking, a steady
"music" tone playing as a music stream, and a cue played by the app's own player through
ALSA's pulse plugin. The sink's monitor is recorded and the music's level read from it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sound_server import pulse
from tests.sound_server.pulse import RATE, SINK, PulseServer, level_at, poll, windows

MUSIC_HZ = 150.0  # below every partial of the cue sounds, so the two are told apart
MUSIC_LEVEL = 0.3
WINDOW = 0.05  # seconds of recording per level reading
LIMIT = 30.0  # seconds: generous limits for a loaded machine; nothing is timed

PLAY_CUE = """
import json
from warmup_tui.audio.player import Player
notices = []
player = Player(volume=0.8, on_notice=notices.append)
player.play("finish")
player.wait_idle(10)
print(json.dumps({"notices": notices, "available": player.available}))
"""


@pytest.fixture
def ducking_server(tmp_path: Path) -> Iterator[PulseServer]:
    reason = pulse.missing_tools()
    if reason:
        pytest.skip(f"no PulseAudio here: {reason}")
    try:
        server = pulse.start(tmp_path / "pulse",
                             "module-role-ducking trigger_roles=event ducking_roles=music "
                             "volume=20%")
    except AssertionError:
        log = (tmp_path / "pulse" / "pulseaudio.log").read_text(errors="replace")
        pytest.skip(f"the PulseAudio server cannot run here: {log.strip()[-300:]}")
    yield server
    server.stop()


def music_levels(recording: Path) -> list[float]:
    return [level_at(window, MUSIC_HZ) for window in windows(recording.read_bytes(), WINDOW)]


def music_around_a_cue(server: PulseServer, tmp_path: Path,
                       **app_env: str) -> tuple[list[float], int, dict[str, object]]:
    """The music's level in each window of the recording, the window where the app's
    process started, and what the app's player reported."""
    music = pulse.tone_wav(tmp_path / "music.wav", MUSIC_HZ, 120, MUSIC_LEVEL)
    recording = tmp_path / "monitor.raw"
    full = MUSIC_LEVEL * 32767
    with recording.open("wb") as out:
        recorder = subprocess.Popen(
            ["parec", "--raw", "--format=s16le", "--channels=1", f"--rate={RATE}",
             f"--device={SINK}.monitor", "--latency-msec=20"], env=server.env, stdout=out)
        player = subprocess.Popen(["paplay", "--property=media.role=music", str(music)],
                                  env=server.env)
        try:
            poll(lambda: all(level > 0.8 * full for level in music_levels(recording)[-4:])
                 and len(music_levels(recording)) >= 4, LIMIT, "the music in the recording")
            cue_window = len(music_levels(recording))
            result = subprocess.run([sys.executable, "-c", PLAY_CUE],
                                    env={**server.alsa_env(), **app_env},
                                    capture_output=True, text=True, timeout=LIMIT)
            assert result.returncode == 0, result.stderr
            report: dict[str, object] = json.loads(result.stdout)
            after = len(music_levels(recording))
            poll(lambda: len(music_levels(recording)) > after + 10
                 and all(level > 0.8 * full for level in music_levels(recording)[-4:]),
                 LIMIT, "the music to play on at full level")
        finally:
            for process in (player, recorder):
                process.terminate()
                process.wait(timeout=10)
    return music_levels(recording), cue_window, report


def test_music_dips_while_a_cue_plays_and_comes_back(ducking_server: PulseServer,
                                                     tmp_path: Path) -> None:
    levels, cue_window, report = music_around_a_cue(ducking_server, tmp_path)
    assert report == {"notices": [], "available": True}
    full = MUSIC_LEVEL * 32767
    # The recorder starts before the music does: from the music's first full window on,
    # it stays full until the app's process starts.
    music_start = next(i for i, level in enumerate(levels) if level > 0.8 * full)
    assert all(level > 0.8 * full for level in levels[music_start:cue_window])
    # On a loaded machine a stream can drop a few windows (an underrun); those are short.
    # The dip under the cue is what lasts: at least half of the cue (1 s).
    before = longest_low_run(levels[music_start:cue_window], full)
    assert before[1] * WINDOW < 0.3, f"the music dipped before the cue: {rounded(levels)}"
    start, length = longest_low_run(levels[cue_window:], full)
    assert length * WINDOW >= 0.5, f"the music never dipped for long: {rounded(levels)}"
    after = levels[cue_window + start + length:]
    assert longest_low_run(after, full)[1] * WINDOW < 0.3, rounded(levels)
    assert sorted(after)[len(after) // 2] > 0.8 * full, rounded(levels)


def longest_low_run(levels: list[float], full: float) -> tuple[int, int]:
    """Where the longest stretch of windows under 40 % of the music's level starts, and
    how many windows it lasts."""
    best: tuple[int, int] = (0, 0)
    run_start: int | None = None
    for index, level in enumerate([*levels, full]):
        if level < 0.4 * full:
            run_start = index if run_start is None else run_start
        elif run_start is not None:
            if index - run_start > best[1]:
                best = (run_start, index - run_start)
            run_start = None
    return best


def rounded(levels: list[float]) -> list[int]:
    return [round(level) for level in levels]


def test_a_role_the_user_set_is_kept(ducking_server: PulseServer, tmp_path: Path) -> None:
    # The user marked this process's streams as music: the app does not override that,
    # so its cue does not duck the other music.
    levels, cue_window, report = music_around_a_cue(
        ducking_server, tmp_path, **{"PULSE_PROP_media.role": "music"})
    assert report == {"notices": [], "available": True}
    full = MUSIC_LEVEL * 32767
    assert len(levels) > cue_window + 10
    music_start = next(i for i, level in enumerate(levels) if level > 0.8 * full)
    assert music_start < cue_window
    # Nothing like a duck: at most a short dropout of a loaded machine, never the cue's length.
    assert longest_low_run(levels[music_start:], full)[1] * WINDOW < 0.3, rounded(levels)
    after = levels[music_start:]
    assert sorted(after)[len(after) // 2] > 0.8 * full, rounded(levels)


def test_doctor_names_the_sound_server(ducking_server: PulseServer) -> None:
    result = subprocess.run([sys.executable, "-m", "warmup_tui", "doctor", "--json"],
                            env=ducking_server.alsa_env(), capture_output=True, text=True,
                            timeout=LIMIT * 4, check=False)
    assert result.returncode == 0, result.stderr
    audio = json.loads(result.stdout)["audio"]
    assert audio["ok"] is True and audio["kind"] == "IOPLUG", audio
    assert audio["lines"][0] == ("sound plays through ALSA's default device: a sound server "
                                 "(PulseAudio or PipeWire) through ALSA's plugin")
