"""How SIGINT, SIGTERM and SIGHUP end the process, from its first moment to its last.

:func:`install` is the first thing the entry point does, before any heavy import, so a
signal at start-up never shows a traceback. Until the app takes over, a signal raises
:class:`Interrupted` (a KeyboardInterrupt, so a headless run stops and records its session
the way it does for Ctrl+C); the entry point turns it into the conventional exit code,
128 + the signal's number. While the app runs it has registered a listener with
:func:`listening` and the signal is handed to it instead: the app ends itself, restoring the
terminal and recording the session. :func:`held` keeps a signal from cutting a piece of
work in two. This module imports nothing heavy on purpose.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

HANDLED = ("SIGINT", "SIGTERM", "SIGHUP")
EXIT_INTERRUPTED = 128 + signal.SIGINT
RESEND_SECONDS = 0.01

Listener = Callable[[int], None]


class Interrupted(KeyboardInterrupt):
    """The process was asked to end by a signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _State:
    received: int | None = None  # the first signal that asked the process to end
    listener: Listener | None = None
    holding = False  # inside held(): raising waits for the end of the block
    held_back: int | None = None


def install() -> None:
    """Route every handled signal through :func:`_handle`. One that is ignored already
    (``nohup``, a background job) stays ignored."""
    for name in HANDLED:
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) is not signal.SIG_IGN:
            signal.signal(sig, _handle)
    sys.unraisablehook = _send_again_if_swallowed


def _send_again_if_swallowed(info: sys.UnraisableHookArgs) -> None:
    """An Interrupted raised where Python cannot pass it on (a weakref callback, say, in
    the middle of an import) is printed and dropped. Send the signal again instead, a
    moment later from another thread, so that it lands in ordinary code."""
    if isinstance(info.exc_value, Interrupted):
        _State.received = None
        _send_again(info.exc_value.signum)
        return
    sys.__unraisablehook__(info)


def _send_again(signum: int) -> None:
    import threading  # only here: start-up does not need it

    again = threading.Timer(RESEND_SECONDS, os.kill, (os.getpid(), signum))
    again.daemon = True
    again.start()


def _inside_the_hook(frame: FrameType | None) -> bool:
    while frame is not None:
        if frame.f_code is _send_again_if_swallowed.__code__:
            return True
        frame = frame.f_back
    return False


def _handle(signum: int, frame: FrameType | None) -> None:
    if _inside_the_hook(frame):
        # The signal sent again landed before the hook returned (a busy machine can hold
        # it there for longer than RESEND_SECONDS): raised here, Python would drop it too.
        _send_again(signum)
        return
    first = _State.received is None
    if first:
        _State.received = signum
    if _State.listener is not None:
        _State.listener(signum)
    elif first and _State.holding:
        _State.held_back = signum
    elif first:
        raise Interrupted(signum)
    # A repeat while the first is being dealt with is dropped: the process is already on
    # its way out, and a second exception there would cut its clean-up short.


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Hands signals to ``listener`` (which must not raise) instead of raising, for as
    long as the block runs."""
    _State.listener = listener
    try:
        yield
    finally:
        _State.listener = None


@contextmanager
def held() -> Iterator[None]:
    """A signal during the block is raised when it ends, not in the middle: for work that
    must not be cut in two, such as one event reaching every sink (the log above all)."""
    if _State.holding:
        yield
        return
    _State.holding = True
    try:
        yield
    finally:
        _State.holding = False
        signum, _State.held_back = _State.held_back, None
        if signum is not None:
            raise Interrupted(signum)


def ignore_from_now() -> None:
    """The process is on its way out with its work done: a signal now changes nothing,
    and must not raise where nothing is left to catch it."""
    _State.listener = _ignore


def _ignore(signum: int) -> None:
    pass


def received() -> int | None:
    """The signal that asked the process to end, if one did."""
    return _State.received


def exit_code(stop: BaseException | None = None) -> int:
    """The exit code for ending by ``stop`` (an :class:`Interrupted`), else by the signal
    received; Ctrl+C's when neither says which (a KeyboardInterrupt raised by Python)."""
    number = getattr(stop, "signum", None) or _State.received
    return exit_code_for(number) if number is not None else EXIT_INTERRUPTED


def exit_code_for(signum: int) -> int:
    """The conventional exit code of a process ended by ``signum``: 130, 143, 129."""
    return 128 + signum
