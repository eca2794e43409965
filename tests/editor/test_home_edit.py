"""`e` on the home screen opens the editor on the highlighted routine; after a save the
home list shows the user's copy."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from warmup_tui.clock import FakeClock
from warmup_tui.config import Settings
from warmup_tui.library import Library
from warmup_tui.paths import bundled_dir
from warmup_tui.routine_file import load_routine
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.home import HomeScreen

from .editor_app import SIZE, editor, focus_list, type_into


def home_app(user: Path) -> WarmupApp:
    clock = FakeClock()
    return WarmupApp(library=Library(bundled=bundled_dir("routines"), user=user),
                     settings=Settings(), clock_factory=lambda: clock, mute=True)


def home_lines(app: WarmupApp) -> list[str]:
    home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
    routines = home.query_one("#routines", OptionList)
    return [str(routines.get_option_at_index(i).prompt) for i in range(routines.option_count)]


async def test_e_edits_the_highlighted_routine_and_home_shows_the_copy(
        user_routines: Path) -> None:
    app = home_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        routines = app.screen.query_one("#routines", OptionList)
        index = next(i for i in range(routines.option_count)
                     if routines.get_option_at_index(i).id == "pre-run")
        routines.highlighted = index
        await pilot.press("e")
        await pilot.pause()
        assert editor(app).target.routine_id == "pre-run"
        await type_into(pilot, "routine-rest", "5s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await focus_list(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running  # opened from home, closing the editor goes back there
        line = next(text for text in home_lines(app) if "Pre-run warmup" in text)
        assert "(user)" in line
        assert line.strip().startswith("4:05")  # was 4:20; three 10 s rests are now 5 s
    assert load_routine(user_routines / "pre-run.toml").routine.rest == 5
