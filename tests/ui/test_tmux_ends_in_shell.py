"""A session started from the shell ends in the shell; only plain ``warmup`` goes home.
Skipping the warmup in the real terminal, with the key the footer shows."""

from __future__ import annotations

from tmux_terminal import Pane, TmuxServer, app_command

EXITED = "EXIT="


def skip(pane: Pane) -> str:
    """Presses s until the warmup is skipped: the key does nothing until the session's clock
    has started (its sounds load behind the get-ready), and the first key can go to
    Textual's start-up exchange with the terminal."""
    for _attempt in range(10):
        pane.keys("s")
        try:
            return pane.wait_for("skipped", timeout=3)
        except AssertionError:
            continue
    return pane.wait_for("skipped")


def open_from_shell(tmux: TmuxServer, *args: str) -> Pane:
    # The exit status is printed once the app is gone; the pane stays for the test to read.
    return tmux.open(app_command(*args) + f"; echo {EXITED}$?; sleep 5")


def test_esc_after_a_skipped_warmup_returns_to_the_shell(tmux: TmuxServer) -> None:
    pane = open_from_shell(tmux, "run", "pre-run", "--mute")
    screen = pane.wait_for("HIP FLEXOR STRETCH")
    assert "s Skip" in screen  # the footer shows the key
    screen = skip(pane)
    assert "Next: week 1, session 1" in screen
    pane.keys("Escape")
    screen = pane.wait_for(EXITED)
    assert f"{EXITED}0" in screen
    assert "Traceback" not in screen and "Error" not in screen
    assert "Routines" not in screen


def test_enter_at_the_end_of_the_last_session_returns_to_the_shell(tmux: TmuxServer) -> None:
    pane = open_from_shell(tmux, "run", "after-run", "--mute", "--speed", "200")
    pane.wait_for("Enter or Esc to finish", timeout=60)
    pane.keys("Enter")
    screen = pane.wait_for(EXITED)
    assert f"{EXITED}0" in screen
    assert "Traceback" not in screen and "Error" not in screen


def test_today_from_the_shell_runs_on_into_the_session_then_ends(tmux: TmuxServer) -> None:
    pane = open_from_shell(tmux, "today", "--mute")
    pane.wait_for("s Skip")
    assert "Enter to start when you are ready" in skip(pane)
    pane.keys("Enter")
    pane.wait_for("Build to 30, week 1, session 1")
    pane.keys("q")
    pane.wait_for("Stop this session?")
    pane.keys("y")
    pane.wait_for("stopped early")
    pane.keys("Escape")
    assert f"{EXITED}0" in pane.wait_for(EXITED)


def test_the_app_opened_as_warmup_goes_back_home(tmux: TmuxServer) -> None:
    pane = tmux.open(app_command() + f"; echo {EXITED}$?; sleep 5")
    pane.wait_for("Today: Pre-run warmup")
    pane.keys("t")
    pane.wait_for("s Skip")
    skip(pane)
    pane.keys("Escape")
    pane.wait_for("Routines")
    assert EXITED not in pane.screen()
    pane.keys("q")
    assert f"{EXITED}0" in pane.wait_for(EXITED)
