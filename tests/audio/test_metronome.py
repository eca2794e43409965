"""The cadence metronome: beats exact to the sample across chunks, driven by a clock."""

from __future__ import annotations

import json
from array import array
from fractions import Fraction

import pytest

from tests.audio.conftest import SOUNDS, Capture, run_python
from warmup_tui.audio.beats import BeatGrid, chunk_span, render_span, samples_late
from warmup_tui.audio.clip import read_clip, scale
from warmup_tui.audio.metronome import Metronome
from warmup_tui.audio.player import PlayHandle
from warmup_tui.audio.synth import RATE
from warmup_tui.engine.clock import FakeClock

CLICK = read_clip(SOUNDS / "click.wav").samples


def onsets(samples: array[int]) -> list[int]:
    """Where each click starts: a sample that is sounding after a stretch of silence."""
    found, quiet = [], 10**9
    for i, value in enumerate(samples):
        if value != 0:
            if quiet > 100:
                found.append(i)
            quiet = 0
        else:
            quiet += 1
    return found


@pytest.mark.parametrize("cadence", [120, 165, 170, 181, 220])
def test_beats_sit_on_the_exact_sample_for_any_cadence(cadence: int) -> None:
    grid = BeatGrid(cadence)
    ten_minutes = 10 * 60 * RATE
    positions = grid.beats_between(0, ten_minutes)
    # Beat k at round(k * 60 * 44100 / cadence): exact, so no drift after ten minutes.
    expected = [int(Fraction(k * 60 * RATE, cadence) + Fraction(1, 2))
                for k in range(cadence * 10)]
    assert positions == expected
    assert len(positions) == cadence * 10


def test_chunks_rendered_back_to_back_equal_the_whole_track() -> None:
    grid = BeatGrid(170)
    total = 7 * RATE
    whole = render_span(grid, CLICK, 0, total)
    # A chunk size that is no multiple of the beat and cuts through clicks.
    size = 15564 * 2 + 300
    pieces = array("h")
    index = 0
    while (span := chunk_span(index, size, total)) is not None:
        pieces.extend(render_span(grid, CLICK, *span))
        index += 1
    assert pieces == whole
    first_sound = next(i for i, value in enumerate(CLICK) if value)
    assert onsets(whole) == [p + first_sound for p in grid.beats_between(0, total)]
    # At least one click really does straddle a boundary.
    assert any(p < b < p + len(CLICK) for b in range(size, total, size)
               for p in grid.beats_between(0, total))


def test_a_late_chunk_drops_what_it_missed_so_its_clicks_stay_on_the_grid() -> None:
    assert samples_late(10.0, 10.0, RATE, 1000) == 0
    assert samples_late(10.0, 9.5, RATE, 1000) == 0
    assert samples_late(10.0, 10.25, RATE, RATE) == RATE // 4
    assert samples_late(10.0, 99.0, RATE, 500) == 500


class RecordingClicks:
    """Stands in for the speaker in scheduling tests: keeps what was started, and when."""

    available = True

    def __init__(self, clock: FakeClock, volume: float = 0.8) -> None:
        self.clock, self.volume = clock, volume
        self.started: list[tuple[float, array[int]]] = []
        self.stopped = 0

    def samples(self, name: str) -> array[int] | None:
        return scale(CLICK, self.volume) if name == "click" else None

    def play_samples(self, data: bytes, rate: int = RATE) -> PlayHandle | None:
        self.started.append((self.clock.now(), array("h", data)))
        return self

    def stop(self) -> None:
        self.stopped += 1

    def is_playing(self) -> bool:
        return True


