"""When the sound last fell quiet, on the player's clock: a stream counts until its end,
or until it is stopped (a metronome chunk stopped when a run ends is quiet from then)."""

from __future__ import annotations

from tests.audio.conftest import Capture, run_python
from warmup_tui.audio.quiet import QuietTracker
from warmup_tui.engine.clock import FakeClock


def test_a_stream_counts_until_its_planned_end() -> None:
    clock = FakeClock(100.0)
    quiet = QuietTracker(clock)
    assert quiet.quiet_since() == float("-inf")
    quiet.begin(0.5)
    clock.advance(0.2)
    quiet.begin(0.1)
    assert quiet.quiet_since() == 100.5


def test_a_stream_stopped_early_is_quiet_from_its_stop() -> None:
    clock = FakeClock(100.0)
    quiet = QuietTracker(clock)
    chunk = quiet.begin(60.0)  # a metronome chunk
    clock.advance(5.0)
    quiet.cut(chunk)
    assert quiet.quiet_since() == 105.0
    clock.advance(1.0)
    quiet.cut(chunk)  # stopped twice: the first stop stands
    assert quiet.quiet_since() == 105.0


def test_stopping_a_stream_after_its_end_keeps_its_end() -> None:
    clock = FakeClock(100.0)
    quiet = QuietTracker(clock)
    pip = quiet.begin(0.1)
    clock.advance(3.0)
    quiet.cut(pip)
    assert quiet.quiet_since() == 100.1


STOP_A_CHUNK = """
from warmup_tui.audio.player import Player
from warmup_tui.engine.clock import FakeClock
clock = FakeClock(100.0)
player = Player(clock=clock)
player.play("pip")
chunk = player.play_samples(bytes(2 * 44100 * 60))  # a minute of metronome
print(player.quiet.quiet_since())
clock.advance(5.0)
chunk.stop()
print(player.quiet.quiet_since())
"""


def test_the_player_tells_the_tracker_of_its_streams_and_their_stops(capture: Capture) -> None:
    result = run_python(STOP_A_CHUNK, capture.env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["160.0", "105.0"]
