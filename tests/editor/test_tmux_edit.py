"""The editor in a real terminal (tmux): `o` hands the terminal to a real $EDITOR program
with the app suspended, and the app comes back with the file's new values."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from tmux_terminal import TmuxServer, app_command

from warmup_tui.routines.files import load_routine

from .conftest import FAKE_EDITOR
from .fake_editor import runs

pytestmark = pytest.mark.slow


def test_hand_editing_suspends_the_app_and_reloads(tmux: TmuxServer, user_routines: Path,
                                                   tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text('duration = "30s"=>duration = "55s"\n')
    editor = shlex.join([sys.executable, str(FAKE_EDITOR), str(plan)])
    command = app_command("edit", "pre-run", "--speed", "50", env={"EDITOR": editor})
    pane = tmux.open(command + "; echo EXIT=$?; sleep 30", size=(100, 32))
    pane.wait_for("Total 4:20 · 15 segments")
    pane.keys("o")
    shown = pane.wait_for("Total 5:10 · 15 segments")
    assert "0:55" in shown
    copy = user_routines / "pre-run.toml"
    assert runs(plan) == [str(copy)]
    pane.keys("a")  # a new step after the first
    pane.wait_for("2. New step")
    pane.keys("C-s")
    pane.wait_for("pre-run.toml has comments.")  # the copy was made verbatim
    pane.keys("y")
    pane.wait_for("saved · no problems")
    pane.keys("q")
    pane.wait_for("EXIT=0")
    assert [s.name for s in load_routine(copy).routine.steps][:2] == \
        ["Hip flexor stretch", "New step"]
    # The first save after hand editing kept the hand-edited file, comments and all.
    assert "# The pre-run warmup" in copy.with_name("pre-run.toml.bak").read_text()