def test_chunks_start_at_their_deadlines_carrying_the_phase() -> None:
    clock = FakeClock(start=500.0)
    player = RecordingClicks(clock)
    metronome = Metronome(player, clock, 170, chunk_seconds=2.0, background=False)
    metronome.start(duration=5.0)
    assert len(player.started) == 1  # beat one at once
    assert metronome.pump() == pytest.approx(2.0)
    clock.advance(2.0)
    assert metronome.pump() == pytest.approx(2.0)
    clock.advance(2.25)  # the third chunk starts a quarter second late
    assert metronome.pump() is None
    assert not metronome.running
    times = [t for t, _ in player.started]
    assert times == [500.0, 502.0, 504.25]
    # Lay each buffer where it sounded: together they are the one continuous track.
    timeline = array("h", bytes(2 * 5 * RATE))
    for when, samples in player.started:
        first = round((when - 500.0) * RATE)
        timeline[first : first + len(samples)] = samples
    whole = render_span(BeatGrid(170), scale(CLICK, 0.8), 0, 5 * RATE)
    late_gap = slice(4 * RATE, 4 * RATE + RATE // 4)
    assert timeline[: 4 * RATE] == whole[: 4 * RATE]
    assert timeline[late_gap.stop :] == whole[late_gap.stop :]
    assert [len(s) for _, s in player.started] == [2 * RATE, 2 * RATE, RATE - RATE // 4]


def test_stop_cuts_the_sound_and_no_chunk_starts_after_it() -> None:
    clock = FakeClock()
    player = RecordingClicks(clock)
    metronome = Metronome(player, clock, 170, chunk_seconds=1.0, background=False)
    metronome.start()
    clock.advance(1.0)
    metronome.pump()
    metronome.stop()
    assert player.stopped == 2  # the chunk playing and the one whose tail may ring
    clock.advance(10.0)
    assert metronome.pump() is None
    assert len(player.started) == 2
    # Pause then resume is stop then start: a fresh grid from beat one.
    metronome.start()
    assert len(player.started) == 3 and metronome.running


def test_a_player_without_sound_means_no_clicks_and_no_error() -> None:
    clock = FakeClock()
    player = RecordingClicks(clock)
    player.available = False
    metronome = Metronome(player, clock, 170, background=False)
    metronome.start()
    assert not metronome.running and player.started == []


METRONOME_CAPTURE = """
import json, threading, time
from warmup_tui.audio.player import Player
from warmup_tui.audio.metronome import Metronome
from warmup_tui.engine.clock import MonotonicClock
player = Player(volume=0.6)
playing_threads = []
play_samples = player.play_samples
def recorded(*args, **kwargs):
    playing_threads.append(threading.current_thread().name)
    return play_samples(*args, **kwargs)
player.play_samples = recorded
metronome = Metronome(player, MonotonicClock(), 170, chunk_seconds=0.5)
started = time.monotonic()
metronome.start(duration=1.3)
while metronome.running and time.monotonic() - started < 10:
    time.sleep(0.01)
player.wait_idle(5)
print(json.dumps({"playing_threads": playing_threads}))
"""


def test_real_chunks_through_simpleaudio_join_into_one_exact_click_track(
        capture: Capture) -> None:
    result = run_python(METRONOME_CAPTURE, capture.env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    # The caller never waits: every chunk is rendered and started on the metronome's thread.
    assert json.loads(result.stdout)["playing_threads"] == ["metronome"] * 3
    files = [array("h", data) for data in capture.files()]
    half, total = RATE // 2, round(1.3 * RATE)
    whole = render_span(BeatGrid(170), scale(CLICK, 0.6), 0, total)
    assert len(files) == 3
    # The first chunk starts the grid, whole. A later one that starts late (a slow thread
    # wake-up) drops the samples it missed and its remaining clicks stay on the grid: each
    # is the end of its stretch of the one track, however late it started. How late chunks
    # start is timing, measured in benchmarks/metronome_lateness.py.
    assert files[0] == whole[:half]
    for number, (start, end) in enumerate([(half, 2 * half), (2 * half, total)], 1):
        missed = (end - start) - len(files[number])
        assert missed >= 0, "a chunk longer than its stretch of the track"
        assert files[number] == whole[start + missed : end]


HELD_NOTICE = """
import json
from warmup_tui.audio.player import Player
from warmup_tui.audio.metronome import Metronome
from warmup_tui.engine.clock import MonotonicClock
notices, bells = [], []
player = Player(bell=lambda: bells.append(1), on_notice=notices.append)
metronome = Metronome(player, MonotonicClock(), 170, background=False)
metronome.start()
before = list(notices)
player.play("go")
print(json.dumps({"before": before, "after": notices, "bells": len(bells),
                  "running": metronome.running}))
"""


def test_a_metronome_failure_is_told_by_the_next_cue_on_the_callers_thread(
        missing_card_env: dict[str, str]) -> None:
    result = run_python(HELD_NOTICE, missing_card_env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert report["before"] == []  # the metronome itself never reports or rings
    assert len(report["after"]) == 1 and "no sound device" in report["after"][0]
    assert report["bells"] == 1
    assert report["running"] is False
