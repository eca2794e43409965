"""One editing session on a routine, with no screen: the draft and the file it saves to,
the selected step, the latest check, and the decisions around saving and hand editing.
The editor screen shows this state and asks the user the questions it lists."""

from __future__ import annotations

from dataclasses import dataclass

from warmup_tui.routines.draft import DraftCheck, RoutineDraft, check_draft
from warmup_tui.routines.library import Library
from warmup_tui.routines.model import Routine
from warmup_tui.routines.save_target import EditTarget


@dataclass(frozen=True)
class Question:
    """A yes/no question to answer before a save goes ahead."""

    title: str
    body: str
    yes: str
    no: str = "Cancel"


class EditorSession:
    """The draft of ``routine`` on its way to ``target``; every change goes through here."""

    def __init__(self, target: EditTarget, routine: Routine, library: Library,
                 draft: RoutineDraft | None = None) -> None:
        self.target = target
        self.library = library
        self.saved_draft = RoutineDraft.from_routine(routine)
        self.draft = draft if draft is not None else self.saved_draft.copy()
        self.selected: int | None = 0 if self.draft.steps else None
        self.saved_once = False
        self.check = self.recheck()

    @property
    def dirty(self) -> bool:
        """Whether the draft differs from what was loaded or last saved."""
        return self.draft != self.saved_draft

    def recheck(self) -> DraftCheck:
        """Checks the draft as ``warmup validate`` would check the file it makes."""
        self.check = check_draft(self.draft, self.target.shown, library=self.library,
                                 path=self.target.path)
        return self.check

    def load_routine(self, routine: Routine) -> None:
        """Starts over from ``routine`` (after hand editing), keeping the selection in range."""
        self.saved_draft = RoutineDraft.from_routine(routine)
        self.draft = self.saved_draft.copy()
        if self.selected is not None:
            self.selected = min(self.selected, len(self.draft.steps) - 1)
        if self.selected is None or self.selected < 0:
            self.selected = 0 if self.draft.steps else None

    def status_line(self) -> str:
        """Saved or not, and how many problems, the first one named."""
        state = "unsaved changes" if self.dirty else "saved"
        if self.check.ok:
            return f"{state} · no problems"
        count = len(self.check.problems)
        first = self.check.describe(self.check.problems[0])
        return f"{state} · {count} problem{'s' if count != 1 else ''}: {first}"

    # ----- edits -------------------------------------------------------------------------

    def set_field(self, key: str, value: str, *, in_step: bool = False) -> bool:
        """Sets a routine field, or the selected step's; whether the draft has such a field."""
        if in_step:
            if self.selected is None:
                return False
            key = f"steps[{self.selected}].{key}"
        try:
            self.draft.set_field(key, value)
        except KeyError:
            return False
        return True

    def add_step(self) -> None:
        self.selected = self.draft.add_step(self.selected)

    def delete_step(self) -> str | None:
        """Deletes the selected step; its name ("" when blank), or None with none selected."""
        if self.selected is None:
            return None
        name = self.draft.steps[self.selected].name
        self.selected = self.draft.delete_step(self.selected)
        return name

    def duplicate_step(self) -> None:
        if self.selected is not None:
            self.selected = self.draft.duplicate_step(self.selected)

    def move_step(self, offset: int) -> None:
        if self.selected is not None:
            self.selected = self.draft.move_step(self.selected, offset)

    # ----- saving ------------------------------------------------------------------------

    def refusal(self, what: str) -> str:
        """Why the draft cannot be saved or previewed yet: its first problem and a count."""
        problems = self.check.problems
        more = len(problems) - 1
        reason = self.check.describe(problems[0]) if problems else "it has problems"
        return f"{what}: {reason}" + (f" (and {more} more)" if more > 0 else "")

    def save_questions(self) -> list[Question]:
        """What the file on disk now calls for asking before it is written over."""
        target, backup = self.target, self.target.backup.name
        questions = []
        conflict = target.conflict()
        # The confirm screen does not wrap its lines: each is kept short.
        if conflict is not None:
            questions.append(Question(
                f"{conflict}.", f"Save over it? What is there now is kept\nas {backup}.",
                yes="Save over it"))
        if target.comments_lost():
            questions.append(Question(
                f"{target.path.name} has comments.",
                "Saving from here drops them. The file as it is\n"
                f"now, comments and all, is kept as {backup}.", yes="Save"))
        return questions

    def save(self, routine: Routine) -> str | None:
        """Writes ``routine`` (the checked draft); None when saved, else what went wrong."""
        target = self.target
        try:
            target.save(routine)
        except OSError as error:
            # The failing path may be a folder on the way, not the file: name it then.
            where = f" ({error.filename})" if error.filename and \
                str(error.filename) != str(target.path) else ""
            return f"Not saved: {target.shown}: {error.strerror or error}{where}"
        self.saved_draft = self.draft.copy()
        self.saved_once = True
        return None

    # ----- hand editing ------------------------------------------------------------------

    @property
    def needs_own_copy(self) -> bool:
        """Whether hand editing must first copy the bundled file into the user's folder."""
        return not self.target.path.exists()

    def reload_from_file(self) -> Routine:
        """The routine as the file now holds it; ProblemsError when it does not load."""
        return self.target.reload(self.library)

    def took_hand_edit(self, routine: Routine) -> None:
        """The hand-edited file loaded: it becomes what the editor shows and saved."""
        self.load_routine(routine)
        self.saved_once = True
