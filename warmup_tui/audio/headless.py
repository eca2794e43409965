"""Sound for headless runs (``--plain`` / ``--json``): the bell and notices go to stderr."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.metronome import Metronome
from warmup_tui.audio.metronome_sink import MetronomeSink, carries_cadence
from warmup_tui.audio.player import Player
from warmup_tui.common.config import Settings, load_settings
from warmup_tui.common.terminal_text import shown
from warmup_tui.engine.clock import MonotonicClock
from warmup_tui.engine.timeline import Segment

_player: Player | None = None  # one per process, so a chained run reports a problem once


def _bell() -> None:
    sys.stderr.write("\a")
    sys.stderr.flush()


def _notice(message: str) -> None:
    print(shown(message), file=sys.stderr, flush=True)


def _shared_player(settings: Settings) -> Player:
    global _player
    if _player is None:
        _player = Player(volume=settings.sound.volume, bell=_bell, on_notice=_notice)
    return _player


def headless_cue_sounds(mute: bool = False) -> CueSounds | None:
    """A CueSounds sink using the user's sound settings, or None when sound is muted."""
    settings, _problems = load_settings()  # problems are reported where settings are shown
    if mute or settings.sound.mute:
        return None
    return CueSounds(_shared_player(settings), settings.sound)


def headless_metronome(segments: Sequence[Segment], mute: bool = False) -> MetronomeSink | None:
    """Cadence clicks for the run segments when the settings ask for them or the session
    carries a cadence (``--cadence``, a routine's own); None when there is nothing to click
    or sound is muted. The caller stops it when the session ends."""
    settings, _problems = load_settings()
    if mute or settings.sound.mute:
        return None
    has_runs = any(seg.kind == "run" for seg in segments)
    if not has_runs or not (settings.sound.metronome or carries_cadence(segments)):
        return None
    cadence = settings.training.cadence
    # Real time whatever --speed says, as in the app: the clicks are for the runner's feet.
    metronome = Metronome(_shared_player(settings), MonotonicClock(), cadence)
    return MetronomeSink(metronome, cadence, enabled=True)
