"""No phrase is talked over: each start says the longest of its forms whose words end
before the segment's next sound (a pip, the halfway tone, the next start).

Checked over the bundled routines and the longest names users may write, at speed 1 on a
fake clock, with the real espeak-ng (and Piper, when installed) rendering the words: the
recorder notes the session time each phrase starts, and its words' real length.
"""

from __future__ import annotations

import sysconfig
from array import array
from pathlib import Path

import pytest

from tests.voice.conftest import ESPEAK, needs_espeak
from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.phrase_fit import QUIET_GAP, spoken_seconds
from warmup_tui.audio.phrases import MAX_NAME_CHARS, start_forms, start_phrase
from warmup_tui.audio.piper_engine import bundled_model
from warmup_tui.audio.speech_engine import Engine
from warmup_tui.audio.synth import RATE
from warmup_tui.audio.voice import make_voice
from warmup_tui.common.config import SoundSettings, VoiceSettings
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.cue_plan import plan_at
from warmup_tui.engine.events import Event
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment, build_timeline
from warmup_tui.routines.files import parse_routine

REPO = Path(__file__).resolve().parents[2]
BUNDLED = sorted((REPO / "routines").glob("*.toml"))
LONG_NAME = ("Single-leg Romanian deadlift with a slow three-second lowering and a pause "
             "at the bottom, holding a light kettlebell")[:MAX_NAME_CHARS]
LONGEST = f"""\
format = 1
name = "Long names"
rest = "5s"
switch = "5s"

[[steps]]
name = "{LONG_NAME}"
duration = "8s"
sides = ["left", "right"]

[[steps]]
name = "{LONG_NAME}"
reps = 4
pace = "2s"
sets = 2

[[steps]]
name = "Glute bridge"
duration = "6s"
"""
START = 1000.0  # the fake clock's time when the session starts
PIPER = Path(sysconfig.get_path("scripts")) / "piper"


class TimedRecorder:
    """A stand-in for the sound device that notes when (session time) each phrase starts."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.volume = 1.0
        self.available = True
        self.played: list[tuple[float, array[int]]] = []

    def seconds(self, name: str) -> float:
        import wave
        with wave.open(str(REPO / "sounds" / f"{name}.wav"), "rb") as reader:
            return reader.getnframes() / reader.getframerate()

    def play_samples(self, data: bytes, rate: int = RATE) -> None:
        self.played.append((self.clock.now() - START, array("h", data)))


def engines() -> list[Engine]:
    found = [Engine("espeak-ng", ESPEAK)] if ESPEAK else []
    if PIPER.is_file() and bundled_model():
        found.append(Engine("piper", str(PIPER), bundled_model() or ""))
    return found


def run_spoken(segments: list[Segment], engine: Engine) -> tuple[list[Event], TimedRecorder]:
    clock = FakeClock(START)
    player = TimedRecorder(clock)
    voice = make_voice(player, VoiceSettings(), True, engine=engine)
    assert voice is not None
    voice.prepare(segments)
    assert voice.wait_ready(300)
    session = Session(segments, clock)
    events = session.start()
    for event in events:
        voice.handle(event)
    while session.state != "finished":
        clock.advance(session.wake_in() or 0.001)  # straight to the next due moment
        for event in session.poll():
            voice.handle(event)
            events.append(event)
    return events, player


def sound_times(events: list[Event]) -> list[float]:
    """Session times of every sound but the rep ticks (which keep the pace under words)."""
    tones = CueSounds(player=None, settings=SoundSettings())  # type: ignore[arg-type]
    return [e.t for e in events if tones.sound_for(e) not in (None, "tick")]


@needs_espeak
@pytest.mark.parametrize("engine", engines(), ids=lambda e: e.name)
@pytest.mark.parametrize("source", [*BUNDLED, "longest"], ids=lambda s: getattr(s, "stem", s))
def test_every_phrase_ends_before_the_next_sound(engine: Engine, source: Path | str) -> None:
    text = LONGEST if source == "longest" else Path(source).read_text()
    segments = build_timeline(parse_routine(text, "r.toml"))
    events, player = run_spoken(segments, engine)
    times = sound_times(events)
    assert player.played
    for start, samples in player.played:
        following = [t for t in times if t > start + 1e-9]
        if not following:
            continue  # the last words of the session
        assert start + spoken_seconds(samples) + QUIET_GAP <= following[0] + 1e-6, start
    starts = [e for e in events if e.name == "segment_start"]
    said = {round(t, 3) for t, _ in player.played}
    if source != "longest":  # the bundled routines: every start is named
        assert all(round(e.t, 3) in said for e in starts)


@needs_espeak
def test_a_long_name_says_a_shorter_form_where_the_whole_would_run_into_the_pips() -> None:
    segments = build_timeline(parse_routine(LONGEST, "r.toml"))
    assert ESPEAK is not None
    _, player = run_spoken(segments, Engine("espeak-ng", ESPEAK))
    first = player.played[0][1]
    forms = start_forms(segments[0], plan_at(segments, 0))
    assert forms[0] == start_phrase(segments[0], plan_at(segments, 0))
    # Its whole phrase takes longer than the 8 s hold's 5 s before the pips: a shorter
    # one, yet the words say something.
    assert spoken_seconds(first) > 0.5


def test_the_wording_rules_drop_the_count_then_the_side_then_the_long_name() -> None:
    segments = build_timeline(parse_routine(LONGEST, "r.toml"))
    forms = start_forms(segments[0], plan_at(segments, 0))
    assert forms == [f"{LONG_NAME}, left side, 8 seconds", f"{LONG_NAME}, left side",
                     LONG_NAME, "Single-leg Romanian deadlift"]
    right = start_forms(segments[2], plan_at(segments, 2))
    assert right[0].startswith(f"{LONG_NAME}, right side")
    run = build_timeline(parse_routine(
        'format = 1\nname = "R"\n[runwalk]\nrun = "6s"\nwalk = "5s"\nrepeats = 2\n', "r.toml"))
    assert [start_forms(s, plan_at(run, i))[1] for i, s in enumerate(run)] == [
        "Run", "Walk", "Last interval", "Walk"]
