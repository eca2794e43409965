"""Opening the Textual app from the command line (imported lazily: headless runs skip it)."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from warmup_tui.common import signals

if TYPE_CHECKING:  # home loads the routines after its first frame (see WarmupApp.library)
    from warmup_tui.cli.command import Options
    from warmup_tui.routines.library import Entry
    from warmup_tui.runs.plan import PlannedRun
    from warmup_tui.ui.app import WarmupApp


def _follow_the_terminal_size() -> None:
    """Textual reads COLUMNS and LINES before asking the terminal, so exported values would
    freeze the screen at one size and every resize would be ignored."""
    os.environ.pop("COLUMNS", None)
    os.environ.pop("LINES", None)


@contextmanager
def _garbage_held_back() -> Iterator[None]:
    """No garbage collection from Textual's import until the first frame is up (the app
    turns it back on then): collections took some 7 ms of Textual's import, and the
    objects the imports leave made a full one fall due just as a session's first frame
    was drawn, holding it back some 15 ms. The garbage is collected a moment later
    instead; nothing is kept for good."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _run_app(args: Options | None, runs: list[PlannedRun] | None,
             chain: Callable[[], list[PlannedRun]] | None = None) -> int:
    """``args``: the command's options; None (a bare ``warmup``) takes every default.
    ``chain``: plans what follows ``runs`` (see WarmupApp)."""
    with _garbage_held_back():
        from warmup_tui.ui.app import WarmupApp

        _follow_the_terminal_size()
        # A session asked for from the shell ends there; only plain ``warmup`` goes home.
        app = WarmupApp(speed=getattr(args, "speed", 1.0), mute=getattr(args, "mute", False),
                        start_runs=runs, start_chain=chain,
                        voice=getattr(args, "voice", None), ends_in_shell=bool(runs))
        return _until_it_ends(app)


def _until_it_ends(app: WarmupApp) -> int:
    """Runs the app; while it runs, a signal is the app's to handle (it restores the
    terminal and records the session), not an exception thrown into Textual."""
    with signals.listening(app.signal_ending.on_signal):
        result = app.run()
    return result if isinstance(result, int) else 0


def open_home(args: Options | None) -> int:
    return _run_app(args, None)


def open_session(entry: Entry, args: Options) -> int:
    """Start the app straight into ``entry`` and whatever it chains into.

    Only ``entry`` is planned before the app opens. What it chains into (pre-run: the
    programme's next session, which means the programme, its state and the log) is
    planned on a worker once the get-ready is up, and arrives well before the first step
    ends: importing and reading all that first made the get-ready's first frame wait.
    """
    from warmup_tui.runs.plan import planned_run

    first = replace(planned_run(entry), asked_by_name=True)
    if first.has_running:
        # A sore run's fixes change this run's own cues, so they are read before its
        # first frame (a warmup on its own never opens the log for them).
        from warmup_tui.runs.fixes import fixes_after_sore_run

        first = fixes_after_sore_run([first])[0]
    chains = entry.routine is not None and entry.routine.then
    return _run_app(args, [first], partial(_what_follows, entry) if chains else None)


def _what_follows(entry: Entry) -> list[PlannedRun]:
    """What ``entry`` chains into (the app's worker calls it)."""
    from warmup_tui.routines.library import Library
    from warmup_tui.runs.today import what_follows

    return what_follows(Library(), entry)


def open_runs(runs: list[PlannedRun], args: Options) -> int:
    """Start the app straight into a prepared queue of sessions (``today``, ``intervals``)."""
    return _run_app(args, runs)


def open_editor(ref: str, args: Options) -> int:
    """Start the app in the routine editor on ``ref`` (a name or a path); the app ends when
    the editor closes. A routine that does not load raises ProblemsError before the app
    starts (``warmup edit --external`` fixes such a file by hand)."""
    from warmup_tui.routines.library import Library

    with _garbage_held_back():
        from warmup_tui.ui.app import WarmupApp
        from warmup_tui.ui.screens.editor import editor_for

        _follow_the_terminal_size()
        library = Library()
        screen = editor_for(ref, library, preview_speed=getattr(args, "speed", 10.0))
        app = WarmupApp(library=library, mute=getattr(args, "mute", False),
                        start_screen=lambda: screen)
        return _until_it_ends(app)
