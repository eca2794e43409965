"""A command line loads its own command's module and no other: the registry holds every
subcommand's arguments and imports a command's module only when that command runs.

The real entry point runs in a fresh interpreter; the app is stopped where it would take
the terminal (``WarmupApp.run`` answers 0 at once), then the loaded modules are listed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import warmup_env

WRAPPER = r"""
import json, sys
out, args = sys.argv[1], sys.argv[2:]
sys.argv = ["warmup", *args]
from warmup_tui.ui.app import WarmupApp
opened = []
WarmupApp.run = lambda self, *a, **k: opened.append(type(self).__name__) or 0
from warmup_tui.__main__ import main
try:
    code = main()
except SystemExit as stop:
    code = stop.code
with open(out, "w") as file:
    json.dump({"code": code, "opened": opened, "modules": sorted(sys.modules)}, file)
"""

# The command line's own modules, loaded whichever command runs; the usual line for a
# session on screen is read by the first alone, without the full parser.
SESSION_LINE = {"warmup_tui.cli", "warmup_tui.cli.main", "warmup_tui.cli.session_line",
                "warmup_tui.cli.command"}
FRONT = SESSION_LINE | {"warmup_tui.cli.parser", "warmup_tui.cli.commands_registry",
                        "warmup_tui.cli.option_types"}


def cli_modules(tmp_path: Path, *args: str) -> tuple[dict[str, object], set[str]]:
    out = tmp_path / "modules.json"
    result = subprocess.run([sys.executable, "-c", WRAPPER, str(out), *args], cwd=tmp_path,
                            env=warmup_env(), capture_output=True, text=True, timeout=60,
                            check=False)
    assert out.exists(), result.stderr
    report = json.loads(out.read_text())
    return report, {name for name in report["modules"] if name.startswith("warmup_tui.cli")}


# A bare ``warmup`` opens home without building any command's parser: not even the registry.
HOME = {"warmup_tui.cli", "warmup_tui.cli.main", "warmup_tui.cli.app_cmd"}


@pytest.mark.parametrize(("args", "expected"), [
    ((), HOME),
    (("run", "pre-run"), SESSION_LINE | {"warmup_tui.cli.run_cmd", "warmup_tui.cli.app_cmd"}),
    (("run", "pre-run", "--speed", "2"),
     FRONT | {"warmup_tui.cli.run_cmd", "warmup_tui.cli.app_cmd"}),
])
def test_the_app_loads_no_other_command(tmp_path: Path, args: tuple[str, ...],
                                        expected: set[str]) -> None:
    report, modules = cli_modules(tmp_path, *args)
    assert report["code"] == 0
    assert report["opened"] == ["WarmupApp"]  # the command really reached the app
    assert modules == expected


def test_a_bare_warmup_parses_nothing(tmp_path: Path) -> None:
    report, _ = cli_modules(tmp_path)
    assert report["opened"] == ["WarmupApp"]
    assert "argparse" not in report["modules"]  # home's first frame does not wait for it


def test_a_headless_run_loads_no_other_command(tmp_path: Path) -> None:
    report, modules = cli_modules(tmp_path, "run", "pre-run", "--plain", "--speed", "1000",
                                  "--mute")
    assert report["code"] == 0
    assert modules == FRONT | {"warmup_tui.cli.run_cmd", "warmup_tui.cli.headless_runs"}


def test_the_history_help_still_lists_its_json_fields(tmp_path: Path) -> None:
    # The epilog comes from the log's module, loaded only when help is asked for.
    result = subprocess.run([sys.executable, "-m", "warmup_tui", "history", "--help"],
                            cwd=tmp_path, env=warmup_env(), capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0
    assert "JSON (--json): one object." in result.stdout
