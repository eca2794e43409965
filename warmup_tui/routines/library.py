"""Where routines come from: the bundled set, the user's folder, or a path."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from warmup_tui.common import paths
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.toml_lines import key_lines, line_of, parse_toml
from warmup_tui.common.user_file import (
    exists,
    is_file,
    names_a_file,
    read_user_text,
    toml_files,
)
from warmup_tui.common.value_text import quoted
from warmup_tui.routines.files import LoadedRoutine, load_routine
from warmup_tui.routines.model import Routine
from warmup_tui.routines.schema import THEN_PROGRAMME

Source = Literal["bundled", "user", "file"]


@dataclass(frozen=True)
class Entry:
    """One routine the app knows of; ``routine`` is None when its file has problems."""

    id: str
    source: Source
    path: Path
    routine: Routine | None = None
    problems: list[Problem] = field(default_factory=list)
    text: str = ""


class Library:
    """Bundled routines overlaid by the user's: a user file with the same id wins."""

    def __init__(self, bundled: Path | None = None, user: Path | None = None) -> None:
        self.bundled = bundled if bundled is not None else paths.bundled_dir("routines")
        self.user = user if user is not None else paths.user_routines_dir()

    def entries(self) -> list[Entry]:
        found: dict[str, Entry] = {}
        for source, folder in (("bundled", self.bundled), ("user", self.user)):
            for path in toml_files(folder):
                found[path.stem] = _load_entry(path, source)  # type: ignore[arg-type]
        checked = [self._with_chain_problems(entry) for entry in found.values()]
        return sorted(checked, key=lambda entry: (entry.source != "bundled", entry.id))

    def path_for(self, routine_id: str) -> Path | None:
        for folder in (self.user, self.bundled):
            candidate = folder / f"{routine_id}.toml"
            # Anything listed under that name, as list shows it: loading it says what is
            # wrong with a pipe, a folder or a broken link.
            if exists(candidate):
                return candidate
        return None

    def resolve(self, ref: str | Path) -> Entry:
        """A routine by id or by path, fully checked (chain included); raises ProblemsError."""
        entry = self._with_chain_problems(_load_entry(*self.locate(ref)))
        if entry.problems:
            raise ProblemsError(entry.problems)
        return entry

    def locate(self, ref: str | Path) -> tuple[Path, Source]:
        """The file for a name or a path, whether or not it loads, and where it lives;
        ProblemsError when there is no such file or routine. A ``Path`` is always a path."""
        text = str(ref)
        if isinstance(ref, Path) or names_a_file(text):
            path = Path(text).expanduser()
            if not is_file(path):
                read_user_text(path, "routine file")  # says why: missing, a folder, ...
        else:
            found = self.path_for(text)
            if found is None:
                known = ", ".join(self.ids()) or "none"
                raise ProblemsError(
                    [Problem(text, f"no routine with that name; known routines: {known}")])
            path = found
        return path, self._source_of(path)

    def _source_of(self, path: Path) -> Source:
        # The folder it is listed in: the entry itself may be a link, even a looping one.
        folder = path.absolute().parent.resolve()
        if folder == self.user.resolve():
            return "user"
        if folder == self.bundled.resolve():
            return "bundled"
        return "file"

    def chain_problems(self, start: Path, routine: Routine, file: str) -> list[Problem]:
        """Problems with ``then``: a missing target, a broken target, or a loop."""
        seen = [start.stem]
        current = routine
        while current.then and current.then != THEN_PROGRAMME:  # the programme ends a chain
            target = current.then
            if target in seen:
                loop = " -> ".join([*seen, target])
                return [Problem(file, f"chains in a loop: {loop}", key="then")]
            # Looked up exactly as a run looks it up (resolve: user folder, then bundled),
            # so a chain that checks out is the chain that runs.
            path = self.path_for(target)
            if path is None:
                return [self._unknown_target(file, target)]
            try:
                current = load_routine(path).routine
            except ProblemsError:
                return [Problem(file, f'chains to "{target}", whose file has problems; '
                                f"run: warmup validate {display_path(path)}", key="then")]
            seen.append(target)
        return []

    def ids(self) -> list[str]:
        """Every routine's id, by name, without loading any file."""
        names = {p.stem for folder in (self.bundled, self.user) for p in toml_files(folder)}
        return sorted(names)

    def _with_chain_problems(self, entry: Entry) -> Entry:
        if entry.routine is None:
            return self._with_first_hop_problem(entry)
        if not entry.routine.then:
            return entry
        problems = self.chain_problems(entry.path, entry.routine, display_path(entry.path))
        if not problems:
            return entry
        line = line_of(key_lines(entry.text), "then")
        problems = [Problem(p.file, p.message, line, p.key) for p in problems]
        return Entry(entry.id, entry.source, entry.path, None, problems, entry.text)

    def _with_first_hop_problem(self, entry: Entry) -> Entry:
        """A file with other problems has no routine to follow along its chain, but a
        ``then`` naming no known routine is reported with the rest, so one validate run
        lists everything."""
        try:
            then = parse_toml(entry.text, display_path(entry.path)).get("then")
        except ProblemsError:
            return entry
        if not isinstance(then, str) or not then or then in (entry.id, THEN_PROGRAMME) \
                or any(problem.key == "then" for problem in entry.problems):
            return entry
        if self.path_for(then) is not None:
            return entry
        problem = self._unknown_target(display_path(entry.path), then,
                                       line_of(key_lines(entry.text), "then"))
        # In file order, so the added line does not trail the ones below it.
        problems = sorted([*entry.problems, problem],
                          key=lambda found: found.line if found.line is not None else 1 << 30)
        return replace(entry, problems=problems)

    def _unknown_target(self, file: str, target: str, line: int | None = None) -> Problem:
        known = ", ".join(self.ids()) or "none"
        return Problem(file, f"chains to {quoted(target)}, which is not a known routine "
                       f"({known}) nor {quoted(THEN_PROGRAMME)}",
                       line, "then")


def _load_entry(path: Path, source: Source) -> Entry:
    try:
        loaded: LoadedRoutine = load_routine(path)
    except ProblemsError as error:
        try:  # the text, for the lines of problems found after loading (a chain's)
            text = read_user_text(path, "routine file")
        except ProblemsError:
            text = ""
        return Entry(path.stem, source, path, None, error.problems, text)
    return Entry(path.stem, source, path, loaded.routine, [], loaded.text)
