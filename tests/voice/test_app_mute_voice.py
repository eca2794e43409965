"""The app's m key (SessionSinks.toggle_mute) stops words already being spoken, as the
Voice sink's own mute does; a session started muted renders its words only once sound
comes back on. The device is stood in for by the recorder of test_voice_sink."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from tests.voice.conftest import LoggedEngine
from tests.voice.test_voice_sink import Recorder, segments
from warmup_tui.common.config import Settings
from warmup_tui.engine.events import Event
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.sinks import Notices, SessionSinks


@pytest.fixture
def app_sinks(logged_engine: LoggedEngine, monkeypatch: pytest.MonkeyPatch,
              ) -> Iterator[Callable[[bool], SessionSinks]]:
    """Makes the app's sinks, voice on, speaking through the logged espeak-ng, started
    muted or not; they are shut down after the test."""
    monkeypatch.setenv("PATH", os.pathsep.join([str(logged_engine.bin), os.environ["PATH"]]))
    made: list[SessionSinks] = []

    def make(muted: bool) -> SessionSinks:
        made.append(SessionSinks(Settings(), muted=muted, voice=True, bell=lambda: None,
                                 notices=Notices.all_to(lambda message: None)))
        return made[-1]

    yield make
    for services in made:
        services.shutdown()


def test_muting_in_the_app_cuts_off_the_phrase_being_spoken(
        app_sinks: Callable[[bool], SessionSinks]) -> None:
    services = app_sinks(False)
    voice = services.voice
    assert voice is not None
    player = Recorder()
    voice.player = player
    segs = segments()
    voice.prepare(segs)
    assert voice.wait_ready(20)
    voice.handle(Event("segment_start", 0.0, segs[0]))
    assert len(player.played) == 1 and not player.played[0][1].stopped
    assert services.toggle_mute() is True
    assert player.played[0][1].stopped
    voice.handle(Event("segment_start", 3.0, segs[1]))
    assert len(player.played) == 1
    assert services.toggle_mute() is False
    voice.handle(Event("segment_start", 5.0, segs[2]))
    assert len(player.played) == 2


def test_a_muted_session_renders_its_words_only_once_sound_is_back_on(
        app_sinks: Callable[[bool], SessionSinks], logged_engine: LoggedEngine) -> None:
    services = app_sinks(True)
    voice = services.voice
    assert voice is not None
    segs = segments()
    services.sinks_for(PlannedRun("voice", "Voice", tuple(segs)), 1.0)
    first = voice.phrase_for(Event("segment_start", 0.0, segs[0]))
    assert first is not None
    assert voice.wait_ready(20)  # nothing was asked for: nothing to wait for
    assert logged_engine.calls() == [] and not voice.ready(first)
    assert services.toggle_mute() is False
    assert voice.wait_ready(20)
    assert logged_engine.calls() and voice.ready(first)
