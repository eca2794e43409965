"""The Voice sink: what it plays for a session's events, when, and what it leaves out.

Speech is rendered by the real espeak-ng into the real cache. The sound device is stood in
for by a recorder of what would be played (the capture tests in test_headless_voice.py play
it through real ALSA); the recorder hands out the real tone samples for the lead.
"""

from __future__ import annotations

import math
import time
import wave
from array import array
from fractions import Fraction
from pathlib import Path

import pytest

from tests.voice.conftest import ESPEAK, LoggedEngine, make_wrapper
from warmup_tui.audio.speech_engine import Engine
from warmup_tui.audio.synth import RATE
from warmup_tui.audio.voice import MAX_LEAD, Voice, make_voice
from warmup_tui.common.config import SoundSettings, VoiceSettings
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.events import Event
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment, build_timeline
from warmup_tui.routines.files import parse_routine

SOUNDS = Path(__file__).resolve().parents[2] / "sounds"


def tone_samples(name: str) -> int:
    with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as reader:
        return reader.getnframes()


class Handle:
    def __init__(self) -> None:
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True

    def is_playing(self) -> bool:
        return False


class Recorder:
    """Records each buffer handed to play_samples (the player's speech path)."""

    def __init__(self, volume: float = 0.8) -> None:
        self.volume = volume
        self.available = True
        self.played: list[tuple[bytes, Handle]] = []

    def seconds(self, name: str) -> float:
        with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as reader:
            return reader.getnframes() / reader.getframerate()

    def play_samples(self, data: bytes, rate: int = RATE) -> Handle:
        assert rate == RATE
        handle = Handle()
        self.played.append((data, handle))
        return handle


ROUTINE = """\
format = 1
name = "Voice"
rest = "4s"
switch = "2s"

[[steps]]
name = "Side leg lift"
duration = "20s"
sides = ["left", "right"]

[runwalk]
run = "10s"
walk = "8s"
repeats = 2
"""


def segments() -> list[Segment]:
    return build_timeline(parse_routine(ROUTINE, "voice.toml"))


def voice_for(engine: LoggedEngine, player: Recorder, **kwargs: object) -> Voice:
    voice = make_voice(player, VoiceSettings(), engine=Engine("espeak-ng", str(engine.path)),
                       **kwargs)  # type: ignore[arg-type]
    assert voice is not None
    return voice


def run_session(voice: Voice, segs: list[Segment], step: float = 0.5) -> list[Event]:
    clock = FakeClock()
    session = Session(segs, clock)
    events = session.start()
    while session.state != "finished":
        clock.advance(step)
        events.extend(session.poll())
    for event in events:
        voice.handle(event)
    return events


def expected(voice: Voice, text: str, tone: str, volume: float = 0.8) -> bytes:
    """Silence as long as the tone (capped), then the cached phrase at ``volume``."""
    samples = voice.cache.cached(text)
    assert samples is not None, text
    lead = min(tone_samples(tone), round(MAX_LEAD * RATE))
    # The player's volume rule: in whole 1/65536ths, each product rounded, halves up.
    steps = round(volume * 65536)
    scaled = (math.floor(Fraction(v * steps, 65536) + Fraction(1, 2)) for v in samples)
    return bytes(2 * lead) + array("h", scaled).tobytes()


def test_a_session_is_spoken_tone_first_in_order(logged_engine: LoggedEngine) -> None:
    player = Recorder()
    voice = voice_for(logged_engine, player)
    voice.prepare(segments())
    assert voice.wait_ready(20)
    run_session(voice, segments())
    said = [
        ("Side leg lift, left side, 20 seconds", "go"), ("Halfway", "halfway"),
        ("Switch sides", "switch"), ("Side leg lift, right side, 20 seconds", "go"),
        ("Halfway", "halfway"), ("Rest, 4 seconds", "rest"), ("Run for 10 seconds", "run"),
        ("Walk for 8 seconds", "walk"), ("Last interval. Run for 10 seconds", "last"),
        ("Walk for 8 seconds", "walk"), ("Well done, session finished", "finish"),
    ]
    assert [data for data, _ in player.played] == [expected(voice, t, s) for t, s in said]
    # Each phrase was rendered once, however often it was said; so was each shorter form.
    texts = [call.split("|--|")[1].rstrip("|") for call in logged_engine.calls()]
    assert len(texts) == len(set(texts)) and {text for text, _ in said} <= set(texts)
    # A new phrase cuts off the one before (only the last is left running).
    assert [handle.stopped for _, handle in player.played] == [True] * 10 + [False]


def test_a_phrase_not_ready_in_time_is_skipped_without_waiting(tmp_path: Path) -> None:
    assert ESPEAK is not None
    slow = make_wrapper(tmp_path / "slow", ESPEAK, delay=1.0)
    player = Recorder()
    voice = voice_for(slow, player)
    segs = segments()
    voice.prepare(segs)
    voice.handle(Event("segment_start", 0.0, segs[0]))
    # Neither prepare nor handle waited on it: it is still being rendered, and was skipped.
    assert not voice.ready("Side leg lift, left side, 20 seconds")
    assert player.played == []
    assert voice.wait_ready(30, count=1)
    voice.handle(Event("segment_start", 0.0, segs[0]))
    assert [d for d, _ in player.played] == [
        expected(voice, "Side leg lift, left side, 20 seconds", "go")]


