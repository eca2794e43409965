"""Fixtures for the editor's tests: a scripted $EDITOR that is a real program."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

FAKE_EDITOR = Path(__file__).with_name("fake_editor.py")

PlanEditor = Callable[..., Path]


@pytest.fixture
def plan_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PlanEditor:
    """Sets EDITOR to the fake editor with the given changes, one per run; returns the
    plan file (its ``.runs`` twin lists each run)."""

    def make(*changes: str) -> Path:
        plan = tmp_path / "editor-plan.txt"
        plan.write_text("".join(change + "\n" for change in changes), encoding="utf-8")
        monkeypatch.delenv("VISUAL", raising=False)
        monkeypatch.setenv("EDITOR", shlex.join([sys.executable, str(FAKE_EDITOR), str(plan)]))
        return plan

    return make
