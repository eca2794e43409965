"""The text-to-speech program: which one is installed, and rendering a phrase to a WAV file.

Step names come from user files, so the text reaches the engine as data only: the command
is an argument list run without a shell, and the text sits after ``--`` (espeak) or goes
in on stdin (``say``), so a name such as "-w /etc/passwd" or "$(rm -rf ~)" is just words.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

RENDER_TIMEOUT = 20.0  # seconds; a phrase takes espeak-ng a few milliseconds
DEFAULT_VOICE = "en"
# Voice names as the engines spell them ("en-us", "en+f3", "mb-en1", "Good News"); anything
# else falls back to the engine's own default rather than reaching its command line.
_VOICE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _+.\-]{0,63}")


@dataclass(frozen=True)
class Engine:
    """An installed speech program: ``name`` is its kind, ``path`` the executable."""

    name: str  # "espeak-ng", "espeak" or "say"
    path: str


def find_engine() -> Engine | None:
    """The first speech program on PATH: espeak-ng, then espeak, then macOS's say."""
    candidates = ["espeak-ng", "espeak"]
    if sys.platform == "darwin":
        candidates.append("say")
    for name in candidates:
        path = shutil.which(name)
        if path:
            return Engine(name, path)
    return None


def safe_voice(voice: str) -> str | None:
    """``voice`` when it looks like a voice name, else None (use the engine's default)."""
    voice = voice.strip()
    return voice if _VOICE_NAME.fullmatch(voice) else None


def knows_voice(engine: Engine, voice: str) -> bool:
    """Whether the engine has ``voice``. espeak refuses an unknown voice outright (and
    would then say nothing at all), so it is asked once, quietly, before any rendering;
    ``say`` falls back to its own voice, so it is taken at its word."""
    chosen = safe_voice(voice)
    if chosen is None:
        return False
    if engine.name == "say":
        return True
    try:
        result = subprocess.run([engine.path, "-v", chosen, "--stdout", "--", "."],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, timeout=RENDER_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return True  # the engine itself is in trouble; rendering will find out
    return result.returncode == 0


def command(engine: Engine, text: str, voice: str, rate: int, out: Path) -> list[str]:
    """The argument list that renders ``text`` to the WAV file ``out``."""
    chosen = safe_voice(voice)
    if engine.name == "say":
        # say's voices are names like "Samantha"; the espeak-style default means "yours".
        args = [engine.path, "-r", str(rate), "-o", str(out), "--file-format=WAVE",
                "--data-format=LEI16@22050", "-f", "-"]
        if chosen and chosen != DEFAULT_VOICE:
            args[1:1] = ["-v", chosen]
        return args
    args = [engine.path, "-s", str(rate), "-w", str(out)]
    if chosen:
        args[1:1] = ["-v", chosen]
    # "--" ends the options: whatever the text starts with, it is spoken, not parsed.
    return [*args, "--", text]


def render(engine: Engine, text: str, voice: str, rate: int, out: Path) -> bool:
    """Render ``text`` into ``out``; True when the engine succeeded and wrote a file."""
    stdin = text.encode("utf-8") if engine.name == "say" else b""
    try:
        result = subprocess.run(command(engine, text, voice, rate, out), input=stdin,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                timeout=RENDER_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError, ValueError):
        return False
    try:
        return result.returncode == 0 and out.stat().st_size > 0
    except OSError:
        return False
