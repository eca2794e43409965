"""No garbage collection runs while a session on screen (or home) loads: from the start
of ``warmup`` until the app's first frame (the app turns it back on then), as the
collections cost the first frame some 10 ms. Every other command collects as usual from
the moment it starts, and so does the process once the app has ended.

The real entry point runs in a fresh interpreter; the app is stopped where it would take
the terminal, and the command's own function is watched where it starts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import warmup_env

WRAPPER = r"""
import gc, json, sys
out, watched, args = sys.argv[1], sys.argv[2], sys.argv[3:]
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(1))
seen = {}
from warmup_tui.ui.app import WarmupApp
def run(self, *a, **k):
    seen["app"] = {"enabled": gc.isenabled(), "collections": len(collections)}
    return 0
WarmupApp.run = run
if watched:
    import importlib
    module, name = watched.split(":")
    module = importlib.import_module(module)
    command = getattr(module, name)
    def started(args):
        seen["command"] = {"enabled": gc.isenabled()}
        return command(args)
    setattr(module, name, started)
del collections[:]  # the wrapper's own imports are not the command line's
sys.argv = ["warmup", *args]
from warmup_tui.__main__ import main
try:
    code = main()
except SystemExit as stop:
    code = stop.code
seen.update(code=code, enabled_after=gc.isenabled())
with open(out, "w") as file:
    json.dump(seen, file)
"""


def watched_run(tmp_path: Path, watched: str, *args: str) -> dict[str, object]:
    out = tmp_path / "seen.json"
    result = subprocess.run([sys.executable, "-c", WRAPPER, str(out), watched, *args],
                            cwd=tmp_path, env=warmup_env(), capture_output=True, text=True,
                            timeout=60, check=False)
    assert out.exists(), result.stderr
    seen: dict[str, object] = json.loads(out.read_text())
    return seen


@pytest.mark.parametrize("args", [(), ("run", "pre-run", "--mute")])
def test_nothing_is_collected_before_the_app_runs(tmp_path: Path,
                                                 args: tuple[str, ...]) -> None:
    seen = watched_run(tmp_path, "", *args)
    assert seen["code"] == 0
    assert seen["app"] == {"enabled": False, "collections": 0}
    assert seen["enabled_after"] is True


@pytest.mark.parametrize(("watched", "args"), [
    ("warmup_tui.cli.run_cmd:run_routine", ("run", "pre-run", "--plain", "--speed", "1000",
                                            "--mute")),
    ("warmup_tui.cli.routines_cmd:list_routines", ("list",)),
])
def test_other_commands_collect_from_their_start(tmp_path: Path, watched: str,
                                                 args: tuple[str, ...]) -> None:
    seen = watched_run(tmp_path, watched, *args)
    assert seen["code"] == 0
    assert seen["command"] == {"enabled": True}
    assert "app" not in seen
