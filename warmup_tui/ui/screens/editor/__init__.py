"""The routine editor: the screen (``screen``), its save and hand-edit conversations
(``flows``, ``hand_edit``), and opening it on a routine (``open``). The draft and the
decisions about it live in :mod:`warmup_tui.routines.editor_session`."""

from warmup_tui.ui.screens.editor.open import edit_from_home, editor_for
from warmup_tui.ui.screens.editor.screen import EditorScreen

__all__ = ["EditorScreen", "edit_from_home", "editor_for"]
