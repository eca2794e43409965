"""A session's widgets are styled once before its first frame: the screen starts with the
classes its size gives it, and Textual's restyle of a resumed screen is skipped the first
time (the widgets were styled a moment before, as they mounted); the footer builds its
keys once. Each extra round of styling held the get-ready's first frame back."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from warmup_tui.common.config import Settings
from warmup_tui.engine.clock import FakeClock
from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.screens.session import SessionScreen

from . import app_factory

LIMIT = 60.0  # seconds, for a loaded machine


@pytest.mark.parametrize("size", [(100, 30), (60, 20), (45, 12)])
async def test_each_widget_is_styled_once_before_the_first_frame(
        size: tuple[int, int]) -> None:
    clock = FakeClock()
    app = WarmupApp(library=app_factory.test_library(), settings=Settings(),
                    clock_factory=lambda: clock,
                    start_runs=app_factory.runs_for("pre-run"), get_ready=3.0, mute=True)
    styled: Counter[int] = Counter()
    keys_made: list[FooterKey] = []
    at_first_frame: dict[str, Any] = {}
    apply = app.stylesheet.apply

    def counted(node: Any, *args: Any, **kwargs: Any) -> None:
        styled[id(node)] += 1
        apply(node, *args, **kwargs)

    def first_frame() -> None:  # the app's own hook, once the first frame is up
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        widgets = list(screen.walk_children(with_self=True))
        at_first_frame.update(styled={f"{type(w).__name__}#{w.id}": styled[id(w)]
                                      for w in widgets},
                              keys=list(screen.query(FooterKey)), made=list(keys_made),
                              classes=set(screen.classes))

    app.stylesheet.apply = counted  # type: ignore[method-assign]
    app._load_the_rest = first_frame  # type: ignore[method-assign]
    key_init = FooterKey.__init__

    def key_made(self: FooterKey, *args: Any, **kwargs: Any) -> None:
        keys_made.append(self)
        key_init(self, *args, **kwargs)

    FooterKey.__init__ = key_made  # type: ignore[method-assign]
    try:
        async with app.run_test(size=size) as pilot:
            async def first_frame_up() -> None:
                while not at_first_frame:
                    await pilot.pause(0.01)

            await asyncio.wait_for(first_frame_up(), LIMIT)
            classes_later = set(app.screen.classes)
    finally:
        FooterKey.__init__ = key_init  # type: ignore[method-assign]
    assert len(at_first_frame["styled"]) > 15  # the counting is real
    assert {name: count for name, count in at_first_frame["styled"].items()
            if count != 1} == {}
    assert at_first_frame["keys"] and at_first_frame["made"] == at_first_frame["keys"]
    assert at_first_frame["classes"] == classes_later  # as Textual gives them for the size
