"""Every editing key of the editor screen, pressed through Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import RadioSet

from warmup_tui.common.paths import bundled_dir
from warmup_tui.engine.clock import FakeClock
from warmup_tui.routines.files import load_routine
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.help import HelpScreen
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.widgets.step_form import StepForm
from warmup_tui.ui.widgets.step_list import StepList
from warmup_tui.ui.widgets.timeline_view import TimelineView

from .editor_app import SIZE, editor, editor_app, field, focus_list, messages, type_into

BUNDLED = bundled_dir("routines")
VALIDATE_3X = ('"3x" is not a duration: "x" is not a unit; use hours, minutes or seconds'
               ' (h, m, s)')


def step_names(app) -> list[str]:
    return [step.name for step in editor(app).draft.steps]


def list_lines(app) -> list[str]:
    steps = editor(app).query_one(StepList)
    return [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]


def total(app) -> str:
    return editor(app).query_one(TimelineView).total_shown


async def test_opens_on_the_first_step_with_total_and_timeline(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert field(app, "routine-name").value == "Pre-run warmup"
        assert field(app, "step-name").value == "Hip flexor stretch"
        assert field(app, "step-sides").value == "left, right"
        assert total(app) == "Total 4:20 · 15 segments"
        assert list_lines(app) == ["  1. Hip flexor stretch", "  2. Glute bridge",
                                   "  3. Monster walk", "  4. Side leg lift"]
        assert not editor(app).dirty


async def test_add_delete_duplicate_and_move(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("a")
        assert step_names(app)[:3] == ["Hip flexor stretch", "New step", "Glute bridge"]
        assert editor(app).selected == 1
        assert field(app, "step-name").value == "New step"
        assert total(app) == "Total 5:00 · 17 segments"  # 30 s hold and a 10 s rest more
        assert editor(app).dirty
        await pilot.press("c")
        assert step_names(app)[1:4] == ["New step", "New step", "Glute bridge"]
        assert editor(app).selected == 2
        await pilot.press("d")
        assert step_names(app)[1:3] == ["New step", "Glute bridge"]
        assert editor(app).selected == 2  # the step after the deleted one
        await pilot.press("up", "d")
        assert step_names(app) == ["Hip flexor stretch", "Glute bridge", "Monster walk",
                                   "Side leg lift"]
        assert field(app, "step-name").value == "Glute bridge"
        assert not editor(app).dirty  # back to what was loaded
        await pilot.press("shift+down")
        assert step_names(app)[1:3] == ["Monster walk", "Glute bridge"]
        assert editor(app).selected == 2
        await pilot.press("K")
        assert step_names(app)[1:3] == ["Glute bridge", "Monster walk"]
        await pilot.press("J", "J", "J")  # stops at the end
        assert step_names(app)[-1] == "Glute bridge"
        assert list_lines(app)[-1] == "  4. Glute bridge"


async def test_arrows_in_the_list_pick_the_step_the_form_shows(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("down", "down")
        assert field(app, "step-name").value == "Monster walk"
        form = editor(app).query_one(StepForm)
        assert form.has_class("-reps")
        assert field(app, "step-reps").value == "10"
        assert field(app, "step-pace").value == "2s"
        await pilot.press("enter")
        assert app.focused is field(app, "step-name").input


async def test_typing_updates_total_and_timeline_as_you_go(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("down")  # Glute bridge, a 30 s hold
        await type_into(pilot, "step-duration", "1m")
        assert total(app) == "Total 4:50 · 15 segments"
        await type_into(pilot, "step-sides", "left, right")
        assert total(app) == "Total 5:55 · 17 segments"  # left, switch, right
        await type_into(pilot, "step-name", "Single-leg bridge")
        assert list_lines(app)[1] == "  2. Single-leg bridge"
        timeline = str(editor(app).query_one("#timeline-lines").render())
        assert "Single-leg bridge (left side)" in timeline
        await type_into(pilot, "routine-rest", "")
        assert total(app) == "Total 5:25 · 14 segments"  # the three rests gone


async def test_a_bad_value_is_marked_at_its_field_and_blocks_saving(
        user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("down")
        await type_into(pilot, "step-duration", "3x")
        assert field(app, "step-duration").problem == VALIDATE_3X
        assert field(app, "step-duration").has_class("-invalid")
        assert list_lines(app)[1] == "⚠ 2. Glute bridge"
        assert editor(app).query_one(TimelineView).has_class("-stale")
        status = str(editor(app).query_one("#editor-status").render())
        assert status == f"unsaved changes · 1 problem: steps[1].duration: {VALIDATE_3X}"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not (user_routines / "pre-run.toml").exists()
        assert f"Not saved: steps[1].duration: {VALIDATE_3X}" in messages(app)
        # The mark follows its step: another step shows no problem, this one still does.
        await focus_list(pilot)
        await pilot.press("up")
        assert field(app, "step-duration").problem == ""
        await pilot.press("down")
        assert field(app, "step-duration").problem == VALIDATE_3X
        await type_into(pilot, "step-duration", "35s")
        assert field(app, "step-duration").problem == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load_routine(user_routines / "pre-run.toml").routine.steps[1].duration == 35


async def test_routine_field_problems_show_there_too(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "routine-name", "")
        assert field(app, "routine-name").problem == "must not be empty"
        await type_into(pilot, "routine-name", "Mine")
        assert field(app, "routine-name").problem == ""
        await type_into(pilot, "routine-then", "nowhere")
        assert field(app, "routine-then").problem.startswith(
            'chains to "nowhere", which is not a known routine')
        await type_into(pilot, "routine-then", "easy-run-walk")
        assert field(app, "routine-then").problem == ""


async def test_switching_a_step_between_hold_and_reps(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        form = editor(app).query_one(StepForm)
        assert form.has_class("-hold")
        form.query_one(RadioSet).focus()
        await pilot.press("right", "enter")
        await pilot.pause()
        assert form.has_class("-reps")
        assert editor(app).draft.steps[0].kind == "reps"
        await type_into(pilot, "step-reps", "8")
        await type_into(pilot, "step-pace", "4s")
        routine = editor(app).check.routine
        assert routine is not None
        assert (routine.steps[0].reps, routine.steps[0].pace, routine.steps[0].duration) == \
            (8, 4.0, None)


async def test_letter_keys_type_into_fields_instead_of_acting(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "step-cue", "qpow")
        assert editor(app).draft.steps[0].cue == "qpow"
        assert app.screen is editor(app)


async def test_preview_runs_the_draft_at_preview_speed(user_routines: Path) -> None:
    clock = FakeClock()
    app = editor_app(user_routines, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("d", "d", "d")  # one step left: the glute... no, side leg lift
        await type_into(pilot, "step-name", "Only step")
        await focus_list(pilot)
        await pilot.press("p")
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert [s.step for s in session.run.segments] == ["Only step", "Only step", "Only step"]
        assert session.run.name == "Pre-run warmup (preview at 10x)"
        assert session.sinks == []  # a preview is neither logged nor heard
        clock.advance(session.run.total_seconds + 1)
        session.tick()
        await pilot.pause()
        assert app.screen is editor(app)
        assert "Preview over: back in the editor" in messages(app)
    assert not (user_routines / "pre-run.toml").exists()


async def test_no_preview_while_something_is_invalid(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "step-sets", "0")
        await focus_list(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is editor(app)
        assert messages(app)[-1].startswith("No preview: steps[0].sets:")


async def test_the_run_walk_block_can_be_added_and_edited(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        assert not editor(app).has_class("-runwalk")
        await pilot.press("w")
        await pilot.pause()
        assert editor(app).has_class("-runwalk")
        assert field(app, "runwalk-repeats").value == "8"
        await type_into(pilot, "runwalk-repeats", "500")
        assert field(app, "runwalk-repeats").problem == \
            "expected a whole number from 1 to 200, got 500"
        await type_into(pilot, "runwalk-repeats", "2")
        routine = editor(app).check.routine
        assert routine is not None and routine.runwalk is not None
        assert routine.runwalk.repeats == 2
        await focus_list(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert editor(app).draft.runwalk is None


async def test_a_run_walk_routine_shows_its_block(user_routines: Path) -> None:
    app = editor_app(user_routines, "easy-run-walk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert editor(app).has_class("-runwalk")
        assert editor(app).query_one(StepForm).has_class("-empty")
        values = {key: field(app, f"runwalk-{key}").value
                  for key in ("warmup", "run", "walk", "repeats", "cooldown", "cadence")}
        assert values == {"warmup": "5m", "run": "2m", "walk": "1m", "repeats": "10",
                          "cooldown": "5m", "cadence": ""}
        assert total(app) == "Total 40:00 · 22 segments"


async def test_help_lists_the_editor_keys(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = dict(app.screen.rows)
        assert described["ctrl+s"] == "Save"
        assert described["o"] == "Edit file"
        assert described["a"] == "Add"


async def test_the_step_list_keys_post_requests_the_screen_acts_on(
        user_routines: Path) -> None:
    app = editor_app(user_routines)
    posted: dict[int, object] = {}  # each message once, though the hook sees every hop
    async with app.run_test(size=SIZE,
                            message_hook=lambda m: posted.setdefault(id(m), m)) as pilot:
        await focus_list(pilot)
        await pilot.press("a", "c", "d", "K", "J")
        requests = [type(m) for m in posted.values() if isinstance(m, StepList.Changed)]
        assert requests == [StepList.Added, StepList.Copied, StepList.Removed,
                            StepList.Moved, StepList.Moved]
        assert editor(app).selected == 2
