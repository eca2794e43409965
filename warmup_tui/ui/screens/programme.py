"""The programme screen (p on home): the weeks, where the runner is, the next session in
words, and the moves ``warmup program`` makes (repeat this week, go to week N, follow
another programme). Reading and saving run on a worker (runs/programme_moves.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from warmup_tui.common.counting import count_of
from warmup_tui.common.problems import ProblemsError
from warmup_tui.programme.model import Week
from warmup_tui.programme.progress import Position
from warmup_tui.runs.programme_moves import (
    PlanPlace,
    go_to_week,
    repeat_this_week,
    use_programme,
    where_in_plan,
)
from warmup_tui.ui.plain_text import plain
from warmup_tui.ui.screens.programme_choice import ProgrammeQuestion, WeekQuestion

Now = Callable[[], datetime]


def week_row(week: Week, position: Position) -> tuple[str, str, str]:
    """('> Week 2', '✓ ✓ ▶ ·', 'run 1 min 30 s / walk 2 min x 6'): where the runner is,
    each session done, next or still to do, and the week in words, its sessions a line each."""
    marks = " ".join("▶" if position.next is not None and s.key == position.next.key
                     else "✓" if s.key in position.done else "·" for s in week.sessions)
    here = ">" if position.next is not None and position.next.week == week.number else " "
    return f"{here} Week {week.number}", marks, "\n".join(week.summary_parts())


def weeks_grid(position: Position) -> Table:
    """The weeks as a grid, so a long week wraps under its own words at 80 columns
    instead of back to the screen's edge."""
    grid = Table.grid(padding=(0, 3))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for week in position.programme.weeks:
        grid.add_row(*(plain(cell) for cell in week_row(week, position)))
    return grid


def plan_lines(position: Position) -> list[str]:
    programme = position.programme
    done = count_of(len(position.done), position.total, "session")
    this_week = count_of(position.this_week, programme.sessions_per_week, "session")
    if position.next is None:
        next_line = "Programme complete: keep running 30 minutes easy."
    else:
        next_line = f"Next: {position.next.title}: {position.next.describe()}"
    return [next_line, f"{done} done; {this_week} this week (from Monday)."]


class ProgrammeScreen(Screen[bool]):
    """Dismisses with True when a move changed where the programme goes next."""

    DEFAULT_CSS = """
    ProgrammeScreen #programme-body { padding: 1 2; }
    ProgrammeScreen #programme-title { text-style: bold; color: $accent; }
    ProgrammeScreen #programme-next { text-style: bold; margin: 1 0; }
    ProgrammeScreen #programme-weeks { height: auto; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,p", "close", "Back", id="programme.close"),
        Binding("r", "repeat_week", "Repeat this week", id="programme.repeat"),
        Binding("w", "go_to_week", "Go to week", id="programme.week"),
        Binding("u", "use_another", "Another programme", id="programme.use"),
    ]

    @dataclass
    class Read(Message):
        """Where the runner is, read or moved on the worker (None: it could not be read),
        and what to say about it."""

        place: PlanPlace | None
        said: str = ""

    def __init__(self, now: Now | None = None) -> None:
        super().__init__(classes="programme")
        self.now: Now = now or (lambda: datetime.now().astimezone())
        self.place: PlanPlace | None = None
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="programme-body"):
            yield Static("Reading your programme…", id="programme-title")
            yield Static("", id="programme-next")
            yield Static("", id="programme-weeks")
        yield Footer()

    def on_mount(self) -> None:
        self._on_worker(lambda: self.Read(where_in_plan(now=self.now())))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action == "close" or self.place is not None

    @dataclass
    class ProgrammesRead(Message):
        """The programmes there are to choose from: id to name."""

        programmes: dict[str, str]

    def _on_worker(self, step: Callable[[], Message]) -> None:
        def run() -> None:
            message: Message
            try:
                message = step()
            except ProblemsError as error:
                message = self.Read(self.place, "; ".join(str(p) for p in error.problems))
            self.post_message(message)

        self.run_worker(run, name="programme", group="programme", exclusive=True,
                        thread=True)

    def on_programme_screen_read(self, message: Read) -> None:
        self.place = message.place
        if message.said:
            self.notify(message.said, timeout=5)
        self.refresh_bindings()
        if message.place is None:
            return
        position = message.place.position
        programme = position.programme
        self.query_one("#programme-title", Static).update(plain(
            f"{programme.name}" + (f" · {programme.description}" if programme.description
                                   else "")))
        self.query_one("#programme-next", Static).update(plain("\n".join(plan_lines(position))))
        self.query_one("#programme-weeks", Static).update(weeks_grid(position))

    def _moved(self, move: Callable[[PlanPlace, datetime], PlanPlace], said: str) -> None:
        place = self.place
        if place is None:
            return
        self.changed = True
        self._on_worker(lambda: self._read_after(move(place, self.now()), said))

    def _read_after(self, place: PlanPlace, said: str) -> ProgrammeScreen.Read:
        """``said`` with the week the programme goes on from in place of ``{week}``."""
        week = place.position.next.week if place.position.next is not None else "?"
        return self.Read(place, said.replace("{week}", str(week)))

    def action_repeat_week(self) -> None:
        self._moved(repeat_this_week, "Repeating week {week}")

    def action_go_to_week(self) -> None:
        place = self.place
        if place is None:
            return
        current = place.position.next.week if place.position.next is not None else None

        def chosen(week: int | None) -> None:
            if week is not None:
                back = current is not None and week < current
                said = "Back to week {week}" if back else "On to week {week}"
                self._moved(lambda p, now: go_to_week(p, week, now), said)

        self.app.push_screen(WeekQuestion(len(place.position.programme.weeks)), chosen)

    def action_use_another(self) -> None:
        place = self.place
        if place is None:
            return
        self._on_worker(lambda: self.ProgrammesRead(_programme_names()))

    def on_programme_screen_programmes_read(self, message: ProgrammesRead) -> None:
        place = self.place
        if place is None:
            return

        def chosen(ref: str | None) -> None:
            if ref is None or ref == place.position.programme.id:
                return
            self.changed = True
            self._on_worker(lambda: self._read_after(
                where_in_plan(use_programme(place.state, ref), now=self.now()),
                f"Following {message.programmes[ref]}"))

        self.app.push_screen(ProgrammeQuestion(message.programmes,
                                               place.position.programme.id), chosen)

    def action_close(self) -> None:
        self.dismiss(self.changed)


def _programme_names() -> dict[str, str]:
    from warmup_tui.programme.files import known_programmes, resolve_programme

    names: dict[str, str] = {}
    for ref in sorted(known_programmes()):
        try:
            names[ref] = resolve_programme(ref).name
        except ProblemsError:
            continue  # a broken file is not offered
    return names
