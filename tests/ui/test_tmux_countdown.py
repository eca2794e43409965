"""The countdown's size and the footer, measured in a real terminal (tmux)."""

from __future__ import annotations

import time

from tmux_terminal import Pane, TmuxServer, app_command

from .test_tmux import open_app

FOOTER_KEYS = ("space Pause", "n Next", "? Help", "q Quit")


def digit_rows(screen: str) -> int:
    """The tallest run of rows drawn only in full blocks: the countdown's digits (the
    phase band's letters are half blocks)."""
    tallest = run = 0
    for line in screen.splitlines():
        drawn = line.strip()
        run = run + 1 if drawn and set(drawn) <= {"█", " "} else 0
        tallest = max(tallest, run)
    return tallest


def wait_for_screen(pane: Pane, ready, timeout: float = 10.0) -> str:
    """Polls until ``ready(screen)``; returns the last screen either way."""
    deadline = time.monotonic() + timeout
    shown = pane.screen()
    while time.monotonic() < deadline and not ready(shown):
        time.sleep(0.05)
        shown = pane.screen()
    return shown


def test_the_countdown_grows_with_the_terminal(tmux: TmuxServer) -> None:
    pane = open_app(tmux, "run", "pre-run", "--mute")
    pane.wait_for("HIP FLEXOR STRETCH")
    time.sleep(1.0)  # let Textual's start-up exchange about resize reports finish
    for (width, height), rows_at_least in (((80, 24), 5), ((100, 30), 7), ((200, 60), 15)):
        pane.resize(width, height)
        shown = wait_for_screen(pane, lambda s, n=rows_at_least: digit_rows(s) >= n)
        assert digit_rows(shown) >= rows_at_least, shown


def test_the_footer_keeps_the_keys_that_matter(tmux: TmuxServer) -> None:
    pane = open_app(tmux, "run", "pre-run", "--mute")
    pane.wait_for("HIP FLEXOR STRETCH")
    time.sleep(1.0)  # as above: resize only once the app listens for it
    for width, height in ((80, 24), (60, 20)):
        pane.resize(width, height)
        for label in ("Pause", "Resume"):  # the footer changes with each space
            keys = (f"space {label}", *FOOTER_KEYS[1:])
            shown = wait_for_screen(pane, lambda s, k=keys: footer_shows(s, k))
            # All four keys, and nothing left over past the palette hint at the right
            # edge (once "paletteq", "paletteM").
            assert footer_shows(shown, keys), shown
            pane.keys("Space")


def footer_shows(screen: str, keys: tuple[str, ...]) -> bool:
    lines = [line for line in screen.splitlines() if line.strip()]
    footer = lines[-1] if lines else ""
    return all(key in footer for key in keys) and footer.rstrip().endswith("palette")


def test_at_40_columns_the_footer_keeps_every_label(tmux: TmuxServer) -> None:
    # 40 columns cannot hold the four keys and the palette hint: the hint gives way (? names
    # ctrl+p), so "q" keeps its "Quit".
    pane = tmux.open(app_command("run", "pre-run", "--mute") + "; sleep 5", size=(40, 12))
    pane.wait_for("HIP FLEXOR")  # the session itself: keys wait while the get-ready is up
    for label in ("Pause", "Resume"):
        keys = (f"space {label}", *FOOTER_KEYS[1:])
        shown = wait_for_screen(pane, lambda s, k=keys: all(key in s for key in k))
        footer = [line for line in shown.splitlines() if line.strip()][-1]
        assert all(key in footer for key in keys), shown
        pane.keys("Space")
