"""Any sequence of edits on a draft, once saved, loads back as the very routine the editor
showed; a draft the checker refuses is never written."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from warmup_tui.common.paths import bundled_dir
from warmup_tui.routines.draft import (
    ROUTINE_FIELDS,
    RUNWALK_FIELDS,
    STEP_FIELDS,
    RoutineDraft,
    blank_draft,
    check_draft,
)
from warmup_tui.routines.files import load_routine, routine_to_toml
from warmup_tui.routines.save_target import target_for

BUNDLED = sorted(bundled_dir("routines").glob("*.toml"))
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
# Mostly values a person would type, so that many drafts are valid, plus anything at all.
durations = st.sampled_from(["30s", "45s", "1m", "1m30s", "2m", "5", "2.5", "0.25s", "0s",
                             "", "-5s", "3x", "25h", "1h"])
wholes = st.sampled_from(["1", "2", "3", "10", "0", "", "ten", "1001", "170", " 4 "])
side_texts = st.sampled_from(["", "left, right", "left", "left, right, back", "left,,right",
                              " up , down "])
starts = st.sampled_from([None, *BUNDLED])


def value_for(key: str) -> st.SearchStrategy[str]:
    name = key.rsplit(".", 1)[-1]
    if name in ("name", "description", "cue"):
        return any_text
    if name == "then":
        return st.sampled_from(["", "easy-run-walk", "first-steps", "nowhere"])
    if name in ("reps", "sets", "repeats", "cadence"):
        return wholes
    if name == "sides":
        return side_texts
    if name == "kind":
        return st.sampled_from(["hold", "reps"])
    return durations


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[Any, ...]]:
    ops: list[tuple[Any, ...]] = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["add", "delete", "duplicate", "move", "runwalk",
                                     "routine", "step", "step", "step", "block"]))
        index = draw(st.integers(0, 9))
        if kind == "routine":
            key = draw(st.sampled_from(ROUTINE_FIELDS))
            ops.append(("set", key, draw(value_for(key))))
        elif kind == "step":
            name = draw(st.sampled_from([*STEP_FIELDS, "kind"]))
            ops.append(("step", index, name, draw(value_for(name))))
        elif kind == "block":
            name = draw(st.sampled_from(RUNWALK_FIELDS))
            ops.append(("block", name, draw(value_for(name))))
        elif kind == "move":
            ops.append(("move", index, draw(st.sampled_from([-1, 1]))))
        else:
            ops.append((kind, index))
    return ops


def apply(draft: RoutineDraft, op: tuple[Any, ...]) -> None:
    count = len(draft.steps)
    at = op[1] % count if count and isinstance(op[1], int) else None
    match op[0]:
        case "add":
            draft.add_step(at)
        case "delete" if at is not None:
            draft.delete_step(at)
        case "duplicate" if at is not None:
            draft.duplicate_step(at)
        case "move" if at is not None:
            draft.move_step(at, op[2])
        case "runwalk":
            draft.toggle_runwalk()
        case "set":
            draft.set_field(op[1], op[2])
        case "step" if at is not None:
            draft.set_field(f"steps[{at}].{op[2]}", op[3])
        case "block" if draft.runwalk is not None:
            draft.set_field(f"runwalk.{op[1]}", op[2])


def start_draft(start: Path | None) -> RoutineDraft:
    if start is None:
        return blank_draft("Mine")
    return RoutineDraft.from_routine(load_routine(start).routine)


@settings(max_examples=300, deadline=None)
@given(start=starts, ops=edits())
def test_any_edits_once_saved_load_back_the_same(start: Path | None,
                                                 ops: list[tuple[Any, ...]]) -> None:
    draft = start_draft(start)
    opened = check_draft(draft).routine
    assert opened is not None
    for op in ops:
        apply(draft, op)
    check = check_draft(draft)
    event("valid" if check.ok else "refused")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mine.toml"
        if not check.ok:
            # The editor refuses to save; the check says why, at a key it can point to.
            assert check.routine is None and check.problems
            return
        assert check.routine is not None
        path.write_text(routine_to_toml(opened), encoding="utf-8")  # the file as opened
        target = target_for(path, "file")
        target.save(check.routine)
        loaded = load_routine(path).routine
        assert loaded == check.routine
        # Opening the saved file again shows the same routine, and saving it changes nothing.
        again = check_draft(RoutineDraft.from_routine(loaded))
        assert again.routine == loaded
        before = path.read_text(encoding="utf-8")
        target.save(loaded)
        assert path.read_text(encoding="utf-8") == before
