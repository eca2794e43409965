"""Which sound each session event makes, driven by the real session engine on a fake clock.

The recording player below stands in for the speaker only; the real playback path is covered
by the capture tests.
"""

from __future__ import annotations

from warmup_tui.audio.cues import CueSounds
from warmup_tui.common.config import SoundSettings
from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.events import Event
from warmup_tui.engine.session import Session
from warmup_tui.engine.timeline import build_timeline
from warmup_tui.routines.model import Routine, RunWalk, Step


class RecordingPlayer:
    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


def run_through(routine: Routine, sink: CueSounds, *, stall_at: float | None = None,
                stall: float = 0.0) -> list[Event]:
    """Run a whole session, delivering events to ``sink``; optionally one long stall."""
    clock = FakeClock()
    session = Session(build_timeline(routine), clock)
    delivered: list[Event] = []

    def deliver(events: list[Event]) -> None:
        for event in events:
            delivered.append(event)
            sink.handle(event)

    origin = clock.now()
    deliver(session.start())
    stalled = False
    while session.state != "finished":
        wait = session.wake_in()
        assert wait is not None
        if stall_at is not None and not stalled and clock.now() - origin >= stall_at:
            stalled, wait = True, stall
        clock.advance(wait)
        deliver(session.poll())
    return delivered


def sounds(routine: Routine, settings: SoundSettings | None = None, **kw: float) -> list[str]:
    player = RecordingPlayer()
    run_through(routine, CueSounds(player, settings), **kw)
    return player.played


def test_each_kind_of_start_has_its_own_sound() -> None:
    routine = Routine("r", rest=3, steps=(Step("Hold", 4),),
                      runwalk=RunWalk(run=4, walk=4, warmup=4, repeats=1))
    assert sounds(routine) == ["go", "rest", "walk", "run", "walk", "finish"]


def test_a_switch_segment_sounds_once_not_twice() -> None:
    routine = Routine("r", switch=3, steps=(Step("Lunge", 4, sides=("left", "right")),))
    assert sounds(routine) == ["go", "switch", "go", "finish"]


def test_changing_sides_without_a_switch_segment_sounds_switch_instead_of_go() -> None:
    routine = Routine("r", switch=0, steps=(Step("Lunge", 4, sides=("left", "right")),))
    assert sounds(routine) == ["go", "switch", "finish"]


def test_the_last_run_sounds_last_instead_of_run_and_pips_count_down() -> None:
    routine = Routine("r", runwalk=RunWalk(run=6, walk=4, repeats=2))
    assert sounds(routine) == ["run", "pip", "pip", "pip", "walk",
                               "last", "pip", "pip", "pip", "walk", "finish"]


def test_paced_reps_tick_after_the_first_and_long_holds_mark_halfway() -> None:
    routine = Routine("r", steps=(Step("Bridge", 20), Step("Lift", reps=3, pace=1)))
    assert sounds(routine) == ["go", "halfway", "pip", "pip", "pip", "go", "tick", "tick",
                               "finish"]


def test_settings_turn_pips_halfway_and_rep_ticks_off_one_by_one() -> None:
    routine = Routine("r", steps=(Step("Bridge", 20), Step("Lift", reps=3, pace=1)))
    assert sounds(routine, SoundSettings(pips=False)) == [
        "go", "halfway", "go", "tick", "tick", "finish"]
    assert sounds(routine, SoundSettings(halfway=False)) == [
        "go", "pip", "pip", "pip", "go", "tick", "tick", "finish"]
    assert sounds(routine, SoundSettings(reps=False)) == [
        "go", "halfway", "pip", "pip", "pip", "go", "finish"]


def test_muted_plays_nothing_and_m_brings_it_back() -> None:
    routine = Routine("r", steps=(Step("Bridge", 6),))
    player = RecordingPlayer()
    sink = CueSounds(player, muted=True)
    run_through(routine, sink)
    assert player.played == []
    assert sink.toggle_mute() is False
    run_through(routine, sink)
    assert player.played == ["go", "pip", "pip", "pip", "finish"]


def test_after_a_stall_old_cues_are_not_played_in_a_burst() -> None:
    routine = Routine("r", rest=3, steps=(Step("Bridge", 10), Step("Plank", 10)))
    player = RecordingPlayer()
    # Stall from 2 s into the bridge until 17 s: the bridge's pips, the rest and the
    # plank's start all fall due during the stall.
    delivered = run_through(routine, CueSounds(player), stall_at=2.0, stall=15.0)
    late = [e for e in delivered if e.late]
    assert {e.name for e in late} >= {"cue", "segment_start"}
    assert player.played == ["go", "pip", "pip", "pip", "finish"]


def test_stopping_early_ends_without_the_finish_chord() -> None:
    # The finish chord tells the runner they completed the session; q, y is not that.
    player = RecordingPlayer()
    sink = CueSounds(player)
    clock = FakeClock()
    session = Session(build_timeline(Routine("r", steps=(Step("Bridge", 30),))), clock)
    for event in [*session.start(), *session.stop()]:
        sink.handle(event)
    assert player.played == ["go"]


def test_a_chained_session_starts_afresh_not_after_the_last_ones_final_segment() -> None:
    # The app keeps one CueSounds for sessions run one after another. This one ends on
    # "Lunge (right)"; the next starts on "Lunge (left)", which is a "go", not a switch.
    routine = Routine("r", switch=0, steps=(Step("Lunge", 4, sides=("left", "right")),))
    player = RecordingPlayer()
    sink = CueSounds(player)
    run_through(routine, sink)
    run_through(routine, sink)
    assert player.played == ["go", "switch", "finish"] * 2


def test_a_jump_back_to_the_other_side_sounds_switch_once_not_go_and_switch() -> None:
    # Back from the bridge lands on "Lunge (right)", which the session plans against the
    # segment before it in the routine (the left side), not the bridge it came from.
    routine = Routine("r", switch=0, steps=(Step("Lunge", 4, sides=("left", "right")),
                                            Step("Bridge", 4)))
    player = RecordingPlayer()
    sink = CueSounds(player)
    session = Session(build_timeline(routine), FakeClock())
    for event in [*session.start(), *session.next(), *session.next()]:
        sink.handle(event)
    assert player.played == ["go", "switch", "go"]
    player.played.clear()
    for event in session.back():
        sink.handle(event)
    assert session.segment.side == "right"
    assert player.played == ["switch"]
