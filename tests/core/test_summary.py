"""The end-of-session summary counts what the runner did, whatever way they moved."""

from __future__ import annotations

from warmup_tui.engine.clock import FakeClock
from warmup_tui.engine.session import Session
from warmup_tui.engine.summary import summarize

from .session_helpers import small_timeline


def test_a_segment_done_again_after_back_counts_once() -> None:
    clock = FakeClock()
    session = Session(small_timeline(), clock)
    session.start()
    clock.advance(22.0)  # the hold done, 2 s into the rest
    session.poll()
    session.back()  # the hold once more
    while session.state != "finished":
        clock.advance(1.0)
        session.poll()
    summary = summarize(session, "Small")
    assert summary.headline() == "Small: done"
    assert (summary.segments_done, summary.segments_skipped, summary.segments_total) == (3, 0, 3)
    assert summary.lines()[1] == "Segments: 3 of 3 done"
    assert summary.active_seconds == 20 + 2 + 20 + 5 + 6  # both holds were done
