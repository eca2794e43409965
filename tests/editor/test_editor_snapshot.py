"""A picture of the editor with one bad value marked; compare with the committed SVG.

Update after an intended change with:
.venv/bin/python -m pytest tests/editor/test_editor_snapshot.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from .editor_app import SIZE, editor_app, focus_list, type_into


async def bad_hold_on_glute_bridge(pilot: Pilot[int]) -> None:
    await pilot.pause()
    await focus_list(pilot)
    await pilot.press("down")
    await type_into(pilot, "step-duration", "3x")
    await pilot.press("escape")  # back to the list: no blinking cursor in the picture
    pilot.app.clear_notifications()
    await pilot.pause()


def test_editor_marks_a_bad_value(snap_compare, user_routines: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths show relative to the working folder, so the picture is the same on every machine.
    monkeypatch.chdir(user_routines.parent)
    assert snap_compare(editor_app(user_routines), terminal_size=SIZE,
                        run_before=bad_hold_on_glute_bridge)
