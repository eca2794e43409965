"""Sound for headless runs (``--plain`` / ``--json``): the bell and notices go to stderr."""

from __future__ import annotations

import sys

from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.player import Player
from warmup_tui.config import load_settings

_player: Player | None = None  # one per process, so a chained run reports a problem once


def _bell() -> None:
    sys.stderr.write("\a")
    sys.stderr.flush()


def _notice(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def headless_cue_sounds(mute: bool = False) -> CueSounds | None:
    """A CueSounds sink using the user's sound settings, or None when sound is muted."""
    global _player
    settings, _problems = load_settings()  # problems are reported where settings are shown
    if mute or settings.sound.mute:
        return None
    if _player is None:
        _player = Player(volume=settings.sound.volume, bell=_bell, on_notice=_notice)
    return CueSounds(_player, settings.sound)
