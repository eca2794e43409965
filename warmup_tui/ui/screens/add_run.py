""""Add a run" (the a key on the history screen): a run done without the app, checked
field by field, saved to the training log in a worker thread."""

from __future__ import annotations

import sqlite3
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Static

from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.log.outside import OutsideRun
from warmup_tui.runs.outside_runs import Refused, Saved, save_run
from warmup_tui.runs.run_entry import EntryError, run_entry
from warmup_tui.ui.plain_text import plain
from warmup_tui.ui.widgets.form_field import FormField

FIELDS = (("minutes", "Minutes", "how long you ran, such as 30"),
          ("date", "Date", "today, yesterday or YYYY-MM-DD"),
          ("time", "Start", "HH:MM; blank: it ended just now"),
          ("distance", "Distance", "such as 5km or 3.1mi (optional)"),
          ("note", "Note", "a few words (optional)"))


class AddRunScreen(ModalScreen[Saved | None]):
    """Dismisses with the saved run, or None when cancelled."""

    # Focus by selector when the screen is shown, so a screen closed before its
    # children mount (an app quitting) has nothing to look up.
    AUTO_FOCUS = "#add-run-minutes Input"

    DEFAULT_CSS = """
    AddRunScreen { align: center middle; }
    AddRunScreen > Vertical {
        width: 64; height: auto; border: thick $accent; background: $surface; padding: 1 2;
    }
    AddRunScreen #add-run-title { text-style: bold; margin-bottom: 1; }
    AddRunScreen #add-run-problem { color: $error; height: auto; }
    AddRunScreen Horizontal { height: auto; margin-top: 1; }
    AddRunScreen Button { margin-right: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="add_run.cancel"),
        Binding("ctrl+s", "save", "Save", id="add_run.save"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Add a run done without the app", id="add-run-title")
            for key, label, hint in FIELDS:
                yield FormField(key, label, "today" if key == "date" else "", hint=hint,
                                id=f"add-run-{key}")
            yield Checkbox("Count it as the next session of my programme", id="add-run-programme")
            yield Static("", id="add-run-problem", markup=False)
            with Horizontal():
                yield Button("Save (ctrl+s)", variant="primary", id="add-run-save")
                yield Button("Cancel (esc)", id="add-run-cancel")

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#add-run-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#add-run-save")
    def _save_pressed(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Check every field here (no files involved), then save in a worker."""
        run = self._checked_run()
        if run is None:
            return
        self.query_one("#add-run-save", Button).disabled = True
        self._save(run, self.query_one("#add-run-programme", Checkbox).value)

    def _field(self, key: str) -> FormField:
        return self.query_one(f"#add-run-{key}", FormField)

    def _checked_run(self) -> OutsideRun | None:
        for key, _, _ in FIELDS:
            self._field(key).show_problem("")
        values = {key: self._field(key).value for key, _, _ in FIELDS}
        try:
            return run_entry(values["minutes"], day=values["date"], start=values["time"],
                             distance=values["distance"], note=values["note"])
        except EntryError as error:
            self._field(error.field).show_problem(str(error))
            return None

    @work(thread=True, exclusive=True, group="add-run")
    def _save(self, run: OutsideRun, programme: bool) -> None:
        try:
            with TrainingLog.open() as log:
                saved = save_run(log, run, programme=programme)
        except (Refused, LogUnavailable, sqlite3.Error) as error:
            self.app.call_from_thread(self._show_problem, f"Not saved: {error}")
            return
        self.app.call_from_thread(self.dismiss, saved)

    def _show_problem(self, message: str) -> None:
        self.query_one("#add-run-problem", Static).update(plain(message))
        self.query_one("#add-run-save", Button).disabled = False
