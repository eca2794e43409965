"""The speech engines on this machine and the one the app would speak with."""

from __future__ import annotations

from warmup_tui.audio.speech_engine import ENGINES, chosen_engine, installed
from warmup_tui.common.config import VoiceSettings
from warmup_tui.runs.doctor.findings import Finding

INSTALL_HINT = ("for a voice, install espeak-ng (apt-get install espeak-ng), or Piper "
                "(pip install 'warmup-tui[voice]')")


def installed_engines() -> dict[str, str]:
    """Each speech engine found where the app looks for it, by name, with its path."""
    engines = (installed(name) for name in ENGINES)
    return {engine.name: engine.path for engine in engines if engine is not None}


def engine_in_use(setting: str) -> str | None:
    """The engine the app speaks with, by the app's own rule: the one the setting names
    when it is installed, else the first that "auto" finds; None for tones alone."""
    engine = chosen_engine(setting, None)
    return engine.name if engine is not None else None


def check_voice(settings: VoiceSettings) -> Finding:
    found = installed_engines()
    setting = settings.engine
    engine = engine_in_use(setting) if settings.enabled else None
    data = {"engine": engine, "setting": setting, "enabled": settings.enabled,
            "available": list(found), "paths": found, "voice": settings.voice,
            "rate": settings.rate}
    listed = ", ".join(found) if found else "none"
    if not settings.enabled:
        return Finding("voice", True, ("the voice is off in the settings ([voice] enabled = "
                                       f"false); cues are tones alone. Engines found: {listed}",),
                       data)
    if engine is not None:
        lines = [f"the voice speaks with {engine} ({found.get(engine, 'found')}), voice "
                 f"{settings.voice!r} at {settings.rate} words a minute. Engines found: {listed}"]
        instead = setting not in ("auto", engine) and not (
            setting == "espeak" and engine.startswith("espeak"))
        if instead:
            hint = f" ({INSTALL_HINT})" if setting == "piper" else ""
            lines.append(f'[voice] engine = "{setting}" is not installed, so {engine} speaks '
                         f"instead{hint}")
        return Finding("voice", not instead, tuple(lines), data)
    if setting == "none":
        return Finding("voice", True, ('the voice is set to no engine ([voice] engine = '
                                       f'"none"); cues are tones alone. Engines found: {listed}',),
                       data)
    if setting != "auto":
        return Finding("voice", False, (f'[voice] engine = "{setting}", but {setting} is not '
                                        f"installed, so cues are tones alone. Engines found: "
                                        f"{listed}",), data)
    return Finding("voice", False, (f"no speech engine found, so cues are tones alone; "
                                    f"{INSTALL_HINT}",), data)
