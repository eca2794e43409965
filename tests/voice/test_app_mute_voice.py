"""The app's m key (SessionSinks.toggle_mute) stops words already being spoken, as the
Voice sink's own mute does; a session started muted makes its voice (and renders its words)
only once sound comes back on. The device is stood in for by the recorder of test_voice_sink."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pytest

from tests.voice.conftest import LoggedEngine
from tests.voice.test_voice_sink import Recorder, segments
from warmup_tui.audio.voice import Voice
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


def wait_for_voice(services: SessionSinks) -> Voice:
    end = time.monotonic() + 30  # only catches a hang: it is made on a thread of its own
    while services.voice is None and time.monotonic() < end:
        time.sleep(0.01)
    assert services.voice is not None
    return services.voice


def test_a_muted_session_makes_its_voice_only_once_sound_is_back_on(
        app_sinks: Callable[[bool], SessionSinks], logged_engine: LoggedEngine) -> None:
    services = app_sinks(True)
    segs = segments()
    built = services.sinks_for(PlannedRun("voice", "Voice", tuple(segs)), 1.0)
    assert services.voice is None and services.sound_status().voice
    assert logged_engine.calls() == []
    assert services.toggle_mute() is False
    voice = wait_for_voice(services)
    first = voice.phrase_for(Event("segment_start", 0.0, segs[0]))
    assert first is not None
    assert voice.wait_ready(20)
    assert logged_engine.calls() and voice.ready(first)
    player = Recorder()
    voice.player = player
    for sink in built:  # the run's sinks, made while muted, now speak
        sink.handle(Event("segment_start", 0.0, segs[0]))
    assert len(player.played) == 1


MUTED_IMPORTS = """
import sys
from warmup_tui.common.config import Settings
from warmup_tui.engine.timeline import Segment
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.sinks import Notices, SessionSinks

services = SessionSinks(Settings(), muted=True, voice=True, bell=lambda: None,
                        notices=Notices.all_to(print))
services.sinks_for(PlannedRun("r", "R", (Segment(0, "Run", "run", 60.0),)), 1.0)
print(sorted(m for m in sys.modules if "speech" in m or "voice" in m or "piper" in m))
services.shutdown()
"""


def test_a_muted_session_imports_no_speech_engine(logged_engine: LoggedEngine) -> None:
    """About half a megabyte of the app's memory that a muted session never needs."""
    env = {**os.environ, "PATH": os.pathsep.join([str(logged_engine.bin), os.environ["PATH"]])}
    done = subprocess.run([sys.executable, "-c", MUTED_IMPORTS], capture_output=True,
                          text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
