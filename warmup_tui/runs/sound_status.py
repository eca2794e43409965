"""What the runner set the session's sound to, as the screen's indicator shows it.

Its own small module: the session screen imports it at start-up, before the sounds, the
voice and the log (which ``runs/sinks.py`` brings) are loaded on a worker.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SoundStatus:
    """The app's sound as the runner set it."""

    muted: bool
    clicks: bool
    voice: bool
