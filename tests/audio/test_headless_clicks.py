"""Cadence clicks in headless runs: a session that carries a cadence, or a config that
asks for clicks, gets the metronome during its run segments, really played."""

from __future__ import annotations

import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from tests.audio.conftest import SOUNDS, Capture, identify
from tests.audio.test_headless_sound import write_config
from tests.audio.test_metronome import CLICK, onsets
from warmup_tui.audio.beats import BeatGrid, render_span
from warmup_tui.audio.clip import scale
from warmup_tui.audio.synth import RATE

CUE_SOUNDS = {p.stem for p in SOUNDS.glob("*.wav")}


def intervals(env: dict[str, str], *extra: str) -> subprocess.CompletedProcess[str]:
    # One 3-second run between two walks, at real speed: the clicks keep real time.
    return subprocess.run(
        [sys.executable, "-m", "warmup_tui", "intervals", "--run", "3s", "--walk", "2s",
         "--repeats", "1", "--json", "--no-voice", *extra],
        env=env, capture_output=True, text=True, timeout=60,
    )


def click_tracks(capture: Capture) -> list[array[int]]:
    """The captured streams that are no cue sound: the metronome's."""
    streams = capture.files()
    names = identify(streams, 0.8)
    return [array("h", data) for data, name in zip(streams, names, strict=True)
            if name not in CUE_SOUNDS]


def assert_on_the_grid(track: array[int], cadence: int) -> None:
    """The track is the click at ``cadence``, sample for sample, for at least two seconds
    of the three-second run. A chunk that starts late (a slow thread wake-up on a loaded
    machine) drops the samples it missed and stays on the grid, so the track may begin up
    to 20 ms into the grid, never off it."""
    assert len(track) >= 2 * RATE
    click = scale(CLICK, 0.8)
    grid = BeatGrid(cadence)
    head = track[:RATE // 10]
    missed = next((m for m in range(RATE // 50)
                   if render_span(grid, click, m, m + len(head)) == head), None)
    assert missed is not None, "the clicks are not on the beat grid"
    assert track == render_span(grid, click, missed, missed + len(track))
    assert len(onsets(track)) >= 2 * cadence // 60


@pytest.mark.slow
def test_a_cadence_on_the_command_line_clicks_through_the_run(capture: Capture) -> None:
    result = intervals(capture.env, "--cadence", "180")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    tracks = click_tracks(capture)
    assert len(tracks) == 1, "one click track, for the one run segment"
    assert_on_the_grid(tracks[0], 180)
    # The run's cue sounds before its clicks begin.
    names = identify(capture.files(), 0.8)
    assert names.index("run") < names.index(next(n for n in names if n not in CUE_SOUNDS))


@pytest.mark.slow
def test_the_config_turns_clicks_on_at_its_own_cadence(capture: Capture,
                                                       isolated_home: Path) -> None:
    write_config(isolated_home, "[sound]\nmetronome = true\n[training]\ncadence = 160\n")
    result = intervals(capture.env)
    assert result.returncode == 0, result.stderr
    tracks = click_tracks(capture)
    assert len(tracks) == 1
    assert_on_the_grid(tracks[0], 160)


@pytest.mark.parametrize("extra", [[], ["--cadence", "180", "--mute"]],
                         ids=["no cadence asked", "muted"])
def test_no_clicks_unless_asked_and_never_when_muted(capture: Capture,
                                                     extra: list[str]) -> None:
    result = intervals(capture.env, "--speed", "10", *extra)
    assert result.returncode == 0, result.stderr
    assert click_tracks(capture) == []

