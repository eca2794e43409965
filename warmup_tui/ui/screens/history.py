"""The history screen (the h key): this week against the goal, the streak, running
minutes per week, and recent sessions. The log is read in a worker thread."""

from __future__ import annotations

import sqlite3
import textwrap
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from warmup_tui.log.counting import RunRule
from warmup_tui.log.db import LogUnavailable
from warmup_tui.log.report import (
    History,
    chart_lines,
    load_history,
    session_line,
    summary_lines,
)
from warmup_tui.log.writer import wait_for_writes
from warmup_tui.runs.outside_runs import Saved, run_summary
from warmup_tui.runs.resume import pid_alive
from warmup_tui.ui.plain_text import plain
from warmup_tui.ui.screens.add_run import AddRunScreen

WEEKS = 8
SHOWN_SESSIONS = 30
WHEN_COLUMN = len("Mon  1 Jan 00:00  ")  # session_line's date and time, and the gap after


def fit_row(line: str, width: int) -> list[str]:
    """A session's row, with its note in brackets moved to a line of its own under the
    routine's name when the row is too wide, rather than wrapped mid-note."""
    main, bracket, note = line.rpartition("  (")
    if len(line) <= width or not bracket:
        return [line]
    # A long note wraps under itself, not back at the left edge under the date.
    return [main, *textwrap.wrap(f"({note}", width, initial_indent=" " * WHEN_COLUMN,
                                 subsequent_indent=" " * (WHEN_COLUMN + 1))]


class HistoryScreen(Screen[None]):
    """Read-only view of the training log; escape, q or h goes back."""

    DEFAULT_CSS = """
    HistoryScreen #history-body { padding: 1 2; }
    HistoryScreen .history-title { text-style: bold; margin-top: 1; color: $accent; }
    HistoryScreen #history-summary { text-style: bold; }
    HistoryScreen #history-chart, HistoryScreen #history-sessions { height: auto; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,h", "close", "Back", id="history.close"),
        Binding("r", "reload", "Reload", id="history.reload"),
        Binding("a", "add_run", "Add a run", id="history.add_run"),
    ]

    def __init__(self, goal: int, weeks: int = WEEKS, units: str = "km",
                 rule: RunRule | None = None) -> None:
        super().__init__(classes="history")
        self.goal = goal
        self.rule = rule or RunRule()
        self.weeks = weeks
        self.units = units
        self.history: History | None = None
        self._fitted_width: int | None = None  # the width the sessions were last fitted to

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="history-body"):
            yield Static("Reading the training log…", id="history-summary", markup=False)
            yield Label("Running time per week", classes="history-title")
            yield Static("", id="history-chart", markup=False)
            yield Label("Recent sessions", classes="history-title")
            yield Static("", id="history-sessions", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.action_reload()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_reload(self) -> None:
        self._load(self.goal)

    def action_add_run(self) -> None:
        self.app.push_screen(AddRunScreen(), self._run_added)

    def _run_added(self, saved: Saved | None) -> None:
        if saved is None:
            return
        self.app.notify(run_summary(saved.run, self.units), title="Run added")
        self.action_reload()

    @work(thread=True, exclusive=True, group="history")
    def _load(self, goal: int) -> None:
        def notice(message: str) -> None:
            self.app.call_from_thread(self.notify, message, title="Training log",
                                      severity="warning", timeout=8)

        wait_for_writes()  # a session that just ended goes in first
        try:
            history = load_history(goal, self.weeks, on_notice=notice, rule=self.rule,
                                   newest=SHOWN_SESSIONS)
        except LogUnavailable as error:
            self.app.call_from_thread(self._show_problem, str(error))
            return
        except sqlite3.Error as error:  # opened, but not a log we can read (damaged, altered)
            self.app.call_from_thread(self._show_problem, f"the file is damaged ({error})")
            return
        self.app.call_from_thread(self._show, history)

    def _show_problem(self, message: str) -> None:
        self.query_one("#history-summary", Static).update(
            plain(f"The training log cannot be read: {message}"))

    def _show(self, history: History) -> None:
        self.history = history
        self.query_one("#history-summary", Static).update(
            Text("\n".join(summary_lines(history.stats))))
        self.query_one("#history-chart", Static).update(
            Text("\n".join(chart_lines(history.stats))))
        self._fitted_width = None
        self._show_sessions()

    def on_resize(self) -> None:
        self._show_sessions()

    def _show_sessions(self) -> None:
        """The recent sessions, fitted to the screen's width; again after each resize."""
        width = self.app.size.width - 4  # the body's padding, 2 a side
        if self.history is None or width == self._fitted_width:
            return
        self._fitted_width = width
        recent, total = self.history.recent, self.history.total
        lines = [part for row in recent
                 for part in fit_row(session_line(row, pid_alive, self.units,
                                                  self.history.rule), width)]
        if not lines:
            lines = ["None in these weeks yet: pick a routine on the home screen to start."]
        elif total > len(recent):
            lines.append(f"… and {total - len(recent)} earlier "
                         "(warmup history --json lists them all)")
        self.query_one("#history-sessions", Static).update(plain("\n".join(lines)))
