"""Keeps libasound from printing its own errors ("ALSA lib pcm.c: ...") to stderr.

Those lines would be drawn straight over the Textual screen, and on a machine without a
sound card every failed open prints several. We hand ALSA a handler that does nothing;
failures still reach us as exceptions from the audio library, which we turn into one
readable notice.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading

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
