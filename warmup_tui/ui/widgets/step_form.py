"""The form for one step: name, a timed hold or reps at a pace, sides, sets, rest, cue."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Label, RadioButton, RadioSet, Static

from warmup_tui.routines.draft import StepDraft, StepKind
from warmup_tui.ui.widgets.form_field import FormField


class StepForm(Vertical):
    """Shows the selected step; the screen maps its field keys to ``steps[i].key``."""

    DEFAULT_CSS = """
    StepForm { height: auto; }
    StepForm #step-problem { color: $error; display: none; height: auto; }
    StepForm.-invalid #step-problem { display: block; }
    StepForm #step-kind-row { height: auto; }
    /* As wide as the fields' labels, which a screen may narrow (a class, not an id, so
       the screen's rule wins). Each button ends in a space: with no padding or margin
       the row fits a 30-column form (80 columns) whole. */
    StepForm Horizontal > .field-label { width: 14; color: $text-muted; }
    StepForm RadioSet { layout: horizontal; width: auto; height: auto; }
    StepForm RadioSet > RadioButton { width: auto; padding: 0; }
    StepForm.-hold #step-reps, StepForm.-hold #step-pace { display: none; }
    StepForm.-reps #step-duration { display: none; }
    StepForm #step-empty { color: $text-muted; display: none; }
    StepForm.-empty > * { display: none; }
    StepForm.-empty #step-empty { display: block; }
    """

    class KindChanged(Message):
        """The user switched the step between a timed hold and reps."""

        def __init__(self, form: StepForm, kind: StepKind) -> None:
            super().__init__()
            self.form = form
            self.kind = kind

        @property
        def control(self) -> StepForm:
            return self.form

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-hold")

    def compose(self) -> ComposeResult:
        yield Static("No steps yet: press a in the step list to add one.", id="step-empty")
        yield Static("", id="step-problem", markup=False)
        yield FormField("name", "Name", id="step-name")
        with Horizontal(id="step-kind-row"):
            yield Label("Kind", classes="field-label")
            with RadioSet(id="step-kind", compact=True):
                yield RadioButton("Hold", value=True, id="kind-hold")
                yield RadioButton("Reps", id="kind-reps")
        yield FormField("duration", "Duration", hint="like 30s or 1m30s", id="step-duration")
        yield FormField("reps", "Reps", hint="1 to 1000", id="step-reps")
        yield FormField("pace", "Pace", hint="per rep; blank: 3s", id="step-pace")
        yield FormField("sides", "Sides", hint="like left, right", id="step-sides")
        yield FormField("sets", "Sets", hint="blank: 1", id="step-sets")
        yield FormField("rest", "Rest", hint="blank: the default", id="step-rest")
        yield FormField("cue", "Cue", id="step-cue")

    def fields(self) -> list[FormField]:
        return list(self.query(FormField))

    def show_step(self, step: StepDraft | None) -> None:
        """Fills the form from the draft without echoing the values back as edits."""
        self.set_class(step is None, "-empty")
        if step is None:
            return
        for field in self.fields():
            field.set_value(getattr(step, field.key))
        self._show_kind(step.kind)

    def _show_kind(self, kind: StepKind) -> None:
        self.set_class(kind == "hold", "-hold")
        self.set_class(kind == "reps", "-reps")
        button = self.query_one(f"#kind-{kind}", RadioButton)
        if not button.value:
            with self.prevent(RadioButton.Changed, RadioSet.Changed):
                button.value = True

    def show_problems(self, step_problem: str, by_field: dict[str, str]) -> None:
        self.set_class(bool(step_problem), "-invalid")
        self.query_one("#step-problem", Static).update(step_problem)
        for field in self.fields():
            field.show_problem(by_field.get(field.key, ""))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        kind: StepKind = "reps" if event.pressed.id == "kind-reps" else "hold"
        self._show_kind(kind)
        self.post_message(self.KindChanged(self, kind))
