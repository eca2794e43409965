"""The editor's longer conversations: saving, with the questions the file on disk calls
for, and hand editing in the user's own editor. Each runs in a worker of the editor screen
(it waits on the answers) and goes through the screen's :class:`EditorSession`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from warmup_tui.common.external_editor import find_editor
from warmup_tui.common.problems import ProblemsError
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.editor.hand_edit import edit_until_loads

if TYPE_CHECKING:
    from warmup_tui.ui.screens.editor.screen import EditorScreen


async def save(editor: EditorScreen) -> bool:
    """Saves the draft if it is valid and the user agrees to any overwrite; whether saved."""
    session = editor.session
    editor.refresh_view()
    routine = session.check.routine
    if routine is None or not session.check.ok:
        editor.refuse("Not saved")
        return False
    if not await _agreed_to_save(editor):
        editor.notify("Not saved", timeout=3)
        return False
    failure = session.save(routine)
    if failure is not None:
        editor.notify(failure, severity="error", timeout=8)
        return False
    editor.refresh_view()
    editor.notify(f"Saved {session.target.shown}", timeout=3)
    return True


async def _agreed_to_save(editor: EditorScreen) -> bool:
    """Whether the user agrees to every question the file on disk calls for. A file that
    changes while a question is open is looked at again, so the answers are always about
    the file that is about to be written over."""
    target = editor.session.target
    while True:
        seen = target.current_text()
        for question in editor.session.save_questions():
            if not await editor.app.push_screen_wait(ConfirmScreen(
                    question.title, question.body, yes=question.yes, no=question.no)):
                return False
        if target.current_text() == seen:
            return True


async def hand_edit(editor: EditorScreen) -> None:
    """Opens the file in $VISUAL/$EDITOR, then checks it, until it loads or the user
    leaves it as written."""
    try:
        find_editor()  # no editor to run: say so before asking anything
    except ProblemsError as error:
        editor.notify(error.problems[0].message, severity="error", timeout=8)
        return
    session = editor.session
    if session.dirty:
        save_first = await editor.app.push_screen_wait(ConfirmScreen(
            "Save your changes first?",
            "Your editor opens the file as saved; changes\nnot saved would not be in it.",
            yes="Save and open", no="Cancel"))
        if not save_first or not await save(editor):
            return
    if session.needs_own_copy:
        try:
            session.target.copy_source_verbatim()
        except (OSError, ProblemsError) as error:
            editor.notify(f"Could not make your copy: {error}", severity="error", timeout=8)
            return
        editor.notify(f"Made your own copy to edit: {session.target.shown}", timeout=4)
    outcome, routine = await edit_until_loads(editor.app, session.target.path,
                                              session.reload_from_file)
    if outcome == "left":
        editor.dismiss(True)  # the fields cannot show a file that does not load
    elif routine is not None:
        session.took_hand_edit(routine)
        editor.fill_form()
