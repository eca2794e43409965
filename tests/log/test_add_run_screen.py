"""The history screen's "Add a run" form through Pilot, over a real log file."""

from __future__ import annotations

from test_history_screen import SIZE, make_app, open_history, text_of
from textual.widgets import Button, Checkbox, Static

from warmup_tui.log import TrainingLog
from warmup_tui.log.counting import RunRule
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.add_run import AddRunScreen
from warmup_tui.ui.screens.history import HistoryScreen
from warmup_tui.ui.widgets.form_field import FormField


async def open_form(app: WarmupApp, pilot) -> AddRunScreen:  # type: ignore[no-untyped-def]
    await open_history(app, pilot)
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, AddRunScreen)
    return app.screen


def field(form: AddRunScreen, key: str) -> FormField:
    return form.query_one(f"#add-run-{key}", FormField)


async def save_and_wait(app: WarmupApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()  # the history's reload after the form closed
    await pilot.pause()


async def test_a_run_added_in_the_form_is_saved_and_listed() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        field(form, "minutes").input.value = "30"
        field(form, "distance").input.value = "5km"
        field(form, "note").input.value = "park loop"
        await save_and_wait(app, pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert "1 of 3 runs" in text_of(app, "history-summary")
        sessions = text_of(app, "history-sessions")
        assert "logged by hand, 5.00 km at 6:00 /km" in sessions
    with TrainingLog.open() as log:
        (row,) = log.sessions()
    assert (row.source, row.run_seconds, row.note, RunRule().counts(row)) == ("manual", 1800.0,
                                                                   "park loop", True)


async def test_wrong_fields_are_named_and_nothing_is_saved() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        field(form, "minutes").input.value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "expected more than 0" in field(form, "minutes").problem
        field(form, "minutes").input.value = "20"
        field(form, "date").input.value = "2999-01-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert field(form, "minutes").problem == ""
        assert "2999-01-01 is in the future" in field(form, "date").problem
        assert app.screen is form
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
    with TrainingLog.open() as log:
        assert log.sessions() == []


async def test_a_run_too_short_for_the_programme_stays_in_the_form() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        field(form, "minutes").input.value = "5"
        form.query_one("#add-run-programme", Checkbox).value = True
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is form
        problem = str(form.query_one("#add-run-problem", Static).content)
        assert problem == ("Not saved: ran 5:00, but week 1, session 1 of Build to 30 has 8:00"
                           " of running")
        assert not form.query_one("#add-run-save", Button).disabled
        field(form, "minutes").input.value = "8"
        await save_and_wait(app, pilot)
        assert isinstance(app.screen, HistoryScreen)
    with TrainingLog.open() as log:
        (row,) = log.sessions()
    assert (row.programme_id, row.programme_session) == ("build-to-30", "w1s1")
