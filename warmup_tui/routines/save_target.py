"""Where an edited routine is saved, and the checks before a save: a bundled routine is
saved as a copy in the user's folder, a file changed by someone else is never overwritten
without asking, and comments that a save would drop are pointed out first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from warmup_tui.common import paths
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.safe_write import write_atomic
from warmup_tui.common.user_file import exists, read_user_text
from warmup_tui.routines.files import has_comments, read_text, routine_to_toml
from warmup_tui.routines.library import Library, Source
from warmup_tui.routines.model import Routine

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


def check_new_id(name: str) -> None:
    """Raises ProblemsError unless ``name`` can be a routine file's name."""
    if not _ID.match(name):
        raise ProblemsError([Problem(name, "a routine name for a file is letters, digits, "
                                     "'-' and '_', starting with a letter or digit")])


@dataclass
class EditTarget:
    """The file an editor saves to, and what it expects to find there.

    ``expected`` is the text the file had when it was opened (or last saved here); None
    means the file is expected not to exist yet (a new copy of a bundled routine).
    """

    routine_id: str
    source: Path
    path: Path
    expected: str | None
    # Set once this editor has written the file: later saves then leave the .bak alone,
    # so it keeps the version from before editing (with its comments) rather than our own.
    wrote: bool = False

    @property
    def is_copy(self) -> bool:
        return self.source != self.path

    @property
    def shown(self) -> str:
        return display_path(self.path)

    @property
    def backup(self) -> Path:
        return self.path.with_name(self.path.name + ".bak")

    def current_text(self) -> str | None:
        if not exists(self.path):
            return None
        try:
            return read_user_text(self.path, "routine file")
        except ProblemsError:
            return ""  # unreadable counts as changed; the save then asks

    def conflict(self) -> str | None:
        """Why saving would overwrite something the editor did not open, or None."""
        current = self.current_text()
        if current is None or current == self.expected:
            return None
        if self.expected is None:
            return f"Your own {self.path.name} already exists"
        return f"{self.path.name} changed on disk since you opened it"

    def comments_lost(self) -> bool:
        """Whether the file as it is now has comments that saving would drop."""
        current = self.current_text()
        return bool(current) and has_comments(current or "")

    def save(self, routine: Routine) -> None:
        """Writes atomically; the .bak keeps the file as it was before this editor wrote it."""
        current = self.current_text()
        keep_backup = not (self.wrote and current == self.expected)
        text = routine_to_toml(routine)
        write_atomic(self.path, text, keep_backup=keep_backup)
        self.expected, self.wrote = text, True

    def copy_source_verbatim(self) -> None:
        """Makes the user's copy of a bundled routine as the file is, comments and all."""
        write_atomic(self.path, read_text(self.source), keep_backup=False)
        self.expected = read_text(self.path)

    def reload(self, library: Library) -> Routine:
        """The routine as the file now holds it (after hand editing); ProblemsError with
        every problem, chain included, when it does not load. The file becomes the base."""
        text = self.current_text()
        self.expected, self.wrote = text, False
        return check_file(self.path, library)


def check_file(path: Path, library: Library) -> Routine:
    """Loads and checks a routine file exactly as ``warmup validate`` does (it is the
    same check); ProblemsError with every problem, each at its line."""
    entry = library.resolve(path)
    if entry.routine is None:  # resolve raises first; this tells the type checker
        raise ProblemsError(entry.problems)
    return entry.routine


def target_for(path: Path, source: Source, user_dir: Path | None = None) -> EditTarget:
    """Bundled files are edited into a copy in the user's folder; others in place."""
    routine_id = path.stem
    if source == "bundled":
        folder = user_dir if user_dir is not None else paths.user_routines_dir()
        # Expected absent: an own copy that is already there is never replaced unasked.
        return EditTarget(routine_id, path, folder / path.name, None)
    return EditTarget(routine_id, path, path, read_text(path))
