"""The summary's check-in: calves during the run with one key (0-9, t for 10), the talk
test with one more (c, w, n), h for a hilly route, x to skip. Each answer is posted as it
is given, so what was said is kept even if the runner leaves half way."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar, Literal

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from warmup_tui.coaching.answers import Answers

Step = Literal["calves", "effort", "done", "skipped"]
EFFORT_WORDS = {"chat": "could chat", "words": "a few words", "none": "could not talk"}
TEN_KEY = "t"  # one key for 10: "1" then "0" would need a deadline to tell it from 1

_QUESTIONS: dict[Step, str] = {
    "calves": "How were your calves on this run?\n"
              "0 (fine) to 9, t for 10 (the worst) · x to skip",
    "effort": "Talk test: c could chat · w a few words · n no talking\n"
              "h: hilly route",
}


class CheckInPanel(Static, can_focus=True):
    """Asks, one key at a time; ``answers`` holds what was said so far."""

    DEFAULT_CSS = """
    CheckInPanel { margin-top: 1; height: auto; color: $text; }
    CheckInPanel:focus { text-style: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"calves({n})", show=False, id=f"checkin.calves{n}")
          for n in range(10)),
        Binding(TEN_KEY, "calves(10)", show=False, id="checkin.calves10"),
        Binding("c", "effort('chat')", show=False, id="checkin.chat"),
        Binding("w", "effort('words')", show=False, id="checkin.words"),
        Binding("n", "effort('none')", show=False, id="checkin.none"),
        Binding("h", "hills", "Hilly route", id="checkin.hills"),
        Binding("x", "skip", "Skip check-in", id="checkin.skip"),
    ]

    class Answered(Message):
        """The runner gave an answer; ``answers`` is everything said so far."""

        def __init__(self, panel: CheckInPanel, answers: Answers) -> None:
            super().__init__()
            self.panel = panel
            self.answers = answers

        @property
        def control(self) -> CheckInPanel:
            return self.panel

    def __init__(self, sore_above: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sore_above = sore_above
        self.answers = Answers()
        self.step: Step = "calves"

    @property
    def sore(self) -> bool:
        """Calves above the easy limit: the summary offers the guide."""
        return self.answers.calves is not None and self.answers.calves > self.sore_above

    def on_mount(self) -> None:
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "calves":
            return self.step == "calves"
        if action == "effort":
            return self.step == "effort"
        if action in ("hills", "skip"):
            return self.step != "skipped" and not (action == "skip" and self.step == "done")
        return True

    def action_calves(self, score: int) -> None:
        self._answer(replace(self.answers, calves=score), "effort")

    def action_effort(self, effort: str) -> None:
        self._answer(replace(self.answers, effort=effort), "done")

    def action_hills(self) -> None:
        self._answer(replace(self.answers, hills=not self.answers.hills), self.step)

    def action_skip(self) -> None:
        self.step = "skipped"
        self._show()

    def _answer(self, answers: Answers, step: Step) -> None:
        self.answers, self.step = answers, step
        self._show()
        self.post_message(self.Answered(self, answers))

    def _show(self) -> None:
        self.update(self.text())

    def text(self) -> str:
        if self.step == "skipped":
            return "Check-in skipped: warmup checkin adds it later."
        lines = [_QUESTIONS[self.step]] if self.step in _QUESTIONS else []
        said = self.said()
        if said:
            lines.insert(0, ("Saved: " if self.step == "done" else "") + said)
        if self.sore:
            lines.append("g: what helps sore calves")
        return "\n".join(lines)

    def said(self) -> str:
        answers = self.answers
        parts = [] if answers.calves is None else [f"calves {answers.calves}/10"]
        if answers.effort is not None:
            parts.append(EFFORT_WORDS[answers.effort])
        if answers.hills:
            parts.append("hilly route")
        return ", ".join(parts)
