"""Builds the app opened on the editor for Pilot tests, and small helpers to drive it."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from warmup_tui.common.config import Settings
from warmup_tui.common.paths import bundled_dir
from warmup_tui.engine.clock import FakeClock
from warmup_tui.routines.library import Library
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.editor import EditorScreen, editor_for
from warmup_tui.ui.widgets.form_field import FormField
from warmup_tui.ui.widgets.step_list import StepList

SIZE = (100, 32)


def editor_app(user: Path, ref: str = "pre-run", clock: FakeClock | None = None) -> WarmupApp:
    library = Library(bundled=bundled_dir("routines"), user=user)
    clock = clock or FakeClock()
    return WarmupApp(
        library=library, settings=Settings(), clock_factory=lambda: clock, mute=True,
        get_ready=0.0,
        start_screen=lambda: editor_for(ref, library, preview_clock=lambda speed: clock),
    )


def editor(app: WarmupApp) -> EditorScreen:
    screen = app.screen
    assert isinstance(screen, EditorScreen), f"expected the editor, got {screen!r}"
    return screen


def field(app: WarmupApp, field_id: str) -> FormField:
    return editor(app).query_one(f"#{field_id}", FormField)


async def type_into(pilot: Pilot[int], field_id: str, text: str) -> None:
    """Clears a field and types ``text`` key by key, as a person would."""
    box = field(pilot.app, field_id).query_one(Input)  # type: ignore[arg-type]
    box.focus()
    await pilot.press("home", "ctrl+k")
    keys = [{" ": "space", ",": "comma", "-": "minus", ".": "full_stop"}.get(c, c)
            for c in text]
    if keys:
        await pilot.press(*keys)
    await pilot.pause()


async def focus_list(pilot: Pilot[int]) -> None:
    editor(pilot.app).query_one(StepList).focus()  # type: ignore[arg-type]
    await pilot.pause()


def messages(app: WarmupApp) -> list[str]:
    return [n.message for n in app._notifications]
