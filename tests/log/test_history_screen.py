"""The history screen through Pilot: h on the home screen, over a real log file."""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from log_support import record
from textual.widgets import Static

from warmup_tui.common.config import Settings, TrainingSettings
from warmup_tui.common.paths import bundled_dir
from warmup_tui.engine.clock import FakeClock
from warmup_tui.log import default_path
from warmup_tui.routines.library import Library
from warmup_tui.runs.morning import morning_due, save_morning
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.history import SHOWN_SESSIONS, WHEN_COLUMN, HistoryScreen, fit_row
from warmup_tui.ui.screens.home import HomeScreen

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from big_log import fill

SIZE = (110, 40)
DAY = 86_400.0
WEEK = 7 * DAY


def make_app(goal: int = 3) -> WarmupApp:
    library = Library(bundled=bundled_dir("routines"), user=default_path().parent / "none")
    return WarmupApp(library=library, settings=Settings(training=TrainingSettings(
        weekly_goal=goal)), clock_factory=FakeClock, mute=True)


def text_of(app: WarmupApp, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", Static).content)


async def open_history(app: WarmupApp, pilot) -> HistoryScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("h")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


async def test_h_shows_the_week_the_streak_the_chart_and_sessions() -> None:
    today = datetime.now().date()
    monday = datetime.combine(today - timedelta(days=today.weekday()), dtime.min).astimezone(
    ).timestamp()
    for back in (1, 2):  # three runs in each of the last two weeks
        for day in (0, 2, 4):
            record("first-steps", monday - back * WEEK + day * DAY + 7 * 3600)
    record("first-steps", monday + 60)  # one so far this week
    record("pre-run", monday + 3600, stop_after=40)
    # On any day but Monday home would first ask how the calves feel after Monday's run;
    # this runner has answered it already, so the test reads the same every day.
    question = morning_due()
    if question is not None:
        assert save_morning(question.session_id, None) is None
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot)
        summary = text_of(app, "history-summary").splitlines()
        assert "1 of 3 runs  ●○○  2 more to meet the goal" in summary[0]
        assert summary[1] == "Streak: 2 weeks in a row meeting the goal"
        chart = text_of(app, "history-chart").splitlines()
        assert len(chart) == 8
        assert [line.split(" min")[0].split()[-1] for line in chart[-3:]] == ["24", "24", "8"]
        assert chart[-2].count("█") == 24 and chart[-1].count("█") == 8
        sessions = text_of(app, "history-sessions").splitlines()
        assert len(sessions) == 8
        assert "stopped at Hip flexor stretch" in sessions[0]
        assert "first-steps" in sessions[1] and "completed" in sessions[1]

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_empty_log_says_how_to_start() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot)
        assert "0 of 3 runs" in text_of(app, "history-summary")
        assert "None in these weeks yet" in text_of(app, "history-sessions")


async def test_unreadable_log_is_one_line_on_the_screen() -> None:
    default_path().parent.parent.mkdir(parents=True, exist_ok=True)
    default_path().parent.write_text("a file where the folder should be")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot)
        summary = text_of(app, "history-summary")
        assert summary.startswith("The training log cannot be read: ")
        assert "\n" not in summary


async def test_a_log_missing_its_tables_is_kept_aside_and_a_new_one_shown() -> None:
    import sqlite3

    record("first-steps", 1_709_553_600.0)
    with sqlite3.connect(default_path()) as conn:  # opens fine, but is not a whole log
        conn.execute("DROP TABLE segments")
        conn.execute("DROP TABLE sessions")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_history(app, pilot)
        summary = text_of(app, "history-summary")
        assert summary.startswith("This week"), summary
        # The start found the damage and said so, once (home opens the log first).
        said = [n.message for n in app._notifications if "was damaged" in n.message]
        assert len(said) == 1, [n.message for n in app._notifications]
        [moved] = [path for path in default_path().parent.glob("log.sqlite3.corrupt-*")
                   if not path.name.endswith(("-wal", "-shm"))]
        assert moved.stat().st_size > 0  # kept, never deleted
        assert app.is_running
        assert app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_a_note_too_long_for_one_line_wraps_under_itself() -> None:
    line = ("Mon 30 Nov 21:22  run                    3:00  completed  (ran 3:00, logged by "
            "hand, not counted: under 5 minutes of running)")
    rows = fit_row(line, 76)
    assert rows[0] == "Mon 30 Nov 21:22  run                    3:00  completed"
    assert [row[:WHEN_COLUMN + 1] for row in rows[1:]] == [
        " " * WHEN_COLUMN + "(", " " * (WHEN_COLUMN + 1)]
    assert all(len(row) <= 76 for row in rows)
    assert " ".join(row.strip() for row in rows[1:]) == line[line.index("(ran"):]


async def test_the_screen_keeps_only_the_sessions_it_shows() -> None:
    fill(default_path(), SHOWN_SESSIONS + 12, now=time.time())  # all within the weeks shown
    question = morning_due()
    if question is not None:
        assert save_morning(question.session_id, None) is None
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(app, pilot)
        sessions = text_of(app, "history-sessions").splitlines()
        assert sessions[-1] == "… and 12 earlier (warmup history --json lists them all)"
        assert screen.history is not None and len(screen.history.recent) == SHOWN_SESSIONS
        assert screen.history.total == SHOWN_SESSIONS + 12
