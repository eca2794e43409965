"""The editor's form: the routine's fields, the selected step, and the run-walk block,
each with its problems shown where they belong."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from warmup_tui.routines.draft import RUNWALK_FIELDS, DraftCheck, RoutineDraft
from warmup_tui.ui.plain_text import plain
from warmup_tui.ui.widgets.form_field import FormField
from warmup_tui.ui.widgets.step_form import StepForm

_ROUTINE_FIELDS = (("name", "Name", ""), ("description", "Description", ""),
                   ("rest", "Rest", "between steps; blank: none"),
                   ("switch", "Switch", "to change sides; blank: 5s"),
                   ("then", "Then", "a routine to run next"))
_RUNWALK_LABELS = {"warmup": "Warmup walk", "run": "Run", "walk": "Walk", "repeats": "Repeats",
                   "cooldown": "Cooldown", "cadence": "Cadence"}


class RoutineForm(VerticalScroll):
    """Shows a draft; the user's typing reaches the screen as ``Input.Changed`` and
    ``StepForm.KindChanged``, and the screen maps field keys onto the draft."""

    def __init__(self, draft: RoutineDraft, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._initial = draft

    def compose(self) -> ComposeResult:
        yield Label("Routine", classes="section")
        for key, label, hint in _ROUTINE_FIELDS:
            yield FormField(key, label, getattr(self._initial, key), hint=hint,
                            id=f"routine-{key}")
        yield Static("", id="routine-problem", classes="problem", markup=False)
        yield Label("Step", id="step-title", classes="section")
        yield StepForm(id="step-form")
        yield Static("No run-walk block: press w to add one.", id="no-runwalk")
        with Vertical(id="runwalk-form"):
            yield Label("Run-walk block", classes="section")
            yield Static("", id="runwalk-problem", classes="problem", markup=False)
            for key in RUNWALK_FIELDS:
                yield FormField(f"runwalk.{key}", _RUNWALK_LABELS[key], id=f"runwalk-{key}")

    def _own_fields(self) -> list[FormField]:
        """The routine's and the run-walk block's fields (not the step's)."""
        return [f for f in self.query(FormField) if not isinstance(f.parent, StepForm)]

    def fill(self, draft: RoutineDraft, selected: int | None) -> None:
        """Shows every value of the draft."""
        for field in self._own_fields():
            if draft.runwalk is not None or not field.key.startswith("runwalk."):
                field.set_value(draft.get_field(field.key))
        self.fill_step(draft, selected)

    def fill_step(self, draft: RoutineDraft, selected: int | None) -> None:
        """Shows the selected step, or that there is none."""
        step = None if selected is None else draft.steps[selected]
        self.query_one(StepForm).show_step(step)
        title = "Step" if selected is None else f"Step {selected + 1} of {len(draft.steps)}"
        self.query_one("#step-title", Label).update(title)

    def show_problems(self, check: DraftCheck, selected: int | None) -> None:
        """Each problem at its field; the rest (the routine as a whole, the list of steps)
        under the routine's fields. Other steps' problems are marked in the step list."""
        placed: set[str] = set()
        for field in self._own_fields():
            field.show_problem("; ".join(check.messages_at(field.key)))
            placed.add(field.key)
        prefix = f"steps[{selected}]"
        by_field = {}
        step_form = self.query_one(StepForm)
        if selected is not None:
            for field in step_form.fields():
                by_field[field.key] = "; ".join(check.messages_at(f"{prefix}.{field.key}"))
                placed.add(f"{prefix}.{field.key}")
        placed.update((prefix, "runwalk"))
        step_form.show_problems("; ".join(check.messages_at(prefix)), by_field)
        self._show_line("#runwalk-problem", check.messages_at("runwalk"))
        others = [check.describe(p) for p in check.problems
                  if (p.key or "") not in placed and not (p.key or "").startswith("steps[")]
        self._show_line("#routine-problem", others)

    def _show_line(self, selector: str, messages: list[str]) -> None:
        widget = self.query_one(selector, Static)
        widget.update(plain("\n".join(messages)))
        widget.set_class(not messages, "-empty")
