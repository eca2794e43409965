"""One-character keys are shown as Textual shows them, without its Unicode name lookup,
which would read about 0.7 MB of unicodedata's tables into the app for good."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from textual.app import App
from textual.binding import Binding

from warmup_tui.ui.app import WarmupApp
from warmup_tui.ui.key_display import one_character_key
from warmup_tui.ui.screens.home import HomeScreen
from warmup_tui.ui.screens.session import SessionScreen

KEYS = ["n", "q", "?", "+", "-", "ctrl+p", "ctrl+c", "shift+a", "space", "escape",
        "question_mark", "left", "enter", "ctrl+left", "f1"]


@pytest.mark.parametrize("key", KEYS)
def test_every_key_shows_as_textual_shows_it(key: str) -> None:
    binding = Binding(key, "noop", "No-op")
    textual = App.get_key_display(App(), binding)
    ours = WarmupApp().get_key_display(binding)
    assert ours == textual
    assert (one_character_key(binding) is None) == (len(binding.parse_key()[1]) != 1)


def test_the_app_and_its_screens_keys_show_as_textual_shows_them() -> None:
    app = WarmupApp()
    bindings = [*WarmupApp.BINDINGS, *SessionScreen.BINDINGS, *HomeScreen.BINDINGS,
                Binding("ctrl+p", "command_palette", "palette")]
    assert bindings
    for binding in bindings:
        if isinstance(binding, Binding):
            for key in binding.key.split(","):
                one = Binding(key.strip(), binding.action, binding.description,
                              key_display=binding.key_display)
                assert app.get_key_display(one) == App.get_key_display(app, one)


# A session's first frame through Pilot, counting unicodedata's name lookups.
FIRST_FRAME = """
import asyncio, json, unicodedata
asked = []
real = unicodedata.lookup
def lookup(name):
    asked.append(name)
    return real(name)
unicodedata.lookup = lookup

from warmup_tui.engine.clock import FakeClock
from tests.ui.app_factory import make_app, started
from tests.ui.pilot_wait import wait_until

async def main():
    app = make_app(FakeClock(), "pre-run")
    async with app.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        await wait_until(pilot, lambda: len(app.screen.query("FooterKey")) > 0, "the footer")
        shown = [key.key_display for key in app.screen.query("FooterKey")]
        print(json.dumps({"asked": asked, "shown": shown}))

asyncio.run(main())
"""


def test_a_sessions_footer_asks_unicodedata_for_no_one_letter_name() -> None:
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME], capture_output=True, text=True,
                          cwd=Path(__file__).parents[2], timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert "n" in seen["shown"] and "^p" in seen["shown"]
    assert [name for name in seen["asked"] if len(name) == 1] == []
