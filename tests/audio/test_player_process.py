"""The player process: the app's cues are opened there, so a stuck sound device never
holds up the app's event loop, and the process never outlives the app."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.audio.conftest import CAPTURE_CONFIG, Capture, identify, run_python
from tests.tmux_terminal import TmuxServer, app_command
from warmup_tui.audio.player import Player

# A 1 ms asyncio timer (the app's loop) while cues and speech-like samples are started.
LOOP_WHILE_PLAYING = """
import asyncio, json, sys
from warmup_tui.audio.player import Player

async def main():
    player = Player(volume=0.8, process={process})
    ticks = 0
    async def tick():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.001)
            ticks += 1
    ticker = asyncio.create_task(tick())
    for name in ("go", "pip", "run"):
        await asyncio.sleep(0.01)
        player.play(name)
    player.play_samples(bytes(8820))
    after = ticks
    while ticks < after + 200:  # the loop goes on: 200 more ticks
        await asyncio.sleep(0.001)
    ticker.cancel()
    print(json.dumps({{"pid": player.process_pid(), "ticks": ticks - after}}), flush=True)

asyncio.run(main())
"""

# Plays one cue through the player process, says the process's id, then waits to be killed.
PLAY_THEN_WAIT = """
import sys, time
from warmup_tui.audio.player import Player
player = Player(volume=0.8, process=True)
player.play("go")
print(player.process_pid(), flush=True)
time.sleep(600)
"""

LIMIT = 60.0  # only catches a hang: on a loaded machine a start-up alone takes seconds


@pytest.fixture
def stuck_device(tmp_path: Path) -> dict[str, str]:
    """ALSA's default device writes to a named pipe nobody reads: every open waits forever."""
    fifo = tmp_path / "nobody-reads"
    os.mkfifo(fifo)
    config = tmp_path / "stuck.conf"
    # truncate true: the file is opened as named, not as a new numbered file beside it
    config.write_text(CAPTURE_CONFIG.replace("truncate false", "truncate true") % fifo)
    return {**os.environ, "ALSA_CONFIG_PATH": str(config)}


def gone(pid: int) -> bool:
    """True once ``pid`` has ended (a zombie left for init to reap counts as ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def wait_for(condition: Callable[[], bool]) -> bool:
    end = time.monotonic() + LIMIT
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def wait_until_gone(pid: int) -> bool:
    return wait_for(lambda: gone(pid))


def stuck_in_open(pid: int) -> bool:
    """True while ``pid`` waits in the kernel for a reader of the named pipe it opens."""
    return Path(f"/proc/{pid}/wchan").read_text() == "wait_for_partner"


def test_a_stuck_device_stalls_the_player_process_not_the_event_loop(
        stuck_device: dict[str, str]) -> None:
    # Played in-process, the first open would hold the GIL for good and this would hang.
    result = run_python(LOOP_WHILE_PLAYING.format(process=True), stuck_device, timeout=LIMIT)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ticks"] >= 200
    # The stuck process was not left behind when the app ended.
    assert wait_until_gone(report["pid"])


@pytest.mark.parametrize("device", ["capture", "stuck"])
def test_killing_the_app_leaves_no_player_process(device: str, capture: Capture,
                                                  stuck_device: dict[str, str]) -> None:
    env = capture.env if device == "capture" else stuck_device
    app = subprocess.Popen([sys.executable, "-c", PLAY_THEN_WAIT], env=env,
                           stdout=subprocess.PIPE, text=True)
    try:
        assert app.stdout is not None
        pid = int(app.stdout.readline())
        assert not gone(pid)
        if device == "stuck":  # killed while stuck, it cannot read that its pipe closed
            assert wait_for(lambda: stuck_in_open(pid))
        app.send_signal(signal.SIGKILL)
        app.wait(LIMIT)
        assert wait_until_gone(pid)
    finally:
        app.kill()
        app.wait()
    if device == "capture":
        assert identify(capture.files(), 0.8) in ([], ["go"])  # cut off at the kill


FALLBACK = """
import json, os, signal, time
from warmup_tui.audio.player import Player
notices = []
player = Player(volume=0.8, process=True, on_notice=notices.append)
player.play("go")
player.wait_idle(10)
os.kill(player.process_pid(), signal.SIGKILL)
end = time.monotonic() + 60
while not notices and time.monotonic() < end:  # each play tells what is held back
    time.sleep(0.01)
    player.play("pip")
player.play("finish")
player.play("finish")
player.wait_idle(10)
print(json.dumps(notices))
"""


LOADED_WHERE = """
import json, os, signal, sys, time
from warmup_tui.audio.player import Player
notices = []
player = Player(volume=0.8, process=True, on_notice=notices.append)
player.play("go")
pid = player.process_pid()
player.wait_idle(10)
before = sorted(m for m in ("simpleaudio", "ctypes") if m in sys.modules)
os.kill(pid, signal.SIGKILL)
end = time.monotonic() + 60
while not notices and time.monotonic() < end:  # told once it plays in the app
    time.sleep(0.01)
    player.play("pip")
