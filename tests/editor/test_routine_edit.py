"""The draft: list operations, field updates from text, and checks that say exactly what
``warmup validate`` says about the same values in a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmup_tui.common.paths import bundled_dir
from warmup_tui.common.problems import ProblemsError
from warmup_tui.engine.timeline import timeline_of
from warmup_tui.routines.draft import (
    RoutineDraft,
    StepDraft,
    blank_draft,
    check_draft,
)
from warmup_tui.routines.files import load_routine, parse_routine
from warmup_tui.routines.library import Library

BUNDLED = sorted(bundled_dir("routines").glob("*.toml"))


def pre_run() -> RoutineDraft:
    return RoutineDraft.from_routine(load_routine(bundled_dir("routines") / "pre-run.toml").routine)


def names(draft: RoutineDraft) -> list[str]:
    return [step.name for step in draft.steps]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_an_untouched_draft_gives_back_the_routine_it_came_from(path: Path) -> None:
    routine = load_routine(path).routine
    check = check_draft(RoutineDraft.from_routine(routine))
    assert check.ok
    assert check.routine == routine


def test_add_inserts_after_the_selected_step_and_at_the_end_without_one() -> None:
    draft = pre_run()
    assert draft.add_step(0) == 1
    assert names(draft)[:3] == ["Hip flexor stretch", "New step", "Glute bridge"]
    assert draft.add_step(None) == 5
    assert names(draft)[-1] == "New step"
    assert check_draft(draft).ok


def test_delete_selects_the_next_step_then_nothing_when_empty() -> None:
    draft = pre_run()
    assert draft.delete_step(3) == 2  # the last: the one before it is selected
    assert draft.delete_step(0) == 0
    assert names(draft) == ["Glute bridge", "Monster walk"]
    assert draft.delete_step(1) == 0
    assert draft.delete_step(0) is None
    assert draft.steps == []
    assert draft.delete_step(0) is None


def test_duplicate_is_an_independent_copy() -> None:
    draft = pre_run()
    assert draft.duplicate_step(1) == 2
    assert names(draft)[1:3] == ["Glute bridge", "Glute bridge"]
    draft.set_field("steps[2].duration", "45s")
    assert draft.steps[1].duration == "30s"


def test_move_up_and_down_stop_at_the_ends() -> None:
    draft = pre_run()
    assert draft.move_step(0, -1) == 0
    assert draft.move_step(0, 1) == 1
    assert names(draft)[:2] == ["Glute bridge", "Hip flexor stretch"]
    assert draft.move_step(3, 1) == 3
    assert draft.move_step(3, -1) == 2
    assert names(draft) == ["Glute bridge", "Hip flexor stretch", "Side leg lift", "Monster walk"]


def test_field_updates_reach_the_routine_and_the_timeline() -> None:
    draft = pre_run()
    before = timeline_of(check_draft(draft).routine)[1]  # type: ignore[arg-type]
    draft.set_field("steps[1].duration", "45s")
    draft.set_field("steps[3].sides", "left")
    draft.set_field("steps[3].sets", "2")
    draft.set_field("rest", "")
    routine = check_draft(draft).routine
    assert routine is not None
    assert routine.steps[1].duration == 45
    assert routine.steps[3].sides == ("left",)
    assert routine.steps[3].sets == 2
    assert routine.rest == 0
    segments, total = timeline_of(routine)
    assert total == sum(s.duration for s in segments)
    assert total != before


def test_switching_a_step_to_reps_keeps_its_hold_for_switching_back() -> None:
    draft = pre_run()
    draft.set_field("steps[1].kind", "reps")
    draft.set_field("steps[1].reps", "12")
    draft.set_field("steps[1].pace", "2s")
    step = check_draft(draft).routine.steps[1]  # type: ignore[union-attr]
    assert (step.duration, step.reps, step.pace) == (None, 12, 2.0)
    draft.set_field("steps[1].kind", "hold")
    step = check_draft(draft).routine.steps[1]  # type: ignore[union-attr]
    assert (step.duration, step.reps, step.pace) == (30.0, None, None)
    with pytest.raises(ValueError):
        draft.set_field("steps[1].kind", "sprint")


def test_unknown_fields_are_refused() -> None:
    draft = pre_run()
    for key in ("steps[9].name", "steps[0].colour", "runwalk.run", "format", "colour"):
        with pytest.raises(KeyError):
            draft.set_field(key, "x")


def test_sides_with_commas_inside_survive_until_the_user_edits_them() -> None:
    routine = parse_routine('name = "x"\n[[steps]]\nname = "a"\nduration = 5\n'
                            'sides = ["left, high", "right"]\n', "x.toml")
    draft = RoutineDraft.from_routine(routine)
    assert check_draft(draft).routine == routine
    draft.set_field("steps[0].sides", "left, right")
    assert check_draft(draft).routine.steps[0].sides == ("left", "right")  # type: ignore[union-attr]


# ----- the same messages as warmup validate --------------------------------------------

BAD_VALUES = [
    ("steps[1].duration", "3x", 'duration = "3x"'),
    ("steps[1].duration", "0s", 'duration = "0s"'),
    ("steps[1].duration", "25h", 'duration = "25h"'),
    ("steps[1].sets", "0", "sets = 0"),
    ("steps[1].sets", "two", 'sets = "two"'),
    ("steps[1].sides", "left,,right", 'sides = ["left", "", "right"]'),
    ("steps[1].rest", "-5s", 'rest = "-5s"'),
    ("steps[1].name", "", 'name = ""'),
]


def file_with_step_value(line: str) -> str:
    """A routine file with a second step that has one hand-written value."""
    key = line.split(" =")[0]
    step = {"name": '"Glute bridge"', "duration": '"30s"'}
    step[key] = line.split("= ", 1)[1]
    body = "\n".join(f"{k} = {v}" for k, v in step.items())
    return (f'name = "Pre-run warmup"\n[[steps]]\nname = "First"\nduration = "30s"\n'
            f"[[steps]]\n{body}\n")


@pytest.mark.parametrize(("key", "typed", "line"), BAD_VALUES)
def test_a_bad_value_gets_the_message_warmup_validate_gives(key: str, typed: str,
                                                             line: str) -> None:
    draft = RoutineDraft(name="Pre-run warmup",
                         steps=[StepDraft(name="First"), StepDraft(name="Glute bridge")])
    draft.set_field(key, typed)
    check = check_draft(draft, "mine.toml")
    assert not check.ok and check.routine is None
    with pytest.raises(ProblemsError) as raised:
        parse_routine(file_with_step_value(line), "mine.toml")
    assert [(p.key, p.message) for p in check.problems] == \
        [(p.key, p.message) for p in raised.value.problems]
    assert check.messages_at(key) == [raised.value.problems[0].message]
    assert check.step_has_problems(1) and not check.step_has_problems(0)


def test_reps_and_pace_messages_match_a_file() -> None:
    draft = RoutineDraft(name="x", steps=[StepDraft(name="a", kind="reps", reps="ten",
                                                    pace="soon")])
    check = check_draft(draft)
    with pytest.raises(ProblemsError) as raised:
        parse_routine('name = "x"\n[[steps]]\nname = "a"\nreps = "ten"\npace = "soon"\n',
                      "routine")
    # The same key and message; the draft has no line numbers, a file does.
    assert [(p.key, p.message) for p in check.problems] == \
        [(p.key, p.message) for p in raised.value.problems]
    assert len(check.problems) == 2


def test_no_steps_and_no_runwalk_is_the_files_message_too() -> None:
    draft = pre_run()
    while draft.steps:
        draft.delete_step(0)
    check = check_draft(draft)
    with pytest.raises(ProblemsError) as raised:
        parse_routine('name = "Pre-run warmup"\nsteps = []\n', "routine")
    assert [p.message for p in check.problems] == [p.message for p in raised.value.problems]
    assert check.messages_at("steps")


def test_a_then_that_goes_nowhere_is_checked_like_warmup_validate(tmp_path: Path) -> None:
    library = Library(bundled=bundled_dir("routines"), user=tmp_path)
    draft = pre_run()
    draft.set_field("then", "no-such-routine")
    check = check_draft(draft, "pre-run.toml", library=library, path=tmp_path / "pre-run.toml")
    assert not check.ok
    assert "no-such-routine" in check.messages_at("then")[0]
    draft.set_field("then", "pre-run")
    check = check_draft(draft, "pre-run.toml", library=library, path=tmp_path / "pre-run.toml")
    assert "loop" in check.messages_at("then")[0]


def test_runwalk_block_can_be_added_edited_and_removed() -> None:
    draft = pre_run()
    assert draft.toggle_runwalk() is True
    draft.set_field("runwalk.repeats", "3")
    draft.set_field("runwalk.cadence", "170")
    routine = check_draft(draft).routine
    assert routine is not None and routine.runwalk is not None
    assert (routine.runwalk.repeats, routine.runwalk.cadence) == (3, 170)
    draft.set_field("runwalk.run", "")
    assert check_draft(draft).messages_at("runwalk") == ["missing run"]
    assert draft.toggle_runwalk() is False
    assert check_draft(draft).routine.runwalk is None  # type: ignore[union-attr]


def test_the_blank_template_is_a_valid_routine() -> None:
    check = check_draft(blank_draft("Morning"))
    assert check.ok and check.routine is not None
    assert check.routine.name == "Morning"
    assert timeline_of(check.routine)[1] == 30


def test_copy_is_deep() -> None:
    draft = pre_run()
    twin = draft.copy()
    assert twin == draft
    twin.set_field("steps[0].name", "Changed")
    twin.add_step()
    assert draft != twin
    assert draft.steps[0].name == "Hip flexor stretch"
