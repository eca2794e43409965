"""The yes/no question: a long reason wraps inside the dialog instead of being cut."""

from __future__ import annotations

import html
import re

import pytest
from textual.app import App

from warmup_tui.ui.screens.confirm import ConfirmScreen

REASON = ("Rest until Thursday, then ease back to week 2: calves 6/10 today, still 3/10 "
          "the next morning.")


def screen_words(app: App[None]) -> str:
    """Every word on the screen, as the terminal would show it."""
    svg = app.export_screenshot()
    lines = (html.unescape(text) for text in re.findall(r"<text[^>]*>(.*?)</text>", svg))
    return " ".join(line.replace("\xa0", " ") for line in lines)


@pytest.mark.parametrize("size", [(80, 24), (40, 20)])
async def test_the_whole_reason_is_shown(size: tuple[int, int]) -> None:
    app: App[None] = App()
    async with app.run_test(size=size) as pilot:
        app.push_screen(ConfirmScreen("Follow the advice from your check-ins?", REASON))
        await pilot.pause()
        words = " ".join(screen_words(app).split())
        assert all(word in words for word in REASON.split()), words
