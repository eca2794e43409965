"""``warmup edit`` (the editor, or ``--external`` for the user's own text editor) and
``warmup new`` (a user routine from a bundled one or a blank template)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from warmup_tui.cli.warn import warn
from warmup_tui.common.external_editor import find_editor, run_editor
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.terminal_text import shown
from warmup_tui.routines.draft import blank_draft, check_draft
from warmup_tui.routines.files import save_routine
from warmup_tui.routines.library import Library
from warmup_tui.routines.save_target import EditTarget, check_file, check_new_id, target_for

EXIT_INVALID = 2


def edit_routine(args: argparse.Namespace) -> int:
    if args.external:
        return edit_external(args.routine)
    library = Library()
    path, _source = library.locate(args.routine)  # no such routine: one line, no hint
    try:
        check_file(path, library)
    except ProblemsError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(shown(f"warmup: fix it by hand with: warmup edit --external {args.routine}"),
              file=sys.stderr)
        return EXIT_INVALID
    from warmup_tui.cli.app_cmd import open_editor

    return open_editor(args.routine, args)


def edit_external(ref: str) -> int:
    """Hand editing from the shell: the editor runs, the file is checked, and while it has
    problems the user can edit again or leave it as written (exit status 2)."""
    library = Library()
    path, source = library.locate(ref)
    target = target_for(path, source, library.user)
    command = find_editor()
    _prepare_copy(target)
    while True:
        run_editor(command, target.path)
        try:
            check_file(target.path, library)
        except ProblemsError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            if _ask_again():
                continue
            warn(f"{target.shown} is left as you wrote it; warmup validate {target.shown} "
                 "lists its problems")
            return EXIT_INVALID
        print(f"{shown(target.shown)}: ok")
        return 0


def _prepare_copy(target: EditTarget) -> None:
    if not target.is_copy:
        return
    if target.path.exists():
        warn(f"editing your own copy, {target.shown}; the bundled file is never changed")
        return
    target.copy_source_verbatim()
    warn(f"made your own copy to edit: {target.shown}")


def _ask_again() -> bool:
    """Asks on the terminal; with no one to answer (not a terminal, or end of input) the
    file is left as written."""
    if not sys.stdin.isatty():
        try:
            answer = sys.stdin.readline()
        except OSError:
            return False
    else:
        try:
            answer = input("Edit again (e) or leave it as written (l)? [e] ")
        except EOFError:
            return False
        if answer.strip() == "":
            return True
    return answer.strip().lower() in ("e", "edit", "y", "yes")


def _ask_yes(question: str) -> bool:
    """y/N on a terminal; with no one there to answer, no."""
    if not sys.stdin.isatty():
        return False
    try:
        return input(question).strip().lower() in ("y", "yes")
    except EOFError:
        return False


def _make_todays_warmup(name: str) -> None:
    from warmup_tui.common.config import config_path
    from warmup_tui.common.setting_write import write_setting

    write_setting(config_path(), "training", "warmup", name)
    print(f"Today's warmup is now {shown(name)} (training.warmup in "
          f"{shown(display_path(config_path()))})")


def new_routine(args: argparse.Namespace) -> int:
    check_new_id(args.name)
    library = Library()
    path = library.user / f"{args.name}.toml"
    if path.exists():
        raise ProblemsError([Problem(display_path(path), "already exists; open it with: "
                                     f"warmup edit {args.name}")])
    shadows = args.name in library.ids() and library.path_for(args.name) != path
    if shadows and not args.source:
        # A blank routine under a bundled name would quietly replace that routine everywhere
        # (today's warmup, chains into it); making your own version has to be meant.
        raise ProblemsError([Problem(args.name, "is a bundled routine; to make your own "
                                     f"version of it: warmup edit {args.name}, or "
                                     f"warmup new {args.name} --from {args.name}")])
    title = args.name.replace("-", " ").replace("_", " ").strip().capitalize()
    if args.source:
        entry = library.resolve(args.source)
        assert entry.routine is not None  # resolve raises for a routine that does not load
        routine = replace(entry.routine, name=title)
    else:
        made = check_draft(blank_draft(title)).routine
        assert made is not None  # the blank template is valid; tests hold it to that
        routine = made
    if shadows:
        warn(f"your {args.name} takes the place of the bundled one of that name")
    save_routine(routine, path)
    print(f"Created {shown(display_path(path))}")
    if args.today or (args.source and _ask_yes(f"Make {args.name} Today's warmup? [y/N] ")):
        _make_todays_warmup(args.name)
    if args.no_edit:
        return 0
    from warmup_tui.cli.app_cmd import open_editor

    return open_editor(str(path), argparse.Namespace(speed=10.0, mute=False))

