"""The Bluetooth wake, in the real audio: a near-silent lead-in starts ``wake`` seconds
before a cue that follows silence, and the cue still starts on time.

A fake clock drives the session, as the front ends do (sleep until ``wake_in``); the
player and its streams are real, captured by ALSA to files, one file per stream in the
order opened. The script notes the clock time each stream was opened at, so every
captured sample has a place on the session's timeline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from tests.audio.conftest import Capture, run_python, scaled_sound
from tests.audio.test_headless_sound import events, write, write_config
from warmup_tui.audio.synth import RATE

T0 = 1000.0
VOLUME = 0.8

DRIVE = """
import json
from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.player import Player
from warmup_tui.audio.wake import BluetoothWake
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.heads_up import heads_up_for
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import Segment

clock = FakeClock({t0})
player = Player(volume={volume}, clock=clock)
opened = []

class Noted:
    # The real player, noting on the clock when each stream opens and what it is.
    quiet = player.quiet
    def play(self, name):
        opened.append([clock.now(), name])
        player.play(name)
    def play_samples(self, data, rate=44100):
        opened.append([clock.now(), "lead-in"])
        return player.play_samples(data, rate)

cues = CueSounds(Noted())
sinks = [cues] + ([BluetoothWake(Noted(), cues, {wake})] if {wake} else [])
segments = [Segment(index=0, step="Hold", kind="exercise", duration=30.0),
            Segment(index=1, step="Rest", kind="rest", duration=10.0)]
session = Session(segments, clock, heads_up=heads_up_for(sinks))
due = []

def deliver(batch):
    for event in batch:
        if event.name != "heads_up" and cues.sound_for(event):
            due.append([event.t, cues.sound_for(event)])
        for sink in sinks:
            sink.handle(event)

early = session.heads_up_at_start()  # as the front ends do: word, a wait, the start
if early:
    deliver(early)
    clock.advance(session.heads_up.seconds)
origin = clock.now()
deliver(session.start())
while session.state != "finished":
    clock.advance(session.wake_in())
    deliver(session.poll())
player.wait_idle(5)
print(json.dumps({{"opened": [[t - origin, name] for t, name in opened], "due": due}}))
"""


def drive(capture: Capture, wake: float) -> tuple[list[tuple[float, str]], list[bytes],
                                                  list[tuple[float, str]]]:
    result = run_python(DRIVE.format(t0=T0, volume=VOLUME, wake=wake), capture.env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    opened = [(t, name) for t, name in report["opened"]]
    captured = capture.files()
    assert len(captured) == len(opened)
    return opened, captured, [(t, name) for t, name in report["due"]]


def samples(data: bytes) -> array[int]:
    return array("h", data)


# The Hold (30 s) and the Rest (10 s), by ear: a lead-in before the cues that follow a
# second or more of silence (the first go, which the session starts late for; the
# halfway; each segment's first pip); none before the pips that follow a pip, the rest
# that follows the last pip, or the finish.
WOKEN = ["lead-in", "go", "lead-in", "halfway", "lead-in", "pip", "pip", "pip", "rest", "lead-in",
         "pip", "pip", "pip", "finish"]


def test_a_lead_in_precedes_each_cue_after_silence_and_the_cue_lands_on_time(
        capture: Capture) -> None:
    opened, captured, due = drive(capture, 0.3)
    assert [name for _t, name in opened] == WOKEN
    cues = [(t, name, data) for (t, name), data in zip(opened, captured, strict=True)
            if name != "lead-in"]
    # Every cue is the sound itself, whole, and opened at the moment it was due.
    assert [(t, name) for t, name, _ in cues] == due
    for _t, name, data in cues:
        assert data == scaled_sound(name, VOLUME)
    for index, (t, name) in enumerate(opened):
        if name != "lead-in":
            continue
        lead_in = samples(captured[index])
        cue_at, _cue = opened[index + 1]
        first, last = round(t * RATE), round(t * RATE) + len(lead_in)
        # It starts 0.3 s before its cue's first sample and runs on under the cue's start.
        assert round(cue_at * RATE) - first == round(0.3 * RATE)
        assert last > round(cue_at * RATE)
        # Never digital zero, and far below hearing: under -60 dBFS.
        assert min(abs(value) for value in lead_in) > 0
        assert max(abs(value) for value in lead_in) < 32768 * 10 ** (-60 / 20)


def test_no_lead_in_when_wake_is_off(capture: Capture) -> None:
    opened, captured, due = drive(capture, 0.0)
    assert [name for _t, name in opened] == [name for name in WOKEN if name != "lead-in"]
    assert opened == due
    assert captured == [scaled_sound(name, VOLUME) for _t, name in opened]


LONG_HOLD = """\
format = 1
name = "Long hold"

[[steps]]
name = "Hold"
duration = "40s"
"""


@pytest.mark.parametrize("wake", ["0.3s", "0s"])
def test_a_headless_run_wakes_with_the_setting(capture: Capture, tmp_path: Path,
                                               isolated_home: Path, wake: str) -> None:
    # At --speed 10 the wake stays 0.3 s of real time: the halfway (2 s of real time in)
    # and the first pip (1.3 s after the halfway's tone ends) follow silence.
    write_config(isolated_home, f'[sound]\nwake = "{wake}"\n')
    result = subprocess.run(
        [sys.executable, "-m", "warmup_tui", "run", str(write(tmp_path, "long", LONG_HOLD)),
         "--json", "--speed", "10", "--no-voice"],
        env=capture.env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert {e["event"] for e in events(result.stdout)} <= {
        "segment_start", "cue", "segment_end", "session_end"}  # no word of the early notice
    heard = [next((name for name in ("go", "halfway", "pip", "finish")
                   if data == scaled_sound(name, VOLUME)), "lead-in")
             for data in capture.files()]
    tones = ["go", "halfway", "pip", "pip", "pip", "finish"]
    woken = ["lead-in", "go", "lead-in", "halfway", "lead-in", "pip", "pip", "pip", "finish"]
    assert heard == (woken if wake == "0.3s" else tones)


CLICKING = """
from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.metronome import Metronome
from warmup_tui.audio.player import Player
from warmup_tui.audio.wake import BluetoothWake
from warmup_tui.engine.clock import FakeClock
clock = FakeClock(100.0)
player = Player(clock=clock)
wake = BluetoothWake(player, CueSounds(player), 0.3)
metronome = Metronome(player, clock, 170, background=False)
metronome.start()
clock.advance(20.0)
print(wake.wake())  # clicking: the headphones are awake
metronome.stop()
clock.advance(0.5)
print(wake.wake())  # 0.8 s after the clicks stopped, at the cue
clock.advance(0.5)
print(wake.wake())  # 1.3 s
"""


def test_no_lead_in_while_the_metronome_clicks(capture: Capture) -> None:
    result = run_python(CLICKING, capture.env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]
    # The clicks' one chunk, then the one lead-in.
    assert len(capture.files()) == 2
