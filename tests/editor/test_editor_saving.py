"""Saving from the editor, and closing or quitting with changes, through Pilot."""

from __future__ import annotations

import shutil
from pathlib import Path

from warmup_tui.common.paths import bundled_dir
from warmup_tui.routines.files import has_comments, load_routine
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.widgets.step_list import StepList

from .editor_app import SIZE, editor, editor_app, focus_list, messages, type_into

BUNDLED = bundled_dir("routines")
VALIDATE_3X = ('"3x" is not a duration: "x" is not a unit; use hours, minutes or seconds'
               ' (h, m, s)')


async def test_save_makes_a_user_copy_of_a_bundled_routine(user_routines: Path) -> None:
    original = (BUNDLED / "pre-run.toml").read_bytes()
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("down")
        await type_into(pilot, "step-duration", "45s")
        await focus_list(pilot)
        await pilot.press("a")
        await type_into(pilot, "step-name", "Calf raise")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_routine(user_routines / "pre-run.toml").routine
        assert saved == editor(app).check.routine
        assert [s.name for s in saved.steps][1:3] == ["Glute bridge", "Calf raise"]
        assert saved.steps[1].duration == 45
        assert not editor(app).dirty
        assert str(editor(app).query_one("#editor-status").render()) == "saved · no problems"
    assert (BUNDLED / "pre-run.toml").read_bytes() == original


async def test_saving_over_comments_says_so_and_the_bak_keeps_them(user_routines: Path) -> None:
    path = user_routines / "pre-run.toml"
    shutil.copy(BUNDLED / "pre-run.toml", path)
    hand_written = path.read_text()
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "routine-rest", "15s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert "has comments" in question.question and ".bak" in question.detail
        await pilot.press("n")
        await pilot.pause()
        assert path.read_text() == hand_written
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert load_routine(path).routine.rest == 15
        assert not has_comments(path.read_text())
        assert path.with_name("pre-run.toml.bak").read_text() == hand_written
        await type_into(pilot, "routine-rest", "20s")
        await pilot.press("ctrl+s")  # no comments left: no question this time
        await pilot.pause()
        assert load_routine(path).routine.rest == 20
        assert path.with_name("pre-run.toml.bak").read_text() == hand_written


async def test_a_file_changed_on_disk_is_not_overwritten_without_asking(
        user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    path.write_text('name = "Mine"\n[[steps]]\nname = "Plank"\nduration = "30s"\n')
    app = editor_app(user_routines, "mine")
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "step-duration", "40s")
        theirs = path.read_text().replace('"30s"', '"90s"')
        path.write_text(theirs)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "mine.toml changed on disk since you opened it."
        await pilot.press("n")
        await pilot.pause()
        assert path.read_text() == theirs
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert load_routine(path).routine.steps[0].duration == 40
        assert path.with_name("mine.toml.bak").read_text() == theirs


async def test_a_file_changed_while_the_comments_question_is_open_is_asked_about(
        user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    path.write_text('# my own\nname = "Mine"\n[[steps]]\nname = "Plank"\nduration = "30s"\n')
    app = editor_app(user_routines, "mine")
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "step-duration", "40s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "mine.toml has comments."
        theirs = path.read_text().replace('"30s"', '"90s"')
        path.write_text(theirs)  # someone else saves while the question is open
        await pilot.press("y")
        await pilot.pause()
        assert path.read_text() == theirs
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "mine.toml changed on disk since you opened it."
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.question == "mine.toml has comments."
        await pilot.press("y")
        await pilot.pause()
        assert load_routine(path).routine.steps[0].duration == 40
        assert path.with_name("mine.toml.bak").read_text() == theirs


async def test_closing_with_unsaved_changes_asks(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "routine-name", "Changed")
        await pilot.press("escape")  # leaves the field for the list
        assert isinstance(app.focused, StepList)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert editor(app).draft.name == "Changed"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value == 0  # opened from the command line: closing ends the app
    assert not (user_routines / "pre-run.toml").exists()


async def test_closing_without_changes_does_not_ask(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not any(isinstance(s, ConfirmScreen) for s in app.screen_stack)
        assert app._exit  # closing the editor opened from the command line ends the app
    assert app.return_value == 0


async def test_a_save_that_cannot_write_says_why_in_one_line(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the routines folder should be")
    app = editor_app(blocked)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "routine-rest", "15s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor(app)
        assert editor(app).dirty
        assert messages(app)[-1].startswith("Not saved: ")
        assert "\n" not in messages(app)[-1]
    assert blocked.read_text() == "a file where the routines folder should be"


async def test_ctrl_c_with_unsaved_changes_asks_before_quitting(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "routine-name", "Changed")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert not app._exit
        await pilot.press("n")
        await pilot.pause()
        assert editor(app).draft.name == "Changed"
        await pilot.press("ctrl+c")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app._exit
