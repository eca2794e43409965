"""Hand editing with a real $EDITOR program: `warmup edit --external` from the shell, and
the editor's `o` key with the app suspended."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from warmup_tui.common.external_editor import NO_EDITOR, find_editor
from warmup_tui.common.paths import bundled_dir
from warmup_tui.common.problems import ProblemsError
from warmup_tui.routines.files import load_routine
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.editor.hand_edit import HandEditProblemsScreen

from .conftest import PlanEditor
from .editor_app import SIZE, editor, editor_app, field, focus_list, messages, type_into
from .fake_editor import runs

REPO = Path(__file__).resolve().parents[2]
BUNDLED = bundled_dir("routines")
BAD_HOLD = '"soon" is not a duration; write it like "30s", "1m30s", "2m" or "1h"'


def warmup(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "warmup_tui", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=60,
                          check=False)


# ----- finding the editor ---------------------------------------------------------------


def test_visual_wins_over_editor_and_arguments_are_kept() -> None:
    env = {"VISUAL": "code --wait", "EDITOR": "vi", "PATH": ""}
    assert find_editor(env) == ["code", "--wait"]
    assert find_editor({"EDITOR": "'my editor' -n", "PATH": ""}) == ["my editor", "-n"]


def test_with_neither_set_an_editor_on_path_is_used(tmp_path: Path) -> None:
    nano = tmp_path / "nano"
    nano.write_text("#!/bin/sh\n")
    nano.chmod(0o755)
    assert find_editor({"PATH": str(tmp_path)}) == [str(nano)]


def test_with_no_editor_at_all_one_line_says_what_to_set(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError) as raised:
        find_editor({"PATH": str(tmp_path)})
    assert str(raised.value) == f"warmup: {NO_EDITOR}"


# ----- warmup edit --external -------------------------------------------------------------


def test_external_edit_of_a_bundled_routine_edits_a_copy_that_keeps_its_comments(
        plan_editor: PlanEditor, user_routines: Path) -> None:
    original = (BUNDLED / "pre-run.toml").read_text()
    plan = plan_editor('duration = "30s"=>duration = "45s"')
    result = warmup("edit", "--external", "pre-run")
    assert result.returncode == 0, result.stderr
    copy = user_routines / "pre-run.toml"
    assert runs(plan) == [str(copy)]
    assert result.stdout.strip().endswith("pre-run.toml: ok")
    assert "made your own copy" in result.stderr
    assert copy.read_text() == original.replace('duration = "30s"', 'duration = "45s"', 1)
    assert load_routine(copy).routine.steps[0].duration == 45
    assert (BUNDLED / "pre-run.toml").read_text() == original


def test_a_broken_file_is_explained_and_edited_again_until_it_loads(
        plan_editor: PlanEditor, user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    path.write_text('name = "Mine"\n\n[[steps]]\nname = "Plank"\nduration = "30s"\n')
    plan = plan_editor('"30s"=>"soon"', '"soon"=>"40s"')
    result = warmup("edit", "--external", "mine", stdin="e\n")
    assert result.returncode == 0, result.stderr
    assert len(runs(plan)) == 2
    assert f"mine.toml:5: steps[0].duration: {BAD_HOLD}" in result.stderr
    assert load_routine(path).routine.steps[0].duration == 40


def test_a_broken_file_can_be_left_as_written(plan_editor: PlanEditor,
                                              user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    path.write_text('name = "Mine"\n\n[[steps]]\nname = "Plank"\nduration = "30s"\n')
    plan_editor('"30s"=>"soon"')
    result = warmup("edit", "--external", "mine", stdin="l\n")
    assert result.returncode == 2
    assert 'duration = "soon"' in path.read_text()
    assert result.stderr.splitlines()[-1].startswith("warmup: ")
    assert "is left as you wrote it" in result.stderr
    assert "Traceback" not in result.stderr
    # The structured editor refuses it and says how to fix it.
    refused = warmup("edit", "mine")
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[-1] == \
        "warmup: fix it by hand with: warmup edit --external mine"


def test_no_editor_is_one_line(user_routines: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    env.update(PATH=str(tmp_path), PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-m", "warmup_tui", "edit", "--external",
                             "pre-run"], capture_output=True, text=True, env=env, timeout=60,
                            check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == f"warmup: {NO_EDITOR}"
    assert not (user_routines / "pre-run.toml").exists()


# ----- the o key in the editor ------------------------------------------------------------


async def test_o_hand_edits_a_copy_and_reloads_the_form(plan_editor: PlanEditor,
                                                         user_routines: Path) -> None:
    plan = plan_editor('duration = "30s"=>duration = "50s"')
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("o")
        await pilot.pause()
        copy = user_routines / "pre-run.toml"
        assert runs(plan) == [str(copy)]
        assert "# The pre-run warmup" in copy.read_text()  # made verbatim, comments and all
        assert field(app, "step-duration").value == "50s"
        assert not editor(app).dirty
        assert messages(app)[-1].endswith("checked: no problems")


async def test_o_on_a_file_left_broken_offers_to_edit_again(plan_editor: PlanEditor,
                                                            user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    path.write_text('name = "Mine"\n\n[[steps]]\nname = "Plank"\nduration = "30s"\n')
    plan = plan_editor('"30s"=>"soon"', '"soon"=>"40s"')
    app = editor_app(user_routines, "mine")
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        shown = editor(app).target.shown
        await pilot.press("o")
        await pilot.pause()
        problems = app.screen
        assert isinstance(problems, HandEditProblemsScreen)
        assert [str(p) for p in problems.problems] == \
            [f"{shown}:5: steps[0].duration: {BAD_HOLD}"]
        await pilot.press("e")
        await pilot.pause()
        assert len(runs(plan)) == 2
        assert field(app, "step-duration").value == "40s"
        assert load_routine(path).routine.steps[0].duration == 40


async def test_o_then_leave_as_written_closes_the_editor(plan_editor: PlanEditor,
                                                         user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    path.write_text('name = "Mine"\n\n[[steps]]\nname = "Plank"\nduration = "30s"\n')
    plan_editor('"30s"=>"soon"')
    app = editor_app(user_routines, "mine")
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, HandEditProblemsScreen)
        await pilot.press("l")
        await pilot.pause()
    assert 'duration = "soon"' in path.read_text()
    assert app.return_value == 0


async def test_o_with_unsaved_changes_saves_them_first(plan_editor: PlanEditor,
                                                       user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    path.write_text('name = "Mine"\n[[steps]]\nname = "Plank"\nduration = "30s"\n')
    plan = plan_editor('"Planked"=>"Side plank"')
    app = editor_app(user_routines, "mine")
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "step-name", "Planked")
        await focus_list(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert len(runs(plan)) == 1
        assert load_routine(path).routine.steps[0].name == "Side plank"
        assert field(app, "step-name").value == "Side plank"
