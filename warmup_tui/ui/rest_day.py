"""Today's rest-day word on screen: after today's run is done, the next starts only when
the runner says so; after two days in a row, a suggestion, and the session starts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from warmup_tui.runs.rest_days import RestDay


def start_after_rest_word(app: App[Any], rest: RestDay | None,
                          start: Callable[[], None]) -> None:
    if rest is None:
        start()
        return
    if not rest.asks_first:
        app.notify(rest.message, title="Rest day?", timeout=8)
        start()
        return
    from warmup_tui.ui.screens.confirm import ConfirmScreen

    def answered(yes: bool | None) -> None:
        if yes:
            start()

    app.push_screen(ConfirmScreen("You ran today's session already",
                                  "Start the next one anyway?", yes="Start", no="Not now"),
                    answered)
