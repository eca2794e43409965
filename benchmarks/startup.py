"""Start-up of the headless commands: launch to exit, next to bare Python and the import alone."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Command:
    label: str  # as printed in the table
    argv: list[str]
    env: dict[str, str]


def commands(venv: Path, routine: Path, empty: dict[str, str],
             big: dict[str, str], big_sessions: int) -> list[Command]:
    """Bare Python, the package import, and each headless command, with an empty log; and
    ``history`` with the big log."""
    python, warmup = str(venv / "python"), str(venv / "warmup")
    return [
        Command("python -c pass", [python, "-c", "pass"], empty),
        Command("python -c 'import warmup_tui'", [python, "-c", "import warmup_tui"], empty),
        Command("python -c 'import warmup_tui.cli.main'",
                [python, "-c", "import warmup_tui.cli.main"], empty),
        Command("warmup --version", [warmup, "--version"], empty),
        Command("warmup list", [warmup, "list"], empty),
        Command("warmup show pre-run", [warmup, "show", "pre-run"], empty),
        Command("warmup validate FILE", [warmup, "validate", str(routine)], empty),
        Command("warmup history, empty log", [warmup, "history"], empty),
        Command(f"warmup history, {big_sessions:,} sessions", [warmup, "history"], big),
    ]


def exit_ms(command: Command, full_env: dict[str, str]) -> float:
    """Milliseconds from launching the command to its exit; its output goes to a pipe."""
    began = time.monotonic()
    done = subprocess.run(command.argv, capture_output=True, env=full_env, timeout=60)
    ended = time.monotonic()
    if done.returncode != 0:
        raise RuntimeError(f"{command.label} failed ({done.returncode}): "
                           f"{done.stderr.decode(errors='replace').strip()}")
    return (ended - began) * 1000


def startup_ms(commands: list[Command], base_env: dict[str, str],
               runs: int) -> dict[str, list[float]]:
    """Every command ``runs`` times, taking turns (so a slow spell hits them all alike), after
    one unmeasured round that warms the disk cache."""
    times: dict[str, list[float]] = {c.label: [] for c in commands}
    for run in range(runs + 1):
        for command in commands:
            took = exit_ms(command, {**base_env, **command.env})
            if run:
                times[command.label].append(took)
    return times
