"""The editor's longer conversations: saving (with its questions), hand editing in the
user's own editor, and the sped-up preview. Mixed into :class:`EditorScreen`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from warmup_tui.common.external_editor import find_editor
from warmup_tui.common.problems import ProblemsError
from warmup_tui.engine.summary import SessionSummary
from warmup_tui.engine.timeline import build_timeline
from warmup_tui.routines.save_target import EditTarget
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.hand_edit import edit_until_loads
from warmup_tui.ui.screens.session import SessionScreen

if TYPE_CHECKING:
    from warmup_tui.ui.screens.editor import EditorScreen

    _Base = EditorScreen
else:
    _Base = object


class EditorFlows(_Base):
    """Save, hand edit and preview, as used by the editor's keys."""

    def _refuse(self, what: str) -> None:
        check = self.check
        more = len(check.problems) - 1
        reason = check.describe(check.problems[0]) if check.problems else "it has problems"
        extra = f" (and {more} more)" if more > 0 else ""
        self.notify(f"{what}: {reason}{extra}", title="Fix the marked fields first",
                    severity="error", timeout=8)

    async def save_flow(self) -> bool:
        """Saves the draft if it is valid and the user agrees to any overwrite; whether saved."""
        self.refresh_view()
        routine = self.check.routine
        if routine is None or not self.check.ok:
            self._refuse("Not saved")
            return False
        target = self.target
        if not await self._agreed_to_save(target):
            self.notify("Not saved", timeout=3)
            return False
        try:
            target.save(routine)
        except OSError as error:
            # The failing path may be a folder on the way, not the file: name it then.
            where = f" ({error.filename})" if error.filename and \
                str(error.filename) != str(target.path) else ""
            self.notify(f"Not saved: {target.shown}: {error.strerror or error}{where}",
                        severity="error", timeout=8)
            return False
        self.saved_draft = self.draft.copy()
        self.saved_once = True
        self.refresh_view()
        self.notify(f"Saved {target.shown}", timeout=3)
        return True

    async def _agreed_to_save(self, target: EditTarget) -> bool:
        """Whether the user agrees to every question the file on disk calls for. A file
        that changes while a question is open is looked at again, so the answers are
        always about the file that is about to be written over."""
        while True:
            seen = target.current_text()
            if not await self._answer_questions(target):
                return False
            if target.current_text() == seen:
                return True

    async def _answer_questions(self, target: EditTarget) -> bool:
        backup = target.backup.name
        conflict = target.conflict()
        # ConfirmScreen does not wrap its lines: each is kept short.
        if conflict is not None and not await self.app.push_screen_wait(ConfirmScreen(
                f"{conflict}.", f"Save over it? What is there now is kept\nas {backup}.",
                yes="Save over it", no="Cancel")):
            return False
        return not target.comments_lost() or bool(await self.app.push_screen_wait(
            ConfirmScreen(f"{target.path.name} has comments.",
                          "Saving from here drops them. The file as it is\n"
                          f"now, comments and all, is kept as {backup}.",
                          yes="Save", no="Cancel")))

    async def hand_edit_flow(self) -> None:
        """Opens the file in $VISUAL/$EDITOR, then checks it, until it loads or the user
        leaves it as written."""
        try:
            find_editor()  # no editor to run: say so before asking anything
        except ProblemsError as error:
            self.notify(error.problems[0].message, severity="error", timeout=8)
            return
        target = self.target
        if self.dirty:
            save_first = await self.app.push_screen_wait(ConfirmScreen(
                "Save your changes first?",
                "Your editor opens the file as saved; changes\nnot saved would not be in it.",
                yes="Save and open", no="Cancel"))
            if not save_first or not await self.save_flow():
                return
        if not target.path.exists():
            try:
                target.copy_source_verbatim()
            except (OSError, ProblemsError) as error:
                self.notify(f"Could not make your copy: {error}", severity="error", timeout=8)
                return
            self.notify(f"Made your own copy to edit: {target.shown}", timeout=4)
        outcome, routine = await edit_until_loads(self.app, target.path,
                                                  lambda: target.reload(self.library))
        if outcome == "left":
            self.dismiss(True)  # the fields cannot show a file that does not load
        elif routine is not None:
            self.load_routine(routine)
            self.saved_once = True

    def preview(self) -> None:
        """Runs the draft as a session at preview speed; nothing is logged and no sound plays."""
        routine = self.check.routine
        if routine is None or not self.check.ok:
            self._refuse("No preview")
            return
        speed = self.preview_speed
        run = PlannedRun(self.target.routine_id, f"{routine.name} (preview at {speed:g}x)",
                         tuple(build_timeline(routine)))
        get_ready = float(getattr(self.app, "get_ready", 3.0))

        def ended(summary: SessionSummary | None) -> None:
            self.notify("Preview over: back in the editor", timeout=3)

        self.app.push_screen(SessionScreen(run, self.preview_clock(speed), [],
                                           get_ready=get_ready), ended)
