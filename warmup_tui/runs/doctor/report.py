"""All the doctor's checks, run side by side under their time limits, and their findings
as one JSON object."""

from __future__ import annotations

from typing import Any

from warmup_tui.common.config import Settings, load_settings
from warmup_tui.runs.doctor.audio_check import PLAY_SECONDS, PROBE_SECONDS, check_audio
from warmup_tui.runs.doctor.config_check import check_config
from warmup_tui.runs.doctor.findings import Finding
from warmup_tui.runs.doctor.log_check import check_log
from warmup_tui.runs.doctor.terminal_check import check_terminal, check_versions
from warmup_tui.runs.doctor.time_limit import Check, run_all
from warmup_tui.runs.doctor.voice_check import check_voice, engine_in_use, installed_engines

QUICK_SECONDS = 5.0  # settings, terminal, versions, engines: all read in milliseconds
LOG_SECONDS = 15.0  # the log's quick check reads the whole file (about 1 s per 100 MB)


def diagnose(*, play: bool = False) -> list[Finding]:
    """Every check's finding, in the order listed below."""
    settings, _ = load_settings(create=False)  # the doctor writes nothing
    # The probe gets its own limit; the thread's is a little longer, so the probe's
    # own time-out (which kills the probe process) is what the user hears about.
    audio_limit = (PLAY_SECONDS if play else PROBE_SECONDS) + 5.0
    return run_all([
        Check("audio", "the sound output",
              lambda: check_audio(settings, play=play, engine=_speech_engine(settings)),
              audio_limit),
        Check("voice", "the speech engines", lambda: check_voice(settings.voice),
              QUICK_SECONDS),
        Check("config", "the settings file", check_config, QUICK_SECONDS),
        Check("log", "the training log", check_log, LOG_SECONDS),
        Check("terminal", "the terminal", check_terminal, QUICK_SECONDS),
        Check("versions", "the versions", check_versions, QUICK_SECONDS),
    ])


def _speech_engine(settings: Settings) -> tuple[str, str] | None:
    if not settings.voice.enabled:
        return None
    found = installed_engines()
    name = engine_in_use(settings.voice.engine)
    return (name, found[name]) if name else None


def as_json(findings: list[Finding]) -> dict[str, Any]:
    """``{"audio": {...}, "voice": {...}, ...}``: each area's data, with ``ok`` and the
    plain ``lines`` the text output shows."""
    return {finding.area: {**finding.data, "ok": finding.ok, "lines": list(finding.lines)}
            for finding in findings}
