"""The editor's session without any screen: edits, the selection, the questions before a
save, and saving to a real file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warmup_tui.common.paths import bundled_dir
from warmup_tui.routines.editor_session import EditorSession
from warmup_tui.routines.files import load_routine
from warmup_tui.routines.library import Library
from warmup_tui.routines.save_target import check_file, target_for

BUNDLED = bundled_dir("routines")


@pytest.fixture
def library(user_routines: Path) -> Library:
    return Library(bundled=BUNDLED, user=user_routines)


def session_on(ref: str, library: Library) -> EditorSession:
    path, source = library.locate(ref)
    return EditorSession(target_for(path, source, library.user), check_file(path, library),
                         library)


def test_step_fields_go_to_the_selected_step_and_the_check_follows(library: Library) -> None:
    session = session_on("pre-run", library)
    assert session.selected == 0 and not session.dirty and session.check.ok
    assert session.status_line() == "saved · no problems"
    session.selected = 1
    assert session.set_field("duration", "1m3", in_step=True)
    assert session.draft.steps[1].duration == "1m3" and session.dirty
    assert not session.recheck().ok and session.check.step_has_problems(1)
    assert session.status_line().startswith("unsaved changes · 1 problem: ")
    assert session.refusal("Not saved").startswith("Not saved: ")
    assert not session.set_field("no-such-field", "x")


def test_list_edits_move_the_selection_with_the_step(library: Library) -> None:
    session = session_on("pre-run", library)
    names = [step.name for step in session.draft.steps]
    session.move_step(1)
    assert session.selected == 1 and session.draft.steps[1].name == names[0]
    session.duplicate_step()
    assert session.selected == 2 and session.draft.steps[2].name == names[0]
    session.add_step()
    assert session.selected == 3 and len(session.draft.steps) == len(names) + 2
    assert session.delete_step() == "New step"
    assert len(session.draft.steps) == len(names) + 1


def test_saving_a_bundled_routine_asks_nothing_then_writes_the_users_copy(
        library: Library, user_routines: Path) -> None:
    session = session_on("pre-run", library)
    session.set_field("name", "Mine")
    routine = session.recheck().routine
    assert routine is not None and session.save_questions() == []
    assert session.save(routine) is None
    assert session.saved_once and not session.dirty
    assert load_routine(user_routines / "pre-run.toml").routine.name == "Mine"


def test_a_changed_file_with_comments_calls_for_both_questions(
        library: Library, user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    shutil.copy(BUNDLED / "pre-run.toml", path)
    session = session_on("mine", library)
    path.write_text("# my note\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    questions = session.save_questions()
    assert [q.yes for q in questions] == ["Save over it", "Save"]
    assert "changed on disk" in questions[0].title and "comments" in questions[1].title


def test_a_save_that_cannot_write_says_why_and_stays_unsaved(
        library: Library, user_routines: Path) -> None:
    session = session_on("pre-run", library)
    session.set_field("name", "Mine")
    routine = session.recheck().routine
    assert routine is not None
    user_routines.rmdir()
    user_routines.write_text("not a folder", encoding="utf-8")
    failure = session.save(routine)
    assert failure is not None and failure.startswith("Not saved: ")
    assert session.dirty and not session.saved_once
