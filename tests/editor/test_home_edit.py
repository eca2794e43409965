"""`e` on the home screen opens the editor on the highlighted routine; after a save the
home list shows the user's copy."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from rich.console import Console
from textual.widgets import OptionList

from tests.ui.app_factory import started
from warmup_tui.common.config import Settings
from warmup_tui.common.paths import bundled_dir
from warmup_tui.engine.clock import FakeClock
from warmup_tui.routines.files import load_routine
from warmup_tui.routines.library import Library
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.editor.hand_edit import HandEditProblemsScreen
from warmup_tui.ui.screens.home import HomeScreen

from .conftest import PlanEditor
from .editor_app import SIZE, editor, focus_list, type_into
from .fake_editor import runs


def home_app(user: Path) -> WarmupApp:
    clock = FakeClock()
    return WarmupApp(library=Library(bundled=bundled_dir("routines"), user=user),
                     settings=Settings(), clock_factory=lambda: clock, mute=True)


def home_lines(app: WarmupApp) -> list[str]:
    home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
    routines = home.query_one("#routines", OptionList)
    return [plain(routines.get_option_at_index(i).prompt) for i in range(routines.option_count)]


def plain(renderable: object) -> str:
    """A routine's two lines on home as text, rendered as the list renders them."""
    console = Console(width=90, file=io.StringIO(), color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


async def test_e_edits_the_highlighted_routine_and_home_shows_the_copy(
        user_routines: Path) -> None:
    app = home_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # home lists the routines once start-up has read them
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


BROKEN = 'format = 1\nname = "Mine"\n\n[[steps]]\nname = "Hold"\nduration = "half a minute"\n'


async def test_a_broken_routine_is_opened_in_the_users_editor_from_home(
        user_routines: Path, plan_editor: PlanEditor) -> None:
    path = user_routines / "mine.toml"
    path.write_text(BROKEN)
    # The first edit leaves it broken, the second fixes it.
    plan = plan_editor('"half a minute"=>"half"', '"half"=>"30s"')
    app = home_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # home lists the routines once start-up has read them
        routines = app.screen.query_one("#routines", OptionList)
        index = next(i for i in range(routines.option_count)
                     if routines.get_option_at_index(i).id == "mine")
        routines.highlighted = index
        assert routines.highlighted == index  # a broken file can be reached
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # not started: it has problems
        assert any("mine has problems to fix first" in n.message
                   for n in app._notifications)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, HandEditProblemsScreen)  # still broken after edit 1
        await pilot.press("e")  # edit again
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        line = next(text for text in home_lines(app) if "Mine" in text)
        assert "⚠" not in line and line.strip().startswith("0:30")
    assert runs(plan) == [str(path), str(path)]
    assert load_routine(path).routine.steps[0].duration == 30


async def test_leaving_a_broken_routine_as_written_keeps_it_listed_as_broken(
        user_routines: Path, plan_editor: PlanEditor) -> None:
    path = user_routines / "mine.toml"
    path.write_text(BROKEN)
    plan_editor("-")
    app = home_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # home lists the routines once start-up has read them
        routines = app.screen.query_one("#routines", OptionList)
        routines.highlighted = next(i for i in range(routines.option_count)
                                    if routines.get_option_at_index(i).id == "mine")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        line = next(text for text in home_lines(app) if "mine" in text)
        assert "⚠" in line and "has 1 problem;" in line
    assert path.read_text() == BROKEN  # nothing the user wrote is lost


async def test_a_routine_broken_only_by_its_chain_is_never_handed_to_an_editor(
        user_routines: Path, plan_editor: PlanEditor, tmp_path: Path) -> None:
    # A bundled pre-run that chains into easy-run-walk; the user's easy-run-walk is broken.
    folder = tmp_path / "bundled"
    shutil.copytree(bundled_dir("routines"), folder)
    pre_run = folder / "pre-run.toml"
    pre_run.write_text(pre_run.read_text().replace('then = "programme"', 'then = "easy-run-walk"'))
    (user_routines / "easy-run-walk.toml").write_text(BROKEN)
    bundled = pre_run.read_bytes()
    plan = plan_editor('"Pre-run warmup"=>"Changed"')
    clock = FakeClock()
    app = WarmupApp(library=Library(bundled=folder, user=user_routines),
                    settings=Settings(), clock_factory=lambda: clock, mute=True)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # home lists the routines once start-up has read them
        line = next(text for text in home_lines(app) if text.split()[1:2] == ["pre-run"])
        assert "fix the routine it chains to" in line
        routines = app.screen.query_one("#routines", OptionList)
        routines.highlighted = next(i for i in range(routines.option_count)
                                    if routines.get_option_at_index(i).id == "pre-run")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any('chains to "easy-run-walk", whose file has problems' in n.message
                   for n in app._notifications)
    assert runs(plan) == []
    assert pre_run.read_bytes() == bundled


async def test_reload_reads_the_routines_again_and_keeps_the_highlight(
        user_routines: Path) -> None:
    app = home_app(user_routines)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # home has filled in after its first frame
        home = app.screen
        assert isinstance(home, HomeScreen)
        routines = home.query_one("#routines", OptionList)
        routines.highlighted = 1
        before = home_lines(app)
        (user_routines / "aaa-mine.toml").write_text(
            (bundled_dir("routines") / "pre-run.toml").read_text(encoding="utf-8").replace(
                'name = "', 'name = "Mine: ', 1), encoding="utf-8")
        assert home_lines(app) == before  # nothing reads the folder on its own
        home.reload()
        await pilot.pause()
        assert len(home_lines(app)) == len(before) + 1
        assert any("Mine: " in line for line in home_lines(app))
        assert any(entry.id == "aaa-mine" for entry in home.entries)
        assert routines.highlighted == 1
