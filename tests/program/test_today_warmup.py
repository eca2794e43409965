"""Today's warmup is a setting, ``--warmup`` and ``--no-warmup`` change it once, and
``then = "programme"`` chains into the session the plan says is next. Through the real
command line, over a real training log."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from tests.program.support import warmup
from warmup_tui.engine.clock import FakeClock
from warmup_tui.log import LogRecorder, TrainingLog
from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.model import session_segments
from warmup_tui.runs.headless import run_headless

FAST = ("--json", "--speed", "1000", "--mute", "--no-voice")
MINE = 'format = 1\nname = "My warmup"\n[[steps]]\nname = "Skips"\nduration = "20 seconds"\n'


def _routines_run(*args: str) -> list[str]:
    """The routines the command ran, in order (from its JSON lines)."""
    result = warmup(*args)
    assert result.returncode == 0, result.stderr
    order: list[str] = []
    for line in result.stdout.splitlines():
        event: dict[str, Any] = json.loads(line)
        if not order or order[-1] != event["routine"]:
            order.append(event["routine"])
    return order


def _last_programme_session() -> str | None:
    with TrainingLog.open() as log:
        rows = [row for row in log.sessions() if row.programme_id == "build-to-30"]
    return rows[0].programme_session if rows else None


def _log_completed(*keys: str) -> None:
    """Programme sessions completed at real speed (on a fake clock) in the default log."""
    programme = resolve_programme("build-to-30")
    for key in keys:
        session = programme.session(key)
        assert session is not None
        segments = session_segments(session)
        clock = FakeClock()
        recorder = LogRecorder("build-to-30", segments, programme_id="build-to-30",
                               programme_session=key, wall=time.time)
        run_headless(segments, clock, [recorder], sleep=clock.advance)
        recorder.close()


def _settings(isolated_home: Path, text: str) -> None:
    config = isolated_home / ".config" / "warmup-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text)


def test_today_warms_up_with_the_routine_the_setting_names(
        isolated_home: Path, user_routines: Path) -> None:
    (user_routines / "mine.toml").write_text(MINE)
    _settings(isolated_home, '[training]\nwarmup = "mine"\n')
    assert _routines_run("today", *FAST) == ["mine", "build-to-30"]
    # once with another, once with none; the setting stays
    assert _routines_run("today", "--warmup", "pre-run", *FAST) == ["pre-run", "build-to-30"]
    assert _routines_run("today", "--no-warmup", *FAST) == ["build-to-30"]
    assert _routines_run("today", *FAST) == ["mine", "build-to-30"]


def test_the_default_warmup_is_pre_run_and_a_mistyped_one_is_said(isolated_home: Path) -> None:
    assert _routines_run("today", *FAST) == ["pre-run", "build-to-30"]
    _settings(isolated_home, '[training]\nwarmup = "pre-rn"\n')
    result = warmup("today", *FAST)
    assert result.returncode == 0
    assert 'no routine named "pre-rn"; warming up with pre-run instead' in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["routine"] == "pre-run"


def test_warmup_names_a_routine_that_is_not_there() -> None:
    result = warmup("today", "--warmup", "nowhere", *FAST)
    assert result.returncode == 2 and result.stdout == ""
    assert "nowhere" in result.stderr and len(result.stderr.splitlines()) == 1


def test_pre_run_chains_into_the_next_programme_session() -> None:
    assert _routines_run("run", "pre-run", "--chain", *FAST) == ["pre-run", "build-to-30"]
    assert _last_programme_session() == "w1s1"
    _log_completed("w1s1", "w1s2")
    assert _routines_run("run", "pre-run", "--chain", *FAST) == ["pre-run", "build-to-30"]
    assert _last_programme_session() == "w1s3"


def test_a_chain_to_a_named_routine_works_as_before(user_routines: Path) -> None:
    (user_routines / "mine.toml").write_text(MINE.replace(
        'name = "My warmup"\n', 'name = "My warmup"\nthen = "first-steps"\n'))
    assert _routines_run("run", "mine", "--chain", *FAST) == ["mine", "first-steps"]


def test_show_says_where_pre_run_goes() -> None:
    result = warmup("show", "pre-run")
    assert result.stdout.rstrip().endswith("; then your programme's next session")
