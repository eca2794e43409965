"""Headless commands run without Textual: the real command, in a fresh interpreter, with
the modules it loaded written down once it has finished.

This covers the front end's own modules at run time; the import-linter contract "Only the
front ends import Textual" (tests/test_code_quality.py) covers every core module.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import warmup_env

# Runs `warmup ARGS...` as the console script does, then lists what was imported; written
# to a file, since the command itself prints to stdout.
WRAPPER = r"""
import json, sys
out, args = sys.argv[1], sys.argv[2:]
sys.argv = ["warmup", *args]
from warmup_tui.__main__ import main
try:
    code = main()
except SystemExit as stop:
    code = stop.code
with open(out, "w") as file:
    json.dump({"code": code, "modules": sorted(sys.modules)}, file)
"""


def loaded_by(tmp_path: Path, *args: str) -> tuple[int, set[str]]:
    out = tmp_path / "modules.json"
    routine = Path(__file__).resolve().parents[2] / "routines" / "pre-run.toml"
    argv = [a.replace("ROUTINE", str(routine)) for a in args]
    result = subprocess.run([sys.executable, "-c", WRAPPER, str(out), *argv], cwd=tmp_path,
                            env=warmup_env(), capture_output=True, text=True, timeout=60,
                            check=False)
    assert out.exists(), result.stderr
    report = json.loads(out.read_text())
    return report["code"], set(report["modules"])


@pytest.mark.parametrize("args", [
    ("list",), ("list", "--json"), ("show", "pre-run"), ("show", "pre-run", "--json"),
    ("validate", "ROUTINE"), ("history",), ("history", "--json"), ("guide", "calves"),
])
def test_headless_command_imports_no_textual(tmp_path: Path, args: tuple[str, ...]) -> None:
    code, modules = loaded_by(tmp_path, *args)
    assert code == 0
    # The wrapper really ran the command line, or the check below proves nothing.
    assert "warmup_tui.cli.main" in modules
    assert not {name for name in modules if name.split(".")[0] == "textual"}
    assert not {name for name in modules if name.startswith("warmup_tui.ui")}


def test_version_loads_nothing_but_the_package_itself(tmp_path: Path) -> None:
    """`warmup --version` answers from the package's __init__: no command line parser, no
    Textual, none of our other modules (`python -X importtime -m warmup_tui --version`)."""
    code, modules = loaded_by(tmp_path, "--version")
    assert code == 0
    assert {name for name in modules if name.startswith("warmup_tui")} == {
        "warmup_tui", "warmup_tui.__main__"}
    assert "argparse" not in modules
    assert not {name for name in modules if name.split(".")[0] == "textual"}
