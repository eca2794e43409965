"""A session from the shell keeps loaded only what it uses: with its clicks off and a log
that is never busy, neither the metronome (nor its beat maker) nor json is in memory once
its clock runs; a run's check for a sore run before it loads nothing of the plan's advice.
The app's memory after settling is a benchmark goal (issue 13); these are the parts of it
a test can hold to.

The real `warmup run FILE --mute` runs in a fresh interpreter (Textual's headless driver,
the test's own XDG folders); its modules are listed once the session's clock runs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..cli.conftest import warmup_env
from .test_start_up_imports import SESSION_ONLY, loaded

# Loaded on first use only: the clicks once they are wanted, json for a busy log's spool.
UNUSED = ("warmup_tui.audio.metronome", "warmup_tui.audio.beats", "json")


MINUTE = ('format = 1\nname = "A minute"\nrest = "0s"\n\n'
          '[[steps]]\nname = "Step"\nduration = "60s"\n')
RUNS = 'format = 1\nname = "Runs"\n\n[runwalk]\nrun = "1m"\nwalk = "1m"\nrepeats = 2\n'


def settled_modules(tmp_path: Path, text: str) -> list[str]:
    routine = tmp_path / "routine.toml"
    routine.write_text(text)
    out = tmp_path / "modules.txt"
    result = subprocess.run([sys.executable, "-c", SESSION_ONLY, str(out), str(routine)],
                            cwd=tmp_path, env=warmup_env(), capture_output=True, text=True,
                            timeout=120, check=False)
    assert out.exists(), result.stderr
    return out.read_text().splitlines()


def test_a_session_without_clicks_loads_neither_metronome_nor_json(tmp_path: Path) -> None:
    settled = settled_modules(tmp_path, MINUTE)
    assert "warmup_tui.audio.metronome_sink" in settled  # the listing is real
    assert "warmup_tui.log.spool" in settled  # the log is written
    assert loaded(settled, UNUSED) == []


# The full parser: argparse (and the gettext it imports), the command registry.
PARSER = ("argparse", "gettext", "warmup_tui.cli.parser", "warmup_tui.cli.commands_registry",
          "warmup_tui.cli.option_types")


def test_a_session_line_is_read_without_the_full_parser(tmp_path: Path) -> None:
    settled = settled_modules(tmp_path, MINUTE)
    assert "warmup_tui.cli.run_cmd" in settled  # the run command ran
    assert loaded(settled, PARSER) == []


# The plan's advice: the programme, its state (and json), run cadences from outside.
PLAN_ADVICE = ("warmup_tui.runs.advice", "warmup_tui.programme", "warmup_tui.log.outside",
               "warmup_tui.coaching.cadence", "json")


def test_a_run_checks_for_a_sore_run_without_loading_the_plans_advice(
        tmp_path: Path) -> None:
    settled = settled_modules(tmp_path, RUNS)
    assert "warmup_tui.runs.fixes" in settled  # the sore-run check was made
    assert loaded(settled, PLAN_ADVICE) == []
