"""Home notices files changed on disk: with r, and when it comes back into view; a file
fixed on disk is shown fixed. Read on a worker, from the real user folder."""

from __future__ import annotations

from pathlib import Path

from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.screens.history import HistoryScreen
from warmup_tui.ui.screens.home import HomeScreen

from .app_factory import make_app
from .app_factory import test_library as library_with
from .pilot_wait import wait_until

SIZE = (100, 30)
GOOD = 'format = 1\nname = "Strides"\n\n[[steps]]\nname = "Stride"\nduration = "20s"\n'
BROKEN = 'format = 1\nname = "Strides"\n\n[[steps]]\nname = "Stride"\nduration = "soon"\n'


def _entry(home: HomeScreen, routine_id: str):  # type: ignore[no-untyped-def]
    return next((entry for entry in home.entries if entry.id == routine_id), None)


async def test_r_shows_a_file_fixed_on_disk_as_fixed(user_routines: Path) -> None:
    (user_routines / "strides.toml").write_text(BROKEN)
    app = make_app(FakeClock(), library=library_with(user_routines))
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await wait_until(pilot, lambda: home.loaded, "home")
        entry = _entry(home, "strides")
        assert entry is not None and entry.routine is None  # shown with its problem
        (user_routines / "strides.toml").write_text(GOOD)
        await pilot.press("r")
        await wait_until(pilot, lambda: (_entry(home, "strides") or entry).routine is not None,
                         "the fixed file")


async def test_home_back_in_view_lists_a_new_file(user_routines: Path) -> None:
    app = make_app(FakeClock(), library=library_with(user_routines))
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await wait_until(pilot, lambda: home.loaded, "home")
        assert _entry(home, "strides") is None
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen), "history")
        (user_routines / "strides.toml").write_text(GOOD)  # saved from another window
        await pilot.press("escape")
        await wait_until(pilot, lambda: _entry(home, "strides") is not None, "the new file")
