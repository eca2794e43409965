"""The editor's form at 80 columns: every hint and the kind buttons shown in whole words."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, RadioButton

from warmup_tui.ui.widgets.form_field import FormField, fitted_hint
from warmup_tui.ui.widgets.step_form import StepForm

from .editor_app import editor, editor_app


def test_a_hint_too_long_for_its_box_ends_after_a_whole_word() -> None:
    assert fitted_hint("between steps; blank: none", 18) == "between steps; …"
    assert fitted_hint("blank: 1", 18) == "blank: 1"
    assert fitted_hint("unbreakable", 4) == ""


def hints_in_whole_words(screen) -> int:
    """Checks every shown field's hint; returns how many were shown."""
    checked = 0
    for form_field in screen.query(FormField):
        box = form_field.query_one(Input)
        if box.region.width == 0:  # hidden: a hold has no reps, no run-walk block yet
            continue
        hint = box.placeholder
        assert len(hint) <= box.content_size.width, (form_field.key, hint)
        assert form_field._hint.startswith(hint.removesuffix(" …")), (form_field.key, hint)
        checked += 1
    return checked


async def test_at_80x24_the_form_shows_whole_words(user_routines: Path) -> None:
    app = editor_app(user_routines)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = editor(app)
        assert hints_in_whole_words(screen) >= 8
        form = screen.query_one(StepForm).region
        for button in screen.query(RadioButton):
            assert form.contains_region(button.region), (str(button.label), button.region)
        # The reps and pace fields appear with a switch to reps: fitted as they appear.
        await pilot.click("#kind-reps")
        await pilot.pause()
        assert screen.query_one("#step-reps").region.width > 0
        assert hints_in_whole_words(screen) >= 8
