"""Speech for headless runs (``--plain`` / ``--json``), alongside the cue sounds."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from warmup_tui.audio.cues import CueSounds
from warmup_tui.audio.player import Player
from warmup_tui.audio.speech_engine import find_engine
from warmup_tui.audio.voice import Voice, make_voice
from warmup_tui.common.config import load_settings
from warmup_tui.engine.timeline import Segment

# A headless run has no get-ready, so the first phrase is due the moment it starts: wait
# for that one (a few milliseconds, or nothing once cached); the rest render as it runs.
FIRST_PHRASE_WAIT = 5.0

_voice: Voice | None = None  # one per process, so a chained run reuses what is rendered
_told = False


def _tell(message: str) -> None:
    print(f"voice: {message}", file=sys.stderr, flush=True)


def headless_voice(cues: CueSounds | None, enabled: bool | None,
                   segments: Sequence[Segment] | None = None) -> Voice | None:
    """A Voice sink playing through the cue sink's player, or None when there is no sound
    (``cues`` is None when muted), speech is off, or no engine is installed. ``enabled``
    is the ``--voice``/``--no-voice`` choice (None: the config decides)."""
    global _voice, _told
    if cues is None or not isinstance(cues.player, Player):
        return None
    if _voice is None:
        settings, _problems = load_settings()  # problems are reported where settings are shown
        _voice = make_voice(cues.player, settings.voice, enabled, sound=cues.settings,
                            notice=_tell)
        # Asked for by name and impossible: say why once. Otherwise no engine is no news.
        if _voice is None and enabled and not _told and find_engine() is None:
            _told = True
            print("voice: no speech engine found (install espeak-ng); tones only",
                  file=sys.stderr, flush=True)
    if _voice is not None and segments:
        _voice.prepare(segments)
        _voice.wait_ready(FIRST_PHRASE_WAIT, count=1)
    return _voice
