"""On a day after a sore run the voice says the fixes after each run's name, and the flat
route with the warmup walk: rendered by the real espeak-ng, played after the tone."""

from __future__ import annotations

from tests.voice.conftest import LoggedEngine
from tests.voice.test_voice_sink import Recorder, expected, run_session, voice_for
from warmup_tui.coaching.sore_run import FLAT_ROUTE, SLOWER, UNDER_HIPS
from warmup_tui.engine.timeline import Interval, interval_timeline
from warmup_tui.runs.fixes import lean_on_fixes
from warmup_tui.runs.plan import PlannedRun


def test_the_fixes_are_said_after_the_tone(logged_engine: LoggedEngine) -> None:
    plain = interval_timeline([Interval("run", 60), Interval("walk", 30),
                               Interval("run", 60)], warmup=60)
    (run,) = lean_on_fixes([PlannedRun("quick", "Quick", tuple(plain))])
    segments = list(run.segments)
    player = Recorder()
    voice = voice_for(logged_engine, player)
    voice.prepare(segments)
    assert voice.wait_ready(30)
    run_session(voice, segments)
    said = [
        (f"Warmup walk, 1 minute. {FLAT_ROUTE}", "walk"),
        (f"Run for 1 minute. {SLOWER}", "run"), ("Halfway", "halfway"),
        ("Walk for 30 seconds", "walk"),
        (f"Last interval. Run for 1 minute. {UNDER_HIPS}", "last"), ("Halfway", "halfway"),
        ("Well done, session finished", "finish"),
    ]
    assert [data for data, _ in player.played] == [expected(voice, t, s) for t, s in said]
