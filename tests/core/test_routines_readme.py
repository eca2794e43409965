"""routines/README.md stays true: its example is a valid routine that uses every key, and
the expansion it shows is what the app builds."""

from __future__ import annotations

import re
from pathlib import Path

from warmup_tui.common.durations import format_clock
from warmup_tui.engine.timeline import build_timeline, total_seconds
from warmup_tui.routines.files import parse_routine
from warmup_tui.routines.schema import ROUTINE_KEYS, RUNWALK_KEYS, STEP_KEYS

README = Path(__file__).resolve().parents[2] / "routines" / "README.md"


def blocks(language: str) -> list[str]:
    """The fenced blocks opened with ```language (an empty language: a bare fence)."""
    found: list[str] = []
    current: list[str] | None = None
    opened = ""
    for line in README.read_text().splitlines():
        if line.startswith("```"):
            if current is None:
                current, opened = [], line[3:].strip()
            else:
                if opened == language:
                    found.append("\n".join(current) + "\n")
                current = None
        elif current is not None:
            current.append(line)
    return found


def test_the_example_is_valid_and_uses_every_key() -> None:
    import tomllib

    example = blocks("toml")[0]
    parse_routine(example, "example.toml")  # raises on any problem
    data = tomllib.loads(example)
    assert set(data) == set(ROUTINE_KEYS)
    assert set().union(*(step.keys() for step in data["steps"])) == set(STEP_KEYS)
    assert set(data["runwalk"]) == set(RUNWALK_KEYS)


def test_the_expansion_shown_is_the_timeline() -> None:
    routine = parse_routine(blocks("toml")[0], "example.toml")
    segments = build_timeline(routine)
    shown = blocks("")[0]
    rows = [line.split() for line in shown.splitlines() if re.match(r"^\s*\d+\s", line)]
    assert [(int(r[0]) - 1, r[1], r[2]) for r in rows] == [
        (s.index, s.kind, format_clock(s.duration)) for s in segments
    ]
    assert f"Total {format_clock(total_seconds(segments))} in {len(segments)} segments" in shown
