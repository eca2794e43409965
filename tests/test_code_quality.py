"""The code stays lint-clean and the core stays type-clean; CI proves it with the tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (bash setup.sh test installs it)")
    return found


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([_tool("ruff"), "check", "warmup_tui", "tests", "benchmarks",
                             "scripts"], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_core() -> None:
    result = subprocess.run([_tool("mypy")], cwd=REPO, capture_output=True, text=True,
                            check=False, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_layers_import_only_the_layers_below() -> None:
    # The contracts live in pyproject.toml ([tool.importlinter]).
    result = subprocess.run([_tool("lint-imports")], cwd=REPO, capture_output=True, text=True,
                            check=False, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
