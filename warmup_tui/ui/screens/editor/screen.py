"""The routine editor: routine fields, the steps and their forms, the run-walk block, and the
total time and timeline, all updated as the user types. The draft and its decisions live
in a plain :class:`EditorSession`; saving and hand editing, with their questions, in
``flows``."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, OptionList, Static

from warmup_tui.common.terminal_text import shown
from warmup_tui.engine.clock import Clock, ScaledClock
from warmup_tui.engine.timeline import Segment, build_timeline, timeline_of
from warmup_tui.routines.draft import DraftCheck, RoutineDraft
from warmup_tui.routines.editor_session import EditorSession
from warmup_tui.routines.library import Library
from warmup_tui.routines.model import Routine
from warmup_tui.routines.save_target import EditTarget
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.ui.plain_text import plain_line
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.editor import flows
from warmup_tui.ui.screens.help import HelpScreen
from warmup_tui.ui.widgets.form_field import FormField
from warmup_tui.ui.widgets.routine_form import RoutineForm
from warmup_tui.ui.widgets.step_form import StepForm
from warmup_tui.ui.widgets.step_list import StepList
from warmup_tui.ui.widgets.timeline_view import TimelineView

PREVIEW_SPEED = 10.0
ClockForSpeed = Callable[[float], Clock]
# Keys typed into a text field instead of acting while one has focus (Esc leaves the field).
_LETTER_ACTIONS = {"preview", "hand_edit", "toggle_runwalk", "help", "close"}


class EditorScreen(Screen[bool]):
    """Edits one routine; dismisses with True when it saved the file at least once."""

    class PreviewWanted(Message):
        """Run ``run`` on ``clock`` as a session that logs nothing and plays no sound."""

        def __init__(self, editor: EditorScreen, run: PlannedRun, clock: Clock) -> None:
            super().__init__()
            self.editor = editor
            self.run = run
            self.clock = clock

        @property
        def control(self) -> EditorScreen:
            return self.editor

    DEFAULT_CSS = """
    EditorScreen #editor-body { height: 1fr; }
    EditorScreen #editor-left { width: 24; border-right: vkey $panel; padding: 0 1; }
    EditorScreen #editor-form { width: 1fr; padding: 0 1; }
    EditorScreen #timeline { width: 34; border-left: vkey $panel; padding: 0 1; }
    EditorScreen .section { text-style: bold; color: $accent; margin-top: 1; }
    EditorScreen .problem { color: $error; height: auto; }
    EditorScreen .problem.-empty { display: none; }
    EditorScreen #no-runwalk { color: $text-muted; margin-top: 1; }
    EditorScreen.-runwalk #no-runwalk { display: none; }
    EditorScreen #runwalk-form { display: none; height: auto; }
    EditorScreen.-runwalk #runwalk-form { display: block; }
    EditorScreen #editor-status { height: 1; padding: 0 1; background: $panel; }
    EditorScreen #editor-status.-invalid { background: $error-darken-2; }
    /* Below 110 columns the side panes give way so the form's inputs stay usable. */
    EditorScreen.-medium #editor-left { width: 20; }
    EditorScreen #editor-left OptionList { text-wrap: nowrap; text-overflow: ellipsis; }
    EditorScreen.-medium #timeline { width: 28; }
    EditorScreen.-narrow #editor-left { width: 16; }
    EditorScreen.-narrow #timeline { display: none; }
    EditorScreen.-medium .field-label, EditorScreen.-narrow .field-label { width: 12; }
    EditorScreen.-medium .field-problem, EditorScreen.-narrow .field-problem {
        padding-left: 12;
    }
    """

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-medium"), (110, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="editor.save"),
        Binding("p", "preview", "Preview", id="editor.preview"),
        Binding("o", "hand_edit", "Edit file", id="editor.hand_edit"),
        Binding("w", "toggle_runwalk", "Run-walk block", show=False, id="editor.runwalk"),
        Binding("question_mark", "help", "Help", key_display="?", id="editor.help"),
        Binding("escape", "leave_field", "Back", show=False, id="editor.back"),
        Binding("q", "close", "Close", id="editor.close"),
    ]

    def __init__(self, target: EditTarget, routine: Routine, library: Library, *,
                 draft: RoutineDraft | None = None, preview_speed: float = PREVIEW_SPEED,
                 preview_clock: ClockForSpeed | None = None) -> None:
        super().__init__(classes="editor")
        self.session = EditorSession(target, routine, library, draft)
        self.preview_speed = preview_speed
        self.preview_clock: ClockForSpeed = preview_clock or ScaledClock
        self.last_good: tuple[list[Segment], float] = ([], 0.0)
        self._list_shown: object = None

    @property
    def target(self) -> EditTarget:
        return self.session.target

    @property
    def draft(self) -> RoutineDraft:
        return self.session.draft

    @property
    def selected(self) -> int | None:
        return self.session.selected

    @property
    def check(self) -> DraftCheck:
        """The draft's check as of the last change."""
        return self.session.check

    @property
    def dirty(self) -> bool:
        """Whether the draft differs from what was loaded or last saved."""
        return self.session.dirty

    # ----- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="editor-body"):
            with Vertical(id="editor-left"):
                yield Label("Steps", classes="section")
                yield StepList(id="steps")
            yield RoutineForm(self.draft, id="editor-form")
            yield TimelineView(id="timeline")
        yield Static("", id="editor-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = shown(f"Edit {self.target.routine_id}")
        self.sub_title = shown(self.target.shown)
        self.fill_form()
        self.query_one(StepList).focus()
        if self.target.is_copy and not self.target.path.exists():
            self.notify(f"A bundled routine: saving makes your own copy, {self.target.shown}",
                        timeout=6)

    # ----- showing the draft --------------------------------------------------------------

    def fill_form(self) -> None:
        """Shows every value of the draft in the form, then refreshes the rest."""
        self.query_one(RoutineForm).fill(self.draft, self.selected)
        self.refresh_view()

    def refresh_view(self) -> None:
        """Checks the draft and shows the outcome: problems at their fields, the timeline,
        the total and the status line."""
        self.session.recheck()
        if self.check.routine is not None:
            self.last_good = timeline_of(self.check.routine)
        self.query_one(TimelineView).show(*self.last_good, stale=not self.check.ok)
        self.set_class(self.draft.runwalk is not None, "-runwalk")
        self._show_list()
        self.query_one(RoutineForm).show_problems(self.check, self.selected)
        self._show_status()

    def _show_list(self) -> None:
        flagged = {i for i in range(len(self.draft.steps)) if self.check.step_has_problems(i)}
        shown = ([s.name for s in self.draft.steps], flagged, self.selected)
        if shown != self._list_shown:
            self._list_shown = shown
            self.query_one(StepList).show_steps(self.draft.steps, flagged, self.selected)

    def _show_status(self) -> None:
        status = self.query_one("#editor-status", Static)
        status.update(plain_line(self.session.status_line()))
        status.set_class(not self.check.ok, "-invalid")

    # ----- edits from the form -----------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        field = next((a for a in event.input.ancestors if isinstance(a, FormField)), None)
        if field is None:
            return
        in_step = any(isinstance(a, StepForm) for a in field.ancestors)
        if self.session.set_field(field.key, event.value, in_step=in_step):
            self.refresh_view()

    def on_step_form_kind_changed(self, event: StepForm.KindChanged) -> None:
        if self.session.set_field("kind", event.kind, in_step=True):
            self.refresh_view()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, StepList) and event.option_index != self.selected:
            self.session.selected = event.option_index
            self._after_list_change()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, StepList):
            self.query_one("#step-name", FormField).input.focus()

    # ----- the step list's requests ------------------------------------------------------

    def _after_list_change(self) -> None:
        self._list_shown = None
        self.query_one(RoutineForm).fill_step(self.draft, self.selected)
        self.refresh_view()

    def on_step_list_added(self, _event: StepList.Added) -> None:
        self.session.add_step()
        self._after_list_change()

    def on_step_list_removed(self, _event: StepList.Removed) -> None:
        name = self.session.delete_step()
        if name is not None:
            self._after_list_change()
            self.notify(f"Deleted {name or 'the step'}; close without saving to get it back",
                        timeout=4)

    def on_step_list_copied(self, _event: StepList.Copied) -> None:
        self.session.duplicate_step()
        self._after_list_change()

    def on_step_list_moved(self, event: StepList.Moved) -> None:
        self.session.move_step(event.offset)
        self._after_list_change()

    def action_toggle_runwalk(self) -> None:
        def apply(yes: bool | None = True) -> None:
            if yes:
                self.draft.toggle_runwalk()
                self.fill_form()

        if self.draft.runwalk is None:
            apply()
            return
        self.app.push_screen(ConfirmScreen("Remove the run-walk block?",
                                           "The steps stay; the run and walk intervals go."),
                             apply)

    # ----- keys that leave, help, and which keys apply -----------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in _LETTER_ACTIONS and isinstance(self.focused, Input))

    def action_leave_field(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one(StepList).focus()
        else:
            self.action_close()

    def action_close(self) -> None:
        if not self.dirty:
            self.dismiss(self.session.saved_once)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(self.session.saved_once)

        self.app.push_screen(ConfirmScreen("Close without saving?",
                                           "Your changes since the last save are lost.",
                                           yes="Close", no="Keep editing"), answered)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen([*self.BINDINGS, *StepList.BINDINGS], "Editor keys"))

    def refuse(self, what: str) -> None:
        """Says why the draft cannot be saved or previewed as it is."""
        self.notify(self.session.refusal(what), title="Fix the marked fields first",
                    severity="error", timeout=8)

    def action_save(self) -> None:
        self._save_worker()

    @work(exclusive=True, group="editor")
    async def _save_worker(self) -> None:
        await flows.save(self)

    def action_hand_edit(self) -> None:
        self._hand_edit_worker()

    @work(exclusive=True, group="editor")
    async def _hand_edit_worker(self) -> None:
        await flows.hand_edit(self)

    def action_preview(self) -> None:
        """Asks the app to run the draft at preview speed; nothing is logged, no sound plays."""
        routine = self.check.routine
        if routine is None or not self.check.ok:
            self.refuse("No preview")
            return
        speed = self.preview_speed
        run = PlannedRun(self.target.routine_id, f"{routine.name} (preview at {speed:g}x)",
                         tuple(build_timeline(routine)))
        self.post_message(self.PreviewWanted(self, run, self.preview_clock(speed)))
