"""The command palette's own entries: the keys of the screen in view, so a runner who
forgets a key finds it by name (a session's keys while one runs; Today and the
programme on home)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from warmup_tui.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from warmup_tui.ui.app import WarmupApp


def system_commands(app: WarmupApp, screen: Screen[Any],
                    textual_commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's own entries, its Quit asking what q asks, then the keys of the screen
    in view."""
    for command in textual_commands:
        if command.callback == app.action_quit:
            command = command._replace(callback=app.action_quit_asking)
        yield command
    if screen in app.session_screens():
        yield from session_commands(screen)
    if isinstance(screen, HomeScreen):
        yield from home_commands(screen)


def session_commands(screen: Screen[Any]) -> Iterable[SystemCommand]:
    """A running session's keys that can act now (help has its own entry)."""
    for binding in screen.BINDINGS:
        if (isinstance(binding, Binding) and binding.action != "help"
                and screen.check_action(binding.action, ()) is not False):
            yield SystemCommand(
                binding.description, f"Session: {binding.description} ({binding.key})",
                _runner(screen, binding.action),
            )


def home_commands(screen: HomeScreen) -> Iterable[SystemCommand]:
    if screen.today_label:
        yield SystemCommand("Today", "Start today's warmup and run", screen.action_today)
    yield SystemCommand("Programme", "Your programme's weeks, and where you are",
                        screen.action_programme)


def _runner(screen: Screen[Any], action: str) -> Callable[[], object]:
    async def run() -> None:
        await screen.run_action(action)

    return run
