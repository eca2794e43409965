"""The sound output: can a stream be opened, on which device, and with ``--play`` a test
cue and a test phrase. The work is done by :mod:`.audio_probe` in its own process, which
is killed if the device does not answer in time."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from warmup_tui.common.config import Settings
from warmup_tui.runs.doctor.findings import Finding

PROBE_SECONDS = 10.0  # opening a stream takes milliseconds; a device that hangs, forever
PLAY_SECONDS = 40.0  # the test phrase is rendered and played, then the cue rings out
NO_DEVICE = ("The app still runs: the terminal bell stands in for each cue and the voice "
             "is silent. To hear it, connect or switch on a sound device (aplay -l lists "
             "the cards ALSA sees), or start your sound server")
KINDS = {
    "HW": "a sound card", "DMIX": "a sound card (shared)", "PLUG": "a sound card",
    "IOPLUG": "a sound server (PulseAudio or PipeWire) through ALSA's plugin",
    "FILE": "a file (ALSA's file plugin)", "NULL": "a null device, so nothing is heard",
}


def probe_command(play: bool, settings: Settings, engine: tuple[str, str] | None) -> list[str]:
    args = [sys.executable, "-m", "warmup_tui.runs.doctor.audio_probe"]
    if play:
        args += ["--play", "--volume", str(settings.sound.volume),
                 "--voice", settings.voice.voice, "--rate", str(settings.voice.rate)]
        if engine is not None:
            args += ["--engine", *engine]
    return args


def check_audio(settings: Settings, *, play: bool = False,
                engine: tuple[str, str] | None = None) -> Finding:
    """``engine`` is the speech engine in use (name, path), for ``--play``'s phrase."""
    limit = PLAY_SECONDS if play else PROBE_SECONDS
    try:
        result = subprocess.run(probe_command(play, settings, engine), capture_output=True,
                                text=True, timeout=limit, stdin=subprocess.DEVNULL, check=False)
        report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    except subprocess.TimeoutExpired:
        return Finding("audio", False, (f"the sound device did not answer in {limit:g} s: "
                                        "another program may hold it, or it hangs. "
                                        + NO_DEVICE,), {"status": "timed out", "stream": False})
    except (OSError, ValueError, IndexError):
        return Finding("audio", False, ("the sound check could not run", NO_DEVICE),
                       {"status": "check failed", "stream": False})
    return _finding(report, settings, play)


def _finding(report: dict[str, Any], settings: Settings, play: bool) -> Finding:
    device = report.get("device") or {}
    kind = device.get("kind")
    where = KINDS.get(kind, f"ALSA's {kind} device") if kind else "no device"
    data = {"status": "ok" if report.get("stream") else "no output", "stream":
            bool(report.get("stream")), "device": device.get("name"), "kind": kind,
            "device_error": device.get("error"),
            "reason": report.get("reason"), "muted": settings.sound.mute,
            "volume": settings.sound.volume, "played": report.get("played")}
    if not report.get("stream"):
        reason = report.get("reason") or "unknown reason"
        if device.get("error"):
            reason = f"{reason}; ALSA says: {device['error']}"
        return Finding("audio", False, (f"no sound output device could be opened ({reason}).",
                                        NO_DEVICE), data)
    lines = [f"sound plays through ALSA's default device: {where}"]
    if settings.sound.mute:
        lines.append("sound is muted in the settings ([sound] mute = true); set it to false "
                     "to hear the cues")
    if play:
        lines.extend(_played_lines(report.get("played") or {}))
    return Finding("audio", not settings.sound.mute, tuple(lines), data)


def _played_lines(played: dict[str, Any]) -> list[str]:
    lines = [f"played the test cue ({played.get('cue')})"]
    if played.get("phrase"):
        lines.append(f"said the test phrase: \"{played['phrase']}\"")
    else:
        lines.append(f"no test phrase: {played.get('phrase_problem') or 'it did not play'}")
    return lines
