"""The programme screen (p on home): the weeks, where the runner is, the next session, and
the moves warmup program makes, saved to the real state file and seen by the CLI."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from textual.widgets import Static

from warmup_tui.common.paths import bundled_dir
from warmup_tui.engine.clock import FakeClock
from warmup_tui.programme.files import user_programmes_dir
from warmup_tui.ui.screens.home import HomeScreen
from warmup_tui.ui.screens.programme import ProgrammeScreen
from warmup_tui.ui.screens.programme_choice import ProgrammeQuestion, WeekQuestion

from .app_factory import make_app
from .pilot_wait import wait_until

SIZE = (100, 40)


def _text(app: object, widget_id: str) -> str:
    from textual.app import App

    assert isinstance(app, App)
    shown = app.screen.query_one(f"#{widget_id}", Static).content
    if isinstance(shown, Table):  # the weeks' grid, one line a week at this width
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(shown)
        return console.export_text()
    return str(shown)


def _cli_programme() -> dict[str, object]:
    shown = subprocess.run([sys.executable, "-m", "warmup_tui", "program", "--json"],
                           capture_output=True, text=True, check=True)
    return json.loads(shown.stdout)


async def _open_programme(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.loaded,
                     "home")
    await pilot.press("p")
    await wait_until(pilot, lambda: isinstance(app.screen, ProgrammeScreen)
                     and app.screen.place is not None, "the programme read")


async def test_p_shows_the_weeks_where_you_are_and_the_next_session() -> None:
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await _open_programme(pilot, app)
        assert "Build to 30" in _text(app, "programme-title")
        assert "Next: week 1, session 1: run 1 min / walk 1 min 30 s x 8" in _text(
            app, "programme-next")
        lines = _text(app, "programme-weeks").splitlines()
        weeks = [line for line in lines if line[2:].startswith("Week ")]
        assert len(weeks) == 9
        assert weeks[0].startswith("> Week 1") and "▶ · · ·" in weeks[0]
        # A week's second group of sessions goes under its first, not to the edge.
        second = lines[lines.index(weeks[0]) + 1]
        assert second.lstrip().startswith("s3-4: ")
        assert second.index("s3-4") == weeks[0].index("s1-2")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")


async def test_go_to_week_and_repeat_are_saved_as_warmup_program_saves_them() -> None:
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await _open_programme(pilot, app)
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, WeekQuestion), "the question")
        await pilot.press("3", "enter")
        await wait_until(pilot, lambda: "Next: week 3, session 1" in _text(
            app, "programme-next"), "week 3")
        assert [line for line in _text(app, "programme-weeks").splitlines()
                if line[2:].startswith("Week ")][2].startswith("> Week 3")
        await wait_until(pilot, lambda: _cli_programme()["anchor"] is not None, "the save")
        anchor = _cli_programme()["anchor"]
        assert isinstance(anchor, dict) and anchor["session"] == "w3s1"
        await pilot.press("r")
        await wait_until(pilot, lambda: (_cli_programme()["anchor"] or {}).get(  # type: ignore[union-attr]
            "reason") == "repeat", "the repeat saved")
        await pilot.press("escape")
        home = app.screen
        assert isinstance(home, HomeScreen)
        # Today follows the move (read again off the loop once the screen closes).
        await wait_until(pilot, lambda: "week 3, session 1" in (home.today_label or ""),
                         "Today's line to follow")


async def test_another_programme_can_be_chosen() -> None:
    folder = user_programmes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = (Path(bundled_dir("routines")) / "programmes" / "build-to-30.toml").read_text()
    (folder / "gentle.toml").write_text(text.replace('name = "Build to 30"',
                                                     'name = "Gentle start"'))
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await _open_programme(pilot, app)
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(app.screen, ProgrammeQuestion), "the list")
        question = app.screen
        assert isinstance(question, ProgrammeQuestion)
        assert question.programmes == {"build-to-30": "Build to 30", "gentle": "Gentle start"}
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: "Gentle start" in _text(app, "programme-title"),
                         "the programme followed")
    assert _cli_programme()["id"] == "gentle"
