"""Measures what years of training cost: `warmup history` and the app's first frame with an
empty log and with one of 100,000 sessions (about 6 years of a session every half hour,
20 segments each: the size a heavy user's log would reach), and prints a table.

    .venv/bin/python benchmarks/log_size.py          # about 1 minute; needs tmux

Both logs are made in a scratch folder (big_log.py) and each is opened once first, as the
user's log is by the session that wrote it last; the apps then run unmodified.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from big_log import fill
from procstat import machine_line
from terminal_costs import TerminalApp, first_frame_ms
from tmux_driver import TmuxDriver

from warmup_tui.log.store import TrainingLog

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
SIZES = {"empty log": 0, "100,000 sessions": 100_000}


def homes(folder: Path) -> dict[str, dict[str, str]]:
    """An isolated set of XDG folders per log size, the log made and opened once."""
    envs = {}
    for label, count in SIZES.items():
        base = folder / str(count)
        env = {f"XDG_{part}_HOME": str(base / part.lower())
               for part in ("CONFIG", "DATA", "CACHE", "STATE")}
        log = base / "data" / "warmup-tui" / "log.sqlite3"
        log.parent.mkdir(parents=True)
        fill(log, count, segments=20)
        TrainingLog.open(log).close()
        envs[label] = env
    return envs


def history_ms(env: dict[str, str], runs: int) -> float:
    """Median wall time of `warmup history`, launch to exit."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([str(VENV / "warmup"), "history"], env={**os.environ, **env},
                       stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches per figure (median)")
    args = parser.parse_args()
    command = shlex.join([os.path.relpath(sys.executable, ROOT), *sys.argv])
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    machine = machine_line(VENV / "python", VENV / "termdown")
    with tempfile.TemporaryDirectory(prefix="warmup-logsize-") as folder:
        envs = homes(Path(folder))
        history = {label: history_ms(env, args.runs) for label, env in envs.items()}
        tmux = TmuxDriver(f"warmup-logsize-{os.getpid()}")
        try:
            apps = [TerminalApp(label, [str(VENV / "warmup")], env,
                                lambda screen: "Today: warmup, then" in screen)
                    for label, env in envs.items()]
            frames = first_frame_ms(tmux, apps, args.runs)
        finally:
            tmux.close()
    print(f"warmup-tui log-size benchmark, {when}\nmachine: {machine}\ncommand: {command}\n")
    print("| median of {} (ms) | {} | ratio |".format(args.runs, " | ".join(SIZES)))
    print("|---|" + "---:|" * (len(SIZES) + 1))
    empty, big = SIZES
    for name, figures in (("`warmup history`, launch to exit", history),
                          ("app launch to first frame (home)", frames)):
        cells = " | ".join(f"{figures[label]:.0f}" for label in SIZES)
        print(f"| {name} | {cells} | {figures[big] / figures[empty]:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