player.play("finish")
player.wait_idle(10)
print(json.dumps({"before": before, "after": "simpleaudio" in sys.modules}))
"""


def test_the_app_loads_the_audio_library_only_once_the_player_process_dies(
        capture: Capture) -> None:
    """The player process holds simpleaudio, ctypes and libasound; the app's process
    loads them only to play on its own (about 1 MB of memory it would otherwise hold)."""
    result = run_python(LOADED_WHERE, capture.env, timeout=LIMIT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"before": [], "after": True}
    played = identify(capture.files(), 0.8)
    assert played[0] == "go" and played[-1] == "finish"


def test_when_the_player_process_dies_cues_play_in_the_app_said_once(
        capture: Capture) -> None:
    result = run_python(FALLBACK, capture.env, timeout=LIMIT)
    assert result.returncode == 0, result.stderr
    notices = json.loads(result.stdout)
    assert len(notices) == 1 and "player process stopped" in notices[0]
    played = identify(capture.files(), 0.8)
    assert played[0] == "go" and played[-2:] == ["finish", "finish"]


@pytest.mark.parametrize("headless", [False, True], ids=["app", "headless"])
def test_the_app_plays_through_the_process_and_headless_runs_in_their_own(
        headless: bool) -> None:
    from warmup_tui.common.config import Settings
    from warmup_tui.runs.sinks import Notices, SessionSinks

    told: list[str] = []
    sinks = SessionSinks(Settings(), muted=False, voice=False, bell=lambda: None,
                         notices=Notices.all_to(told.append), headless=headless)
    assert sinks.cues is not None
    player = sinks.cues.player
    assert isinstance(player, Player)
    try:
        pid = player.process_pid()
        assert (pid is None) == headless
    finally:
        player.close()
    if pid is not None:
        assert wait_until_gone(pid)


HELD_HERE = """
import json
from warmup_tui.audio.player import Player
player = Player(volume=0.8, process=True)
player.process_pid()
player.play("go")
player.wait_idle(10)
click = player.samples("click")
print(json.dumps({"held": sorted(name for name in ("go", "finish", "run", "walk")
                                 if player.samples(name) is not None),
                  "click": len(click or ()), "go seconds": player.seconds("go")}))
"""


def test_with_a_player_process_the_app_keeps_only_the_click_samples(capture: Capture) -> None:
    """The process holds the cues (about 0.4 MB); the app keeps each one's length, and the
    click, which its metronome mixes itself."""
    result = run_python(HELD_HERE, capture.env, timeout=LIMIT)
    assert result.returncode == 0, result.stderr
    held = json.loads(result.stdout)
    assert held["held"] == [] and held["click"] > 0
    assert 0.1 < held["go seconds"] < 1.0
    assert identify(capture.files(), 0.8) == ["go"]


CLOSE_AFTER_FINISH = """
import time
from pathlib import Path
from warmup_tui.audio.player import Player
player = Player(volume=0.8, process=True)
player.play("finish")
pid = player.process_pid()
player.close()  # as the app's shutdown does, right after the last cue
end = time.monotonic() + 60
while Path(f"/proc/{{pid}}").exists() and time.monotonic() < end:  # ends on its own
    if Path(f"/proc/{{pid}}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
        break
    time.sleep(0.01)
print(pid, flush=True)
"""


def test_a_closed_player_process_lets_the_last_cue_ring_out(capture: Capture) -> None:
    result = run_python(CLOSE_AFTER_FINISH.format(), capture.env, timeout=LIMIT)
    assert result.returncode == 0, result.stderr
    assert gone(int(result.stdout))
    assert identify(capture.files(), 0.8) == ["finish"]


def player_processes_of(app: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(app), "-f", "warmup_tui.audio.player_process"],
                           capture_output=True, text=True, check=False).stdout.split()
    return [int(pid) for pid in found]


def test_the_real_app_killed_mid_session_leaves_no_player_process(
        tmux: TmuxServer, capture: Capture) -> None:
    command = app_command("intervals", "--run", "30s", "--walk", "30s", "--repeats", "2",
                          "--no-voice", env={"ALSA_CONFIG_PATH": capture.env["ALSA_CONFIG_PATH"]})
    # The shell stays after the app dies, so tmux keeps the pane and hangs nothing up:
    # only the player process itself can notice that the app has gone.
    pane = tmux.open(f"{command}; sleep 600")
    assert wait_for(lambda: len(pane.app_pids()) == 2)
    app = pane.app_pids()[1]
    assert wait_for(lambda: len(player_processes_of(app)) == 1)
    [player] = player_processes_of(app)
    assert wait_for(lambda: len(capture.files()) >= 1)  # the get-ready's pips are playing
    os.kill(app, signal.SIGKILL)
    assert wait_until_gone(player)
