"""Saves two versions of a routine in turn, as fast as it can, until killed.

Run as ``python save_loop.py FILE``; prints one line per save so the test knows saving
has begun before it kills the process.
"""

from __future__ import annotations

import sys
from pathlib import Path

from warmup_tui.routines.model import Routine, Step
from warmup_tui.routines.save_target import target_for


def version(number: int) -> Routine:
    # Big enough (tens of kilobytes) that a kill often lands in the middle of a write.
    steps = tuple(Step(name=f"Step {i} of version {number}", duration=30.0 + number,
                       cue="Keep your hips level and breathe out as you lift. " * 6)
                  for i in range(60 + 40 * number))
    return Routine(name=f"Version {number}", steps=steps)


def main() -> None:
    path = Path(sys.argv[1])
    versions = [version(0), version(1)]
    target = target_for(path, "file")
    count = 0
    while True:
        target.save(versions[count % 2])
        count += 1
        print(f"saved {count}", flush=True)


if __name__ == "__main__":
    main()
