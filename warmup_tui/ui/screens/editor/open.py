"""Opening the editor on a routine by name or path, from the command line or the home
screen (whose list is then reloaded to show what was saved)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from warmup_tui.common.problems import ProblemsError
from warmup_tui.routines.files import load_routine
from warmup_tui.routines.library import Library
from warmup_tui.routines.save_target import check_file, target_for
from warmup_tui.ui.screens.editor.hand_edit import fix_by_hand
from warmup_tui.ui.screens.editor.screen import PREVIEW_SPEED, ClockForSpeed, EditorScreen

if TYPE_CHECKING:
    from warmup_tui.ui.screens.home import HomeScreen


def editor_for(ref: str, library: Library, *, preview_speed: float = PREVIEW_SPEED,
               preview_clock: ClockForSpeed | None = None) -> EditorScreen:
    """The editor on a routine by name or path; ProblemsError when the file does not load
    (hand editing, ``warmup edit --external``, is the way to fix such a file)."""
    path, source = library.locate(ref)
    routine = check_file(path, library)
    target = target_for(path, source, library.user)
    return EditorScreen(target, routine, library, preview_speed=preview_speed,
                        preview_clock=preview_clock)


def edit_from_home(home: HomeScreen, routine_id: str) -> None:
    """Pushes the editor on ``routine_id``; when it closes having saved, the home list is
    reloaded so the new length (or the new user copy) shows. A file that does not load
    cannot be shown in the editor's fields, so it goes to the user's own text editor."""
    app = home.app
    library = home.services.library
    try:
        path, _source = library.locate(routine_id)
    except ProblemsError as error:
        app.notify(str(error.problems[0]), severity="error", timeout=8)
        return
    try:
        screen = editor_for(routine_id, library)
    except ProblemsError as error:
        if _loads_on_its_own(path):
            # Its own file is fine (a bundled one always is): what is wrong lies further
            # down its chain, and that file is the one to fix.
            for problem in error.problems:
                app.notify(str(problem), severity="error", timeout=8)
        else:
            app.run_worker(_fix_then_reload(home, path, library), exclusive=True,
                           group="hand-edit")
        return

    def closed(saved: bool | None) -> None:
        if saved:
            home.reload()

    app.push_screen(screen, closed)


def _loads_on_its_own(path: Path) -> bool:
    try:
        load_routine(path)
    except ProblemsError:
        return False
    return True


async def _fix_then_reload(home: HomeScreen, path: Path, library: Library) -> None:
    if await fix_by_hand(home.app, path, library) != "failed":
        home.reload()  # fixed, or left with other problems: show them
