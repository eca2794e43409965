"""The text-to-speech program: which one is installed, and rendering a phrase to a WAV file.

Step names come from user files, so the text reaches the engine as data only: the command
is an argument list run without a shell, and the text sits after ``--`` (espeak) or goes
in on stdin (``say``, Piper), so a name such as "-w /etc/passwd" or "$(rm -rf ~)" is just
words. Piper (the optional neural voice) runs as a program of its own: see piper_engine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warmup_tui.audio import piper_engine

RENDER_TIMEOUT = 20.0  # seconds; a phrase takes espeak-ng a few milliseconds
DEFAULT_VOICE = "en"
# Voice names as the engines spell them ("en-us", "en+f3", "mb-en1", "Good News"); anything
# else falls back to the engine's own default rather than reaching its command line.
_VOICE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _+.\-]{0,63}")


@dataclass(frozen=True)
class Engine:
    """An installed speech program: ``name`` is its kind, ``path`` the executable."""

    name: str  # "piper", "espeak-ng", "espeak" or "say"
    path: str
    model: str = ""  # Piper's voice model file; empty for the others

    @property
    def batch(self) -> bool:
        """Whether one process should render many phrases (its start-up is the slow part)."""
        return self.name == "piper"


# In the order "auto" picks them. ``say`` is macOS's; a Linux ``say`` is something else.
ENGINES = ("piper", "espeak-ng", "espeak", "say")
_CANDIDATES = {"auto": ENGINES, "piper": ("piper",), "espeak": ("espeak-ng", "espeak"),
               "say": ("say",)}


def installed(name: str) -> Engine | None:
    """The engine called ``name`` (one of ``ENGINES``) when it is installed here."""
    if name == "piper":
        piper = piper_engine.find_piper()  # beside the app's Python, then on PATH
        return Engine("piper", *piper) if piper is not None else None
    if name == "say" and sys.platform != "darwin":
        return None
    path = shutil.which(name)
    return Engine(name, path) if path else None


def find_engine(choice: str = "auto") -> Engine | None:
    """The speech program ``choice`` names, when installed: "auto" takes Piper, then
    espeak-ng, then espeak, then macOS's say; "none" (or nothing found) is None."""
    for name in _CANDIDATES.get(choice, ()):
        engine = installed(name)
        if engine is not None:
            return engine
    return None


def chosen_engine(choice: str, notice: Callable[[str], None] | None) -> Engine | None:
    """The engine the setting names; one that is not installed is told to ``notice`` and
    the first installed one speaks instead."""
    engine = find_engine(choice)
    if engine is None and choice not in ("auto", "none"):
        engine = find_engine("auto")
        if notice is not None:
            instead = f"using {engine.name}" if engine else "tones only"
            hint = " (pip install 'warmup-tui[voice]')" if choice == "piper" else ""
            notice(f"voice engine {choice} is not installed{hint}; {instead}")
    return engine


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
    if engine.name in ("say", "piper"):
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
    if engine.name == "piper":
        return _render_with_piper(engine, text, rate, out)
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


def _render_with_piper(engine: Engine, text: str, rate: int, out: Path) -> bool:
    """One phrase through a Piper batch of one, moved to ``out``."""
    folder = out.with_name(out.name + ".piper")
    try:
        folder.mkdir(exist_ok=True)
        for _, written in piper_engine.render_batch(engine.path, engine.model, rate,
                                                    [text], folder):
            if written is None:
                return False
            written.replace(out)
        return out.stat().st_size > 0
    except OSError:
        return False
    finally:
        shutil.rmtree(folder, ignore_errors=True)
