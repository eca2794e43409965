"""Ending the app on SIGINT, SIGTERM or SIGHUP (Ctrl+C, ``kill``, a closed terminal).

The signal handler runs outside the event loop (see ``warmup_tui.common.signals``), so
the ending is handed to the loop, which restores the terminal on the way out. A running
session is cut off, not stopped, so the next start offers to resume it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from typing import TYPE_CHECKING

from warmup_tui.common import signals

if TYPE_CHECKING:
    from warmup_tui.ui.app import WarmupApp

EXIT_GRACE_SECONDS = 3.0  # for Textual's shutdown before the process ends anyway
SETTLE_SECONDS = 0.01  # between looks at a screen still being set up


class SignalEnding:
    """The app's way out on a signal; ``ended`` once it has begun."""

    def __init__(self, app: WarmupApp) -> None:
        self.app = app
        self.ended = False
        self._loop: asyncio.AbstractEventLoop | None = None

    def on_signal(self, signum: int) -> None:
        """Called by the signal handler, from any thread. Before the loop runs,
        :meth:`watch` picks the signal up instead."""
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has closed: nothing to end
                loop.call_soon_threadsafe(self._end, signum)

    def watch(self) -> None:
        """From the app's mount, on its loop: a signal that came while the app was
        starting ends it now."""
        self._loop = asyncio.get_running_loop()
        early = signals.received()
        if early is not None:
            self._end(early)

    def _end(self, sig: int) -> None:
        if self.ended:
            return
        if not all(screen.is_mounted for screen in self.app.screen_stack):
            # A screen is still being set up: ending now would take its widgets away
            # while its on_mount looks for them. End as soon as it is ready.
            # A plain loop callback, not a Textual timer: one made this early may never fire.
            asyncio.get_running_loop().call_later(SETTLE_SECONDS, self._end, sig)
            return
        self.ended = True
        code = signals.exit_code_for(sig)
        self.app.stop_and_exit(code)
        # Textual's shutdown writes to the terminal; when the terminal has gone (a closed
        # window, a killed tmux) that write can block for ever and the process lingers,
        # spinning. The session is already saved, so make sure the process ends.
        watchdog = threading.Timer(EXIT_GRACE_SECONDS, os._exit, args=(code,))
        watchdog.daemon = True
        watchdog.start()
