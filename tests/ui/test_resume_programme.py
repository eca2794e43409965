"""A programme session cut off part-way (a real process that dies) is offered on the next
start and resumed at the segment it was in, still counted as that programme session."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from warmup_tui.engine.clock import FakeClock
from warmup_tui.log import TrainingLog
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.model import session_segments
from warmup_tui.ui.screens.confirm import ConfirmScreen

from .app_factory import make_app, session_screen

SIZE = (100, 30)
PROGRAMME, KEY = "build-to-30", "w2s2"
ENDED = 5  # warmup walk, run 1, walk 1, run 2, walk 2: cut off in "Run 3 of 6"


def _cut_off_programme_session() -> None:
    """A real process runs the programme session as the app logs it, then dies."""
    script = textwrap.dedent(f"""
        import os
        from warmup_tui.engine.clock import FakeClock
        from warmup_tui.log import LogRecorder
        from warmup_tui.programme.model import session_segments
        from warmup_tui.programme.files import resolve_programme
        from warmup_tui.engine.session import Session
        programme = resolve_programme({PROGRAMME!r})
        session_def = programme.session({KEY!r})
        segments = session_segments(session_def)
        clock = FakeClock()
        recorder = LogRecorder(programme.id, segments,
                               routine_name=programme.name + ", " + session_def.title,
                               programme_id=programme.id, programme_session={KEY!r})
        session = Session(segments, clock)
        for event in session.start():
            recorder.handle(event)
        for _ in range({ENDED}):
            clock.advance(session.remaining() + 0.001)
            for event in session.poll():
                recorder.handle(event)
        assert recorder.wait_written(timeout=30)
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script], env=dict(os.environ), check=True,
                   timeout=60)


async def test_a_cut_off_programme_session_is_offered_and_resumed_at_its_segment() -> None:
    _cut_off_programme_session()
    programme = resolve_programme(PROGRAMME)
    session_def = programme.session(KEY)
    assert session_def is not None
    segments = session_segments(session_def)
    assert (segments[ENDED].kind, segments[ENDED].interval) == ("run", 3)

    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Resume Build to 30 — week 2, session 2 — at Run 3 of 6?"
        await pilot.press("y")
        await pilot.pause()
        screen = session_screen(app)
        assert screen.session.index == ENDED
        assert screen.session.segments == segments
        assert (screen.run.programme_id, screen.run.programme_session) == (PROGRAMME, KEY)
        cut_off_id = screen.run.resumed_from
        assert cut_off_id is not None
    with TrainingLog.open() as log:
        first = log.session(cut_off_id)
    assert first is not None and first.status == "stopped"
    assert first.programme_session == KEY
