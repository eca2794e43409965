"""The session drives the metronome: clicks in runs, none while paused, a fresh grid after."""

from __future__ import annotations

from tests.audio.test_metronome import RecordingClicks
from warmup_tui.audio.metronome import Metronome
from warmup_tui.audio.metronome_sink import MetronomeSink
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.events import Event
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment


def run_walk() -> list[Segment]:
    return [Segment(index=0, step="Run", kind="run", duration=600.0, cadence=170),
            Segment(index=1, step="Walk", kind="walk", duration=60.0)]


def follow(clock: FakeClock, session: Session, sink: MetronomeSink, metronome: Metronome,
           seconds: float) -> None:
    """Move the clock a second at a time, delivering the session's events and starting
    every chunk that falls due, as the session screen and the metronome's thread would."""
    for _ in range(round(seconds)):
        clock.advance(1.0)
        deliver(session.poll(), sink)
        metronome.pump()


def deliver(events: list[Event], sink: MetronomeSink) -> None:
    for event in events:
        sink.handle(event)


def test_no_click_sounds_while_the_session_is_paused() -> None:
    clock = FakeClock()
    player = RecordingClicks(clock)
    metronome = Metronome(player, clock, 170, chunk_seconds=1.0, background=False)
    sink = MetronomeSink(lambda: metronome, 170, enabled=True)
    session = Session(run_walk(), clock)
    deliver(session.start(), sink)
    follow(clock, session, sink, metronome, 5)
    assert len(player.started) == 6  # a one-second chunk at beat one and at each second
    paused_at = clock.now()
    deliver(session.pause(), sink)
    assert not metronome.running
    follow(clock, session, sink, metronome, 30)
    assert [when for when, _ in player.started if when > paused_at] == []
    deliver(session.resume(), sink)  # clicks again at once, from beat one
    assert metronome.running and player.started[-1][0] == paused_at + 30


def test_the_metronome_is_made_at_the_first_click_and_clicks_mid_run_at_once() -> None:
    clock = FakeClock()
    player = RecordingClicks(clock)
    made: list[Metronome] = []

    def make() -> Metronome:
        made.append(Metronome(player, clock, 170, chunk_seconds=1.0, background=False))
        return made[-1]

    sink = MetronomeSink(make, 170, enabled=False)  # clicks off, as in the settings
    session = Session(run_walk(), clock)
    deliver(session.start(), sink)
    for _ in range(5):
        clock.advance(1.0)
        deliver(session.poll(), sink)
    assert made == []  # five seconds into the run, and nothing made
    sink.set_enabled(True)  # c, mid-run: the sink knows the run is on
    assert len(made) == 1 and made[0].running
    assert player.started and player.started[0][0] == clock.now()
    sink.set_enabled(False)
    sink.set_enabled(True)
    assert len(made) == 1  # made once
    sink.stop()
    assert not made[0].running
