"""The editor in a real terminal (tmux): `o` hands the terminal to a real $EDITOR program
with the app suspended, and the app comes back with the file's new values."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from warmup_tui.routine_file import load_routine

from .conftest import FAKE_EDITOR
from .fake_editor import runs

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")]
REPO = Path(__file__).resolve().parents[2]


class Pane:
    def __init__(self, name: str) -> None:
        self.name = name

    def text(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name],
                              capture_output=True, text=True, check=False).stdout

    def wait_for(self, wanted: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.text()
            if wanted in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{wanted!r} did not appear; the screen was:\n{self.text()}")

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)


@pytest.fixture
def pane() -> Iterator[Pane]:
    name = f"warmup-edit-{uuid.uuid4().hex[:8]}"
    yield Pane(name)
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def test_hand_editing_suspends_the_app_and_reloads(pane: Pane, user_routines: Path,
                                                   tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text('duration = "30s"=>duration = "55s"\n')
    editor = shlex.join([sys.executable, str(FAKE_EDITOR), str(plan)])
    env = {k: os.environ[k] for k in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
                                      "XDG_CACHE_HOME", "XDG_STATE_HOME", "PATH")
           if k in os.environ}
    env.update(EDITOR=editor, TERM="xterm-256color", PYTHONPATH=str(REPO))
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command = (f"env -u VISUAL {exports} {shlex.quote(sys.executable)} -m warmup_tui edit "
               "pre-run --speed 50; echo EXIT=$?; sleep 30")
    subprocess.run(["tmux", "new-session", "-d", "-s", pane.name, "-x", "100", "-y", "32",
                    command], check=True)
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
