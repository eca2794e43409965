"""``warmup export --session ID --fit FILE``: a session run headless into the real log,
then exported as a FIT activity and read back by both decoders."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from tests.export.conftest import Warmup
from tests.export.fit_readers import both_readers
from warmup_tui.engine.timeline import build_timeline, total_seconds
from warmup_tui.routines.library import Library


def _session_id(warmup: Warmup) -> int:
    history = warmup("history", "--json")
    assert history.returncode == 0, history.stderr
    sessions = json.loads(history.stdout)["sessions"]
    assert len(sessions) == 1
    return int(sessions[0]["id"])


def test_a_run_walk_from_the_log_as_an_activity(warmup: Warmup, work: Path) -> None:
    # --speed makes it a preview (its laps in session time, said on stderr): the only
    # way to run a 30-minute session in a test
    ran = warmup("run", "first-steps", "--json", "--mute", "--no-voice", "--speed", "1000")
    assert ran.returncode == 0, ran.stderr
    number = _session_id(warmup)
    done = warmup("export", "--session", str(number), "--fit", "run.fit")
    assert done.returncode == 0, done.stderr
    assert "preview" in done.stderr
    routine = Library().resolve("first-steps").routine
    assert routine is not None
    segments = build_timeline(routine)
    for messages in both_readers((work / "run.fit").read_bytes()):
        assert messages["file_id"][0]["type"] == "activity"
        laps = messages["lap"]
        assert len(laps) == len(segments) == messages["session"][0]["num_laps"]
        assert [lap["total_timer_time"] for lap in laps] == \
            [segment.duration for segment in segments]
        assert [lap["intensity"] for lap in laps[:3]] == ["warmup", "active", "rest"]
        assert laps[-1]["intensity"] == "cooldown"
        for before, after in itertools.pairwise(laps):
            assert after["start_time"] == before["timestamp"]  # back to back
        session = messages["session"][0]
        assert session["sport"] == "running"
        assert session["total_timer_time"] == total_seconds(segments)
        assert len(messages["activity"]) == 1
        assert len(messages["record"]) == total_seconds(segments) + 1  # one a second


def test_a_session_with_no_segment_done_is_refused(warmup: Warmup, work: Path) -> None:
    from warmup_tui.log import TrainingLog
    from warmup_tui.log.rows import NewSession, Progress

    with TrainingLog.open() as log:
        number = log.write_session(
            "empty", NewSession("pre-run", "Pre-run warmup", 1.7e9, 270, 14, 1),
            Progress(1.7e9, 0, 0, 0, None, None, None, "stopped", 1.7e9))
    done = warmup("export", "--session", str(number), "--fit", "x.fit")
    assert done.returncode == 2
    assert done.stderr.strip() == f"--session: session {number} has nothing to export: " \
        "no segment of it was done"
    assert not (work / "x.fit").exists()
