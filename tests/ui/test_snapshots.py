"""Pictures of each screen at a frozen moment; compare with the committed SVGs.

Update after an intended change with: .venv/bin/python -m pytest tests/ui --snapshot-update
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from warmup_tui.engine.clock import FakeClock

from .app_factory import make_app, session_screen, started
from .pilot_wait import wait_until

SIZE = (100, 32)


def at(seconds: float, clock: FakeClock, *keys: str):
    async def run_before(pilot: Pilot) -> None:
        await started(pilot)
        clock.advance(seconds)
        session_screen(pilot.app).tick()
        if keys:
            await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_exercise_hold(snap_compare) -> None:
    clock = FakeClock()
    # Glute bridge: segment 5, 12 s into its 30 s hold.
    assert snap_compare(make_app(clock, "pre-run"), terminal_size=SIZE,
                        run_before=at(30 + 5 + 30 + 10 + 12, clock))


def test_rest(snap_compare) -> None:
    clock = FakeClock()
    assert snap_compare(make_app(clock, "pre-run"), terminal_size=SIZE,
                        run_before=at(30 + 5 + 30 + 4, clock))


def test_paced_reps(snap_compare) -> None:
    clock = FakeClock()
    # Side leg lift, left side, 10 s in at 3 s a rep: rep 4 of 10.
    start = 30 + 5 + 30 + 10 + 30 + 10 + 20 + 5 + 20 + 5 + 20 + 10
    assert snap_compare(make_app(clock, "pre-run"), terminal_size=SIZE,
                        run_before=at(start + 10, clock))


def test_paused(snap_compare) -> None:
    clock = FakeClock()
    assert snap_compare(make_app(clock, "pre-run"), terminal_size=SIZE,
                        run_before=at(7, clock, "space"))


def test_run_interval(snap_compare) -> None:
    clock = FakeClock()
    # first-steps: 5 min walk, then run 1 min / walk 90 s; 20 s into run 3 of 8.
    assert snap_compare(make_app(clock, "first-steps"), terminal_size=SIZE,
                        run_before=at(300 + 2 * 150 + 20, clock))


def test_summary(snap_compare) -> None:
    clock = FakeClock()

    async def run_before(pilot: Pilot) -> None:
        await at(260.5, clock)(pilot)
        # The week line is read from the log on the summary's worker.
        await wait_until(pilot, lambda: "This week" in str(
            pilot.app.screen.query_one("#summary-standing", Static).render()), "the week line")

    assert snap_compare(make_app(clock, "pre-run"), terminal_size=SIZE, run_before=run_before)


def test_summary_asks_for_a_check_in(snap_compare) -> None:
    clock = FakeClock()

    async def run_before(pilot: Pilot) -> None:
        await at(1800.5, clock, "6")(pilot)
        await wait_until(pilot, lambda: "This week" in str(
            pilot.app.screen.query_one("#summary-standing", Static).render()), "the week line")

    assert snap_compare(make_app(clock, "first-steps"), terminal_size=SIZE,
                        run_before=run_before)


def test_home(snap_compare) -> None:
    clock = FakeClock()
    assert snap_compare(make_app(clock), terminal_size=SIZE, run_before=started)


def test_tiny_terminal(snap_compare) -> None:
    clock = FakeClock()
    assert snap_compare(make_app(clock, "pre-run"), terminal_size=(40, 12),
                        run_before=at(3, clock))


# The session screen at the sizes a runner's terminal is likely to have: the countdown
# and the phase band grow with it, the footer keeps space, n, ? and q.
GLUTE_BRIDGE = 30 + 5 + 30 + 10 + 12
FIRST_RUN = 300 + 20
FIRST_WALK = 300 + 60 + 30


def test_exercise_at_40x12(snap_compare) -> None:
    clock = FakeClock()
    assert snap_compare(make_app(clock, "pre-run"), terminal_size=(40, 12),
                        run_before=at(GLUTE_BRIDGE, clock))


def test_exercise_at_80x24(snap_compare) -> None:
    clock = FakeClock()
    assert snap_compare(make_app(clock, "pre-run"), terminal_size=(80, 24),
                        run_before=at(GLUTE_BRIDGE, clock))


def test_run_at_100x30(snap_compare) -> None:
    clock = FakeClock()
    assert snap_compare(make_app(clock, "first-steps"), terminal_size=(100, 30),
                        run_before=at(FIRST_RUN, clock))


def test_walk_at_80x24(snap_compare) -> None:
    clock = FakeClock()
    assert snap_compare(make_app(clock, "first-steps"), terminal_size=(80, 24),
                        run_before=at(FIRST_WALK, clock))


def test_paused_run_at_200x60(snap_compare) -> None:
    clock = FakeClock()
    assert snap_compare(make_app(clock, "first-steps"), terminal_size=(200, 60),
                        run_before=at(FIRST_RUN, clock, "space"))


def test_last_interval_with_sound_off_at_80x24(snap_compare) -> None:
    clock = FakeClock()
    # first-steps: 5 min walk, then 8 x (run 1 min, walk 90 s); 20 s into run 8 of 8.
    assert snap_compare(make_app(clock, "first-steps", mute=True), terminal_size=(80, 24),
                        run_before=at(300 + 7 * 150 + 20, clock))


def test_programme_screen(snap_compare) -> None:
    from warmup_tui.ui.screens.programme import ProgrammeScreen

    async def run_before(pilot: Pilot) -> None:
        await started(pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ProgrammeScreen)
                         and pilot.app.screen.place is not None, "the programme read")
        await pilot.pause()

    assert snap_compare(make_app(FakeClock()), terminal_size=SIZE, run_before=run_before)
