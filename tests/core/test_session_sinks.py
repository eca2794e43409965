"""The one sink factory (runs/sinks.py) the app and headless runs share: the order of the
sinks, mute, the metronome rule and the log opened before a headless run's timing. The
sinks are the real ones; the log is a real SQLite file in the test's own home."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from warmup_tui import audio
from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.metronome_sink import MetronomeSink
from warmup_tui.common.config import Settings
from warmup_tui.engine.events import Event
from warmup_tui.engine.timeline import Segment
from warmup_tui.log.recorder import LogRecorder
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.sinks import Notices, SessionSinks

METRONOME = "warmup_tui.audio.metronome"
RUN = (Segment(0, "Run", "run", 60.0), Segment(1, "Walk", "walk", 30.0))


class Lines:
    def handle(self, event: Event) -> None:
        return None


def factory(*, muted: bool = False, headless: bool = False,
            told: list[str] | None = None) -> SessionSinks:
    notices = Notices.all_to((told if told is not None else []).append)
    return SessionSinks(Settings(), muted=muted, voice=False, bell=lambda: None,
                        notices=notices, headless=headless)


def test_sound_then_clicks_then_the_output_and_the_log_last() -> None:
    sinks = factory()
    out = Lines()
    built = sinks.sinks_for(PlannedRun("r", "R", RUN), 1.0, output=out)
    assert [type(s) for s in built] == [CueSounds, MetronomeSink, Lines, LogRecorder]
    assert built[0] is sinks.cues and built[1] is sinks.metronome
    again = sinks.sinks_for(PlannedRun("r", "R", RUN), 1.0)
    assert again[0] is built[0] and again[-1] is not built[-1]  # one player, a log per run
    sinks.shutdown()


def test_headless_and_muted_makes_no_sound_and_opens_the_log_before_the_timing(
        isolated_home: Path) -> None:
    out = Lines()
    built = factory(muted=True, headless=True).sinks_for(PlannedRun("r", "R", RUN), 2.0,
                                                          output=out)
    assert built[0] is out and isinstance(built[1], LogRecorder) and len(built) == 2
    assert built[1].session_id is not None  # its row is written before any event
    assert list(isolated_home.rglob("*.sqlite3"))
    SessionSinks.end_session(built)


def test_the_app_can_unmute_what_started_muted() -> None:
    sinks = factory(muted=True)
    built = sinks.sinks_for(PlannedRun("r", "R", RUN), 1.0)
    assert isinstance(built[0], CueSounds) and sinks.muted
    assert sinks.toggle_mute() is False and not built[0].muted
    sinks.shutdown()


def test_a_cadence_in_the_session_turns_the_clicks_on_and_c_still_turns_them_off() -> None:
    sinks = factory()
    assert sinks.metronome is not None and not sinks.metronome.enabled  # off in the settings
    paced = (Segment(0, "Run", "run", 60.0, cadence=170),)
    sinks.sinks_for(PlannedRun("r", "R", paced), 1.0)
    assert sinks.metronome.enabled
    assert sinks.toggle_metronome() is False and not sinks.metronome.enabled
    sinks.shutdown()


def test_clicks_wanted_load_the_metronome_before_the_run_not_at_its_first_beat(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first click of a run comes at a run segment's start, on the app's event loop,
    beside its cue: the metronome's modules must be loaded by then, as the sinks are made
    (start-up's worker) or the clicks turned on; a session whose clicks stay off still
    never loads them."""
    on = Settings()
    on = replace(on, sound=replace(on.sound, metronome=True))
    monkeypatch.setattr(audio, "metronome", sys.modules[METRONOME])  # put back after
    monkeypatch.delitem(sys.modules, METRONOME)
    sinks = SessionSinks(on, muted=False, voice=False, bell=lambda: None,
                         notices=Notices.all_to([].append))
    assert METRONOME in sys.modules
    sinks.shutdown()

    monkeypatch.delitem(sys.modules, METRONOME)
    sinks = factory()  # clicks off in the settings
    sinks.sinks_for(PlannedRun("r", "R", RUN), 1.0)
    assert METRONOME not in sys.modules
    sinks.toggle_metronome()  # c, in a walk or before the run
    assert METRONOME in sys.modules
    sinks.shutdown()
