"""Which library opens the app's sound streams: simpleaudio, loaded here, or (``REMOTE``)
the player process, which loads it there (``player_process``), so the app's process never
holds simpleaudio, ctypes and libasound (about 1 MB) unless that process dies."""

from __future__ import annotations

import importlib
from typing import Any, NoReturn

NO_LIBRARY = "sound: the audio library (simpleaudio) is not available; using the terminal bell"


class _Remote:
    """Stands in for simpleaudio where the player process opens the streams."""

    @staticmethod
    def play_buffer(*_args: Any) -> NoReturn:
        raise RuntimeError("the sound player process has gone")

    @staticmethod
    def stop_all() -> None:
        return None


REMOTE = _Remote()


def audio_library() -> Any:
    """simpleaudio, with ALSA quiet and each stream marked as an announcement; None when it
    cannot be loaded (missing, or a broken build failing to load its own library)."""
    from warmup_tui.audio.alsa import mark_streams_as_events, silence_alsa

    silence_alsa()  # before anything can open a device
    mark_streams_as_events()  # read by libpulse when each stream opens
    try:
        return importlib.import_module("simpleaudio")
    except Exception:
        return None
