"""How the app's streams meet ALSA: quietly, and marked as announcements.

libasound prints its own errors ("ALSA lib pcm.c: ...") to stderr. Those lines would be
drawn straight over the Textual screen, and on a machine without a sound card every failed
open prints several. We hand ALSA a handler that does nothing; failures still reach us as
exceptions from the audio library, which we turn into one readable notice.

Where ALSA's default device is a sound server (PulseAudio, or PipeWire's pulse service),
each stream is a client of it, and the server can lower the runner's music while an
announcement plays (PulseAudio's role ducking). It knows a stream's role from the
``media.role`` property, which libpulse takes from the environment when the stream opens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading

STREAM_ROLE = "event"  # PulseAudio's role for sounds that announce something
_ROLE_VARIABLE = "PULSE_PROP_media.role"

# ALSA's handler is variadic: (file, line, function, err, fmt, ...). A C caller cleans up
# its own arguments, so a callback declaring only the fixed ones is safe to install.
_HANDLER_TYPE = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                 ctypes.c_int, ctypes.c_char_p)


def _ignore(file: bytes | None, line: int, function: bytes | None, err: int,
            fmt: bytes | None) -> None:
    return None


# Held at module level: if the callback object were collected, ALSA would call freed memory.
_HANDLER = _HANDLER_TYPE(_ignore)
_lock = threading.Lock()
_installed = False


def silence_alsa() -> bool:
    """Install the do-nothing error handler once per process. Safe to call often, and
    harmless where libasound is missing (returns False then)."""
    global _installed
    with _lock:
        if _installed:
            return True
        if not sys.platform.startswith("linux"):
            return False
        lib = _load_libasound()
        if lib is None:
            return False
        try:
            lib.snd_lib_error_set_handler(_HANDLER)
        except (AttributeError, OSError):
            return False
        _installed = True
        return True


def _load_libasound() -> ctypes.CDLL | None:
    # dlopen of the soname returns the very library the audio extension links, so the
    # handler set here is the one its opens report through.
    for name in ("libasound.so.2", ctypes.util.find_library("asound")):
        if not name:
            continue
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    return None


def mark_streams_as_events() -> bool:
    """Give every stream this process opens from now on the role "event", so a sound
    server that ducks music for events lowers the music under each cue and phrase.

    A role the user chose (``PULSE_PROP_media.role``, or ``media.role`` in ``PULSE_PROP``)
    is left alone. Returns True when the role is now set by us or by the user."""
    if _ROLE_VARIABLE in os.environ or "media.role" in os.environ.get("PULSE_PROP", ""):
        return True
    try:
        os.environ[_ROLE_VARIABLE] = STREAM_ROLE  # putenv too, so libpulse sees it
    except (OSError, ValueError):
        return False
    return True
