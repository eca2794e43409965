"""Hand editing from the app: the user's editor runs with the app suspended, and a file
left with problems is explained, with the choice to edit again or leave it as written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Literal

from textual.app import App, ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from warmup_tui.common.counting import counted
from warmup_tui.common.external_editor import find_editor, run_editor
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.routines.library import Library
from warmup_tui.routines.model import Routine
from warmup_tui.routines.save_target import check_file
from warmup_tui.ui.plain_text import plain

Choice = Literal["again", "leave"]


def edit_suspended(app: App[object], command: list[str], path: Path) -> ProblemsError | None:
    """Runs the editor on ``path`` with the terminal handed over to it; the error, if the
    editor could not be started."""
    def run() -> ProblemsError | None:
        try:
            run_editor(command, path)
        except ProblemsError as error:
            return error
        return None

    try:
        with app.suspend():
            # Nothing may escape this block: Textual only resumes when it ends normally.
            return run()
    except SuspendNotSupported:
        # A headless app (tests) has no terminal to hand over; the editor runs as it is.
        return run()


Outcome = Literal["loaded", "left", "failed"]


async def edit_until_loads(app: App[object], path: Path,
                           load: Callable[[], Routine]) -> tuple[Outcome, Routine | None]:
    """Hands ``path`` to the user's editor, then ``load``s it; while it has problems, they
    are shown with the choice to edit again or leave the file as written. "failed" means
    no editor could be run (already told). Must run in a worker: it waits on a screen."""
    shown = display_path(path)
    try:
        command = find_editor()
    except ProblemsError as error:
        app.notify(error.problems[0].message, severity="error", timeout=8)
        return "failed", None
    while True:
        failure = edit_suspended(app, command, path)
        if failure is not None:
            app.notify(str(failure.problems[0]), severity="error", timeout=8)
            return "failed", None
        try:
            routine = load()
        except ProblemsError as error:
            choice = await app.push_screen_wait(HandEditProblemsScreen(shown, error.problems))
            if choice == "again":
                continue
            app.notify(f"{shown} is left as you wrote it; warmup validate {shown} lists "
                       "its problems", severity="warning", timeout=10)
            return "left", None
        app.notify(f"{shown} checked: no problems", timeout=4)
        return "loaded", routine


async def fix_by_hand(app: App[object], path: Path, library: Library) -> Outcome:
    """A file that does not load, to the user's editor until it does or they leave it as
    written."""
    outcome, _routine = await edit_until_loads(app, path, lambda: check_file(path, library))
    return outcome


class HandEditProblemsScreen(ModalScreen[Choice]):
    """Lists what is wrong with the file; dismisses with "again" or "leave"."""

    # Focus by selector when the screen is shown, so a screen closed before its
    # children mount (an app quitting) has nothing to look up.
    AUTO_FOCUS = "#again"

    DEFAULT_CSS = """
    HandEditProblemsScreen { align: center middle; }
    HandEditProblemsScreen > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: thick $error; background: $surface; padding: 1 2;
    }
    HandEditProblemsScreen #hand-title { text-style: bold; }
    HandEditProblemsScreen VerticalScroll { height: auto; max-height: 16; margin: 1 0; }
    HandEditProblemsScreen .hand-problem { color: $error; }
    HandEditProblemsScreen #hand-hint { color: $text-muted; }
    HandEditProblemsScreen Horizontal { height: auto; margin-top: 1; }
    HandEditProblemsScreen Button { margin-right: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e,o", "answer('again')", "Edit again", id="hand.again"),
        Binding("l,escape", "answer('leave')", "Leave as written", id="hand.leave"),
    ]

    def __init__(self, shown: str, problems: list[Problem]) -> None:
        super().__init__()
        self.shown = shown
        self.problems = problems

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        with Vertical():
            yield Static(plain(f"{self.shown} has {counted(count, 'problem')} after your edit"),
                         id="hand-title")
            with VerticalScroll():
                for problem in self.problems:
                    yield Static(str(problem), classes="hand-problem", markup=False)
            yield Static(f"Edit again to fix {'it' if count == 1 else 'them'}, or leave "
                         "the file as you wrote it "
                         "(the app will not load it until it is fixed).", id="hand-hint")
            with Horizontal():
                yield Button("Edit again (e)", variant="primary", id="again")
                yield Button("Leave as written (l)", id="leave")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss("again" if event.button.id == "again" else "leave")

    def action_answer(self, choice: Choice) -> None:
        self.dismiss(choice)
