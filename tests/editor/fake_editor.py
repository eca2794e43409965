"""A stand-in for a person at $EDITOR: each run applies the next planned text change.

Used as EDITOR="python fake_editor.py PLAN"; the editor is then run as
``python fake_editor.py PLAN FILE``. PLAN holds one change per line, ``OLD=>NEW``
(replace the first OLD in FILE with NEW) or ``-`` (leave the file alone). Every run is
appended to PLAN.runs so tests can count them.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    plan, target = Path(sys.argv[1]), Path(sys.argv[2])
    steps = plan.read_text(encoding="utf-8").splitlines()
    step, rest = (steps[0], steps[1:]) if steps else ("-", [])
    plan.write_text("".join(line + "\n" for line in rest), encoding="utf-8")
    with open(str(plan) + ".runs", "a", encoding="utf-8") as runs:
        runs.write(f"{target}\n")
    if step != "-":
        old, new = step.split("=>", 1)
        text = target.read_text(encoding="utf-8")
        if old not in text:
            print(f"fake editor: {old!r} not in {target}", file=sys.stderr)
            return 1
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return 0


def runs(plan: Path) -> list[str]:
    """The files the fake editor was run on, in order."""
    record = Path(str(plan) + ".runs")
    return record.read_text(encoding="utf-8").splitlines() if record.exists() else []


if __name__ == "__main__":
    raise SystemExit(main())
