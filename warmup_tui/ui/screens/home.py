"""The home screen: today's session first, then every routine with its length."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from warmup_tui.common.problems import Problem
from warmup_tui.ui.plain_text import plain, plain_line
from warmup_tui.ui.screens.help import HelpScreen
from warmup_tui.ui.services import AppServices
from warmup_tui.ui.widgets.today_advice import TodayAdvice

if TYPE_CHECKING:  # the rules load with the log, the routines with the library: on
    # start-up's worker, after the first frame
    from warmup_tui.coaching.rules import Advice
    from warmup_tui.routines.library import Entry


def today_button_label(today_label: str) -> str:
    """'Today: Pre-run warmup, then week 1, session 1' over 'run 1 min / walk 90 s x 8 (30 min)':
    two lines broken where the sense breaks, so 80 columns never strand a lone 'min)'."""
    session, _, what = today_label.partition(": ")
    return f"Today: {session}\n{what}" if what else f"Today: {today_label}"


def routine_option(entry: Entry) -> Option:
    """Two lines per routine: length, name and source, then the description, which wraps
    under the name; a broken file shows its first problem instead (it can still be
    highlighted, so that e can open it for fixing)."""
    # Imported here: the list is filled after the first frame, which need not wait for it.
    from warmup_tui.common.durations import format_clock
    from warmup_tui.engine.timeline import build_timeline, total_seconds

    if entry.routine is None:
        count = len(entry.problems)
        first = _where_and_what(entry.problems[0]) if entry.problems else "cannot be loaded"
        heading = Text.assemble(
            plain_line(entry.id, "bold"),
            (f"  has {count or 'a'} problem{'s' if count > 1 else ''}", "yellow"),
            (f"; {fix_hint(entry)}", "dim"))
        return Option(_two_lines(Text("⚠", "yellow"), heading, plain_line(first, "dim")),
                      id=entry.id)
    total = format_clock(total_seconds(build_timeline(entry.routine)))
    heading = Text.assemble(
        plain_line(entry.routine.name, "bold"),
        (f"  ({entry.source})" if entry.source != "bundled" else "", "magenta"))
    about = plain(entry.routine.description or entry.id, "dim")
    return Option(_two_lines(Text(total, "cyan"), heading, about), id=entry.id)


def _two_lines(margin: Text, heading: Text, detail: Text) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(width=7, justify="right")
    grid.add_column(ratio=1)
    grid.add_row(margin, heading)
    grid.add_row("", detail)
    return grid


def fix_hint(entry: Entry) -> str:
    """Where a broken routine gets fixed: its own file, or the one its chain goes to (a
    file that loads on its own, a bundled one above all, is never handed to an editor)."""
    if entry.problems and all(problem.key == "then" for problem in entry.problems):
        return "fix the routine it chains to"
    return "e opens it in your editor"


def _where_and_what(problem: Problem) -> str:
    """A problem without its file (the line above names the routine): 'line 7: ...'."""
    where = f"line {problem.line}: " if problem.line is not None else ""
    return where + (f"{problem.key}: " if problem.key else "") + problem.message


LOADING = "Routines (loading…)"


class HomeScreen(Screen[None]):
    """Lists routines; Enter starts the highlighted one, t starts today's session."""

    BINDINGS = [
        Binding("t", "today", "Today", id="home.today"),
        Binding("enter", "start", "Start", show=False, id="home.start"),
        Binding("e", "edit", "Edit", id="home.edit"),
        Binding("h", "history", "History", id="home.history"),
        Binding("p", "programme", "Programme", id="home.programme"),
        Binding("g", "guide", "Guide", id="home.guide"),
        Binding("r", "reload", "Reload", show=False, id="home.reload"),
        Binding("question_mark", "help", "Help", key_display="?", id="home.help"),
        Binding("q", "app.quit", "Quit", id="home.quit"),
    ]

    class StartRoutine(Message):
        """The user picked a routine to run."""

        def __init__(self, routine_id: str) -> None:
            super().__init__()
            self.routine_id = routine_id

    class StartToday(Message):
        """The user chose today's warmup and run."""

    def __init__(self, services: AppServices, entries: list[Entry] | None = None,
                 today_label: str | None = None, *, hidden_at_first: bool = False) -> None:
        """With no entries the screen says it is loading until :meth:`fill` is called.
        ``hidden_at_first``: a session covers it from the start, so its widgets are made
        only when it is first shown, and the session's first frame does not wait for them."""
        super().__init__(classes="home")
        self.services = services
        self.entries = entries or []
        self.loaded = entries is not None
        self.today_label = today_label
        self.today_advice: Advice | None = None
        self._unbuilt = hidden_at_first

    @property
    def unbuilt(self) -> bool:
        """Covered by a session from the start and not shown yet: it is made, and read
        from disk, when first shown."""
        return self._unbuilt

    def compose(self) -> ComposeResult:
        if not self._unbuilt:
            yield from self._widgets()

    def _widgets(self) -> list[Widget]:
        # The Today button comes with today's line: no frame shows it before, and its
        # long default CSS would only slow the first frame down.
        today = [self._today_button(self.today_label)] if self.today_label else []
        body = Vertical(
            *today, TodayAdvice(self.today_advice, id="today-advice"),
            Label("Routines" if self.loaded else LOADING, id="routines-title"),
            OptionList(*[routine_option(e) for e in self.entries], id="routines"),
            id="home-body")
        return [Header(), body, Footer()]

    @staticmethod
    def _today_button(today_label: str) -> Button:
        return Button(today_button_label(today_label), id="today", variant="primary")

    async def on_screen_resume(self) -> None:
        if self.loaded and not self._unbuilt:
            self.action_reload()  # back in view: files may have changed meanwhile
        if self._unbuilt and self.app.screen is self:
            self._unbuilt = False
            await self.mount_all(self._widgets())
            # An app ending (a session from the shell is over) may have taken them away
            # again while they mounted: then there is nothing left to fill in.
            for routines in self.query(OptionList):
                # It may have moved on while they mounted.
                self.show_today(self.today_label, self.today_advice)
                self._highlight_first()
                routines.focus()
                if not self.loaded and self.app.return_code is None:
                    self.action_reload()  # not read while a session covered it

    def fill(self, entries: list[Entry], today_label: str | None,
             advice: Advice | None = None) -> None:
        """Show the routines and today's session, read from disk after the first frame."""
        self.entries = entries
        self.loaded = True
        if self._unbuilt:  # made from these when first shown
            self.today_label, self.today_advice = today_label, advice
            return
        self.query_one("#routines-title", Label).update("Routines")
        routines = self.query_one(OptionList)
        kept = routines.highlighted  # a reload keeps the runner's place in the list
        routines.clear_options()
        routines.add_options([routine_option(e) for e in entries])
        if kept is not None and kept < len(entries):
            routines.highlighted = kept
        else:
            self._highlight_first()
        self.show_today(today_label, advice)

    def _highlight_first(self) -> None:
        for routines in self.query(OptionList):
            if self.entries:
                routines.highlighted = 0

    def on_mount(self) -> None:
        if not self._unbuilt:
            self.query_one(OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "today" and not self.today_label)

    def reload(self) -> None:
        """Reads the routines again and shows them, keeping the highlighted line."""
        self.entries = self.services.library.entries()
        for routines in self.query("#routines").results(OptionList):
            highlighted = routines.highlighted
            routines.set_options([routine_option(entry) for entry in self.entries])
            if highlighted is not None and highlighted < len(self.entries):
                routines.highlighted = highlighted

    def show_today(self, today_label: str | None, advice: Advice | None = None) -> None:
        """Update the Today button and its advice after a session moved the programme on
        or a check-in changed the advice."""
        self.today_label, self.today_advice = today_label, advice
        if self._unbuilt:
            self.refresh_bindings()
            return
        # Being built (first shown just now): its Today button is made from today_label.
        buttons = list(self.query("#today").results(Button))
        for button in buttons:
            if today_label:
                button.label = today_button_label(today_label)
            button.display = bool(today_label)
        if today_label and not buttons:
            for advice_line in self.query("#today-advice"):  # none while being built
                self.query_one("#home-body").mount(self._today_button(today_label),
                                                   before=advice_line)
        for line in self.query("#today-advice").results(TodayAdvice):
            line.show(advice)
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._start(event.option.id)

    def _start(self, routine_id: str) -> None:
        entry = next((e for e in self.entries if e.id == routine_id), None)
        if entry is not None and entry.routine is None:
            self.notify(f"{routine_id} has problems to fix first; {fix_hint(entry)}",
                        severity="warning", timeout=6)
            return
        self.post_message(self.StartRoutine(routine_id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "today":
            self.action_today()

    def _highlighted_id(self) -> str | None:
        """The highlighted routine (none while the list is still being built)."""
        for routines in self.query("#routines").results(OptionList):
            if routines.highlighted is not None:
                return routines.get_option_at_index(routines.highlighted).id
        return None

    def action_start(self) -> None:
        routine_id = self._highlighted_id()
        if routine_id:
            self._start(routine_id)

    def action_today(self) -> None:
        self.post_message(self.StartToday())

    def action_edit(self) -> None:
        from warmup_tui.ui.screens.editor import edit_from_home

        routine_id = self._highlighted_id()
        if routine_id:
            edit_from_home(self, routine_id)

    def action_history(self) -> None:
        from warmup_tui.log.counting import RunRule
        from warmup_tui.ui.screens.history import HistoryScreen

        training = self.services.settings.training
        self.app.push_screen(HistoryScreen(training.weekly_goal, units=training.units,
                                           rule=RunRule(training.min_run_minutes * 60)))

    def action_reload(self) -> None:
        """Read the routines and Today again, on a worker: a file fixed or changed on disk
        shows as it now is."""
        self.run_worker(self._read_from_disk, name="home-reload", group="home-reload",
                        exclusive=True, thread=True)

    def _read_from_disk(self) -> None:
        from warmup_tui.ui import today
        from warmup_tui.ui.messages import HomeLoaded

        library = self.services.library
        line = today.line(library, self.services.settings.coaching)
        self.post_message(HomeLoaded(library.entries(), line.label, line.advice))

    def action_programme(self) -> None:
        from warmup_tui.ui.screens.programme import ProgrammeScreen

        def closed(changed: bool | None) -> None:
            if changed:  # Today's session moved: read its line again, off the loop
                self.run_worker(self._read_today, name="today-line", group="today-line",
                                exclusive=True, thread=True)

        self.app.push_screen(ProgrammeScreen(), closed)

    def _read_today(self) -> None:
        from warmup_tui.ui import today
        from warmup_tui.ui.messages import TodayRead

        line = today.line_after_writes(self.services.library, self.services.settings.coaching)
        self.post_message(TodayRead(line.label, line.advice))

    def action_guide(self) -> None:
        from warmup_tui.coaching.guide import calves_guide
        from warmup_tui.ui.screens.guide import GuideScreen

        self.app.push_screen(GuideScreen(calves_guide(self.services.settings.coaching)))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.BINDINGS, "Home keys"))
