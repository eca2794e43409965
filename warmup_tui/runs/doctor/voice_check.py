"""The speech engines on this machine and the one the app would speak with."""

from __future__ import annotations

import shutil
import sys

from warmup_tui.common.config import VoiceSettings
from warmup_tui.runs.doctor.findings import Finding

# In the order "auto" picks them. ``say`` is macOS's; a Linux ``say`` is something else.
ENGINES = ("piper", "espeak-ng", "espeak", "say")
INSTALL_HINT = ("for a voice, install espeak-ng (apt-get install espeak-ng), or Piper "
                "(pip install 'warmup-tui[voice]')")


def installed_engines() -> dict[str, str]:
    """Each speech engine found on PATH, by name, with its path."""
    found = {}
    for name in ENGINES:
        if name == "say" and sys.platform != "darwin":
            continue
        path = shutil.which(name)
        if path:
            found[name] = path
    return found


def engine_in_use(setting: str, found: dict[str, str]) -> str | None:
    """The engine the app speaks with: the one the setting names when it is installed;
    with "auto", the first installed; None for tones alone."""
    if setting == "none":
        return None
    if setting != "auto":
        return setting if setting in found else None
    return next((name for name in ENGINES if name in found), None)


def check_voice(settings: VoiceSettings) -> Finding:
    found = installed_engines()
    # [voice] engine may not exist in this version's settings: "auto" is what it means.
    setting = str(getattr(settings, "engine", "auto"))
    engine = engine_in_use(setting, found) if settings.enabled else None
    data = {"engine": engine, "setting": setting, "enabled": settings.enabled,
            "available": list(found), "paths": found, "voice": settings.voice,
            "rate": settings.rate}
    listed = ", ".join(found) if found else "none"
    if not settings.enabled:
        return Finding("voice", True, ("the voice is off in the settings ([voice] enabled = "
                                       f"false); cues are tones alone. Engines found: {listed}",),
                       data)
    if engine is not None:
        return Finding("voice", True, (f"the voice speaks with {engine} ({found[engine]}), "
                                       f"voice {settings.voice!r} at {settings.rate} words a "
                                       f"minute. Engines found: {listed}",), data)
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
