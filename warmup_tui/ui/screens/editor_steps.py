"""The editor's step list keys: add, delete, duplicate, move, and the run-walk block.
Mixed into :class:`EditorScreen`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from warmup_tui.ui.screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from warmup_tui.ui.screens.editor import EditorScreen

    _Base = EditorScreen
else:
    _Base = object


class EditorStepActions(_Base):
    """Each action changes the draft, then shows it with the new selection."""

    def _after_list_change(self, selected: int | None) -> None:
        self.selected = selected
        self._list_shown = None
        self._fill_step()
        self.refresh_view()

    def action_add_step(self) -> None:
        self._after_list_change(self.draft.add_step(self.selected))

    def action_delete_step(self) -> None:
        if self.selected is None:
            return
        name = self.draft.steps[self.selected].name
        self._after_list_change(self.draft.delete_step(self.selected))
        self.notify(f"Deleted {name or 'the step'}; close without saving to get it back",
                    timeout=4)

    def action_duplicate_step(self) -> None:
        if self.selected is not None:
            self._after_list_change(self.draft.duplicate_step(self.selected))

    def action_move_step(self, offset: int) -> None:
        if self.selected is not None:
            self._after_list_change(self.draft.move_step(self.selected, offset))

    def action_toggle_runwalk(self) -> None:
        def apply(yes: bool | None = True) -> None:
            if yes:
                self.draft.toggle_runwalk()
                self.fill_form()

        if self.draft.runwalk is None:
            apply()
            return
        self.app.push_screen(ConfirmScreen("Remove the run-walk block?",
                                           "The steps stay; the run and walk intervals go."),
                             apply)