def test_a_phrase_never_prepared_is_rendered_for_next_time(logged_engine: LoggedEngine) -> None:
    player = Recorder()
    voice = voice_for(logged_engine, player)
    walk = Segment(0, "Cooldown walk", "walk", 240.0)
    voice.handle(Event("segment_start", 0.0, walk))
    assert player.played == []
    voice.wait_ready(20)
    deadline = time.monotonic() + 20
    while not voice.ready("Cooldown walk, 4 minutes") and time.monotonic() < deadline:
        time.sleep(0.01)  # the render thread, not a session timer
    voice.handle(Event("segment_start", 0.0, walk))
    assert [d for d, _ in player.played] == [
        expected(voice, "Cooldown walk, 4 minutes", "walk")]


def test_an_unprepared_phrase_already_on_disk_is_spoken_at_once(
        logged_engine: LoggedEngine) -> None:
    assert voice_for(logged_engine, Recorder()).cache.get("Walk for 8 seconds") is not None
    player = Recorder()
    fresh = voice_for(logged_engine, player)  # never prepared
    fresh.handle(Event("segment_start", 0.0, segments()[5]))
    assert [d for d, _ in player.played] == [expected(fresh, "Walk for 8 seconds", "walk")]
    assert len(logged_engine.calls()) == 1


def test_muted_late_and_cut_short_say_nothing(logged_engine: LoggedEngine) -> None:
    player = Recorder()
    voice = voice_for(logged_engine, player)
    segs = segments()
    voice.prepare(segs)
    assert voice.wait_ready(20)
    voice.handle(Event("segment_start", 0.0, segs[0], late=True))
    assert player.played == []
    voice.handle(Event("segment_start", 0.0, segs[0]))
    assert len(player.played) == 1
    assert voice.toggle_mute() is True
    assert player.played[0][1].stopped  # muting stops the words at once
    voice.handle(Event("segment_start", 3.0, segs[1]))
    assert len(player.played) == 1
    assert voice.toggle_mute() is False
    voice.handle(Event("segment_start", 5.0, segs[2]))
    assert len(player.played) == 2
    # Stopped part-way: no "well done", and what was being said stops.
    voice.handle(Event("segment_end", 6.0, segs[2], skipped=True))
    voice.handle(Event("session_end", 6.0))
    assert len(player.played) == 2 and player.played[1][1].stopped


def test_finishing_a_warmup_and_skipping_the_last_segment(logged_engine: LoggedEngine) -> None:
    warmup = [s for s in segments() if s.kind in ("exercise", "switch", "rest")][:3]
    player = Recorder()
    voice = voice_for(logged_engine, player)
    voice.prepare(warmup)
    assert voice.wait_ready(20)
    # "Next" on the last segment ends the session, but stopped early, as the summary says.
    voice.handle(Event("segment_end", 9.0, warmup[-1], skipped=True))
    voice.handle(Event("session_end", 9.0))
    assert player.played == []
    voice.handle(Event("segment_end", 9.0, warmup[-1]))
    # The session's own verdict, with the segment that ended last.
    voice.handle(Event("session_end", 9.0, completed=True, last=warmup[-1]))
    assert [d for d, _ in player.played] == [expected(voice, "Warmup done", "finish")]


def test_stopping_in_the_cooldown_is_not_praised(logged_engine: LoggedEngine) -> None:
    segs = segments()
    player = Recorder()
    voice = voice_for(logged_engine, player)
    voice.prepare(segs)
    assert voice.wait_ready(20)
    clock = FakeClock()
    session = Session(segs, clock, start_index=len(segs) - 1)  # the last walk, 5 s
    events = session.start()
    clock.advance(1.0)
    events += session.poll() + session.stop()
    assert not session.completed
    for event in events:
        voice.handle(event)
    spoken = [d for d, _ in player.played]
    assert expected(voice, "Well done, session finished", "finish") not in spoken
    assert len(spoken) == 1  # the walk's start only


def test_the_halfway_words_follow_the_halfway_tone_setting(logged_engine: LoggedEngine) -> None:
    player = Recorder()
    voice = voice_for(logged_engine, player, sound=SoundSettings(halfway=False))
    segs = segments()
    voice.prepare(segs)
    assert voice.wait_ready(20)
    run_session(voice, segs)
    halfway = voice.cache.cached("Halfway")
    assert halfway is not None  # rendered, in case the setting changes
    assert len(player.played) == 9  # the 11 of the full session less the two halfways


def test_the_volume_is_applied_and_follows_changes(logged_engine: LoggedEngine) -> None:
    player = Recorder(volume=0.5)
    voice = voice_for(logged_engine, player)
    segs = segments()
    voice.prepare(segs)
    assert voice.wait_ready(20)
    assert segs[3].kind == "rest"
    voice.handle(Event("segment_start", 0.0, segs[3]))
    player.volume = 0.25
    voice.handle(Event("segment_start", 0.0, segs[3]))
    text = "Rest, 4 seconds"
    assert [d for d, _ in player.played] == [expected(voice, text, "rest", 0.5),
                                             expected(voice, text, "rest", 0.25)]


@pytest.mark.parametrize(("setting", "flag", "on"), [
    (True, None, True), (False, None, False), (True, False, False), (False, True, True),
])
def test_make_voice_follows_the_setting_and_the_flag(logged_engine: LoggedEngine,
                                                     setting: bool, flag: bool | None,
                                                     on: bool) -> None:
    voice = make_voice(Recorder(), VoiceSettings(enabled=setting), flag,
                       engine=Engine("espeak-ng", str(logged_engine.path)))
    assert (voice is not None) is on


def test_no_engine_means_no_voice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert make_voice(Recorder(), VoiceSettings(), True) is None
