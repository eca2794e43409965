"""Measures warmup against a minimal Textual app and termdown, in one run, and prints a table.

    .venv/bin/python benchmarks/run_all.py           # about 4 minutes
    .venv/bin/python benchmarks/run_all.py --quick   # about 1.5 minutes, shorter windows

Needs Linux (/proc), tmux, and `bash setup.sh install` done. termdown is installed into .venv
on first use (`.venv/bin/python -m pip install termdown`); the app itself never needs it.
Every figure comes from the outside: the apps run unmodified, with no hooks.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from lateness import HeadlessResult, TuiResult, headless_lateness, tui_lateness, write_routine
from procstat import machine_line
from terminal_costs import TerminalApp, first_frame_ms, idle_costs
from tmux_driver import TmuxDriver

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
COLUMNS = ("warmup TUI", "warmup --json", "minimal Textual", "termdown")


@dataclass(frozen=True)
class Plan:
    steps: int  # the lateness routine: this many steps ...
    step_seconds: int  # ... of this many seconds
    settle: float  # seconds after the first frame before the CPU window opens
    window: float  # seconds of the CPU window
    launches: int  # launches per app for the first-frame median


FULL = Plan(steps=12, step_seconds=10, settle=5.0, window=30.0, launches=3)
QUICK = Plan(steps=4, step_seconds=5, settle=4.0, window=10.0, launches=3)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ensure_termdown() -> bool:
    if (VENV / "termdown").exists():
        return True
    command = [str(VENV / "python"), "-m", "pip", "install", "-q", "termdown"]
    log(f"termdown is missing; installing it: {shlex.join(command)}")
    if subprocess.run(command).returncode != 0:
        log("could not install termdown; its column stays empty")
        return False
    return True


def terminal_apps(folder: Path, env: dict[str, str], termdown: bool) -> list[TerminalApp]:
    minute = write_routine(folder, steps=1, seconds=60, name="minute")
    apps = [
        TerminalApp("warmup", [str(VENV / "warmup"), "run", str(minute), "--mute"], env,
                    lambda s: "Benchmark minute" in s),
        TerminalApp("minimal", [str(VENV / "python"),
                                str(ROOT / "benchmarks" / "minimal_textual_app.py")], env,
                    lambda s: "Minimal Textual app" in s),
    ]
    if termdown:
        # Any ink at all: the pane starts blank and termdown draws only the figures.
        apps.append(TerminalApp("termdown", [str(VENV / "termdown"), "60"], env,
                                lambda s: bool(s.strip())))
    return apps


def measure(args: argparse.Namespace, folder: Path, tmux: TmuxDriver) -> dict[str, Any]:
    plan = QUICK if args.quick else FULL
    env = {f"XDG_{part}_HOME": str(folder / part.lower()) for part in ("CONFIG", "DATA", "CACHE")}
    full_env = {**os.environ, **env}
    termdown = ensure_termdown()
    apps = terminal_apps(folder, env, termdown)
    steps, seconds = plan.steps, plan.step_seconds
    routine = write_routine(folder, steps, seconds, name="lateness")

    log(f"lateness: {steps} steps of {seconds} s, headless and in the TUI at the same time")
    headless_argv = [str(VENV / "warmup"), "run", str(routine), "--json", "--mute"]
    launched = time.monotonic()
    proc = subprocess.Popen(headless_argv, stdout=subprocess.PIPE, text=True, env=full_env)
    box: dict[str, Any] = {}

    def read() -> None:
        try:
            box["result"] = headless_lateness(proc, launched)
        except Exception as error:  # reported by the main thread
            box["error"] = error

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        tui = tui_lateness(tmux, [str(VENV / "warmup"), "run", str(routine), "--mute"], env,
                           steps, seconds)
        reader.join(timeout=steps * seconds + 30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if "error" in box:
        raise box["error"]
    headless: HeadlessResult = box["result"]

    costs = {}
    for app in apps:
        log(f"CPU and RSS: {app.key}, {plan.window:.0f} s window after "
            f"{plan.settle:.0f} s settle")
        costs[app.key] = idle_costs(tmux, app, plan.settle, plan.window)
    log(f"launch to first frame: {plan.launches} launches each")
    startup_apps = [TerminalApp(a.key, a.argv, a.env, lambda s: "GET READY" in s)
                    if a.key == "warmup" else a for a in apps]
    frames = first_frame_ms(tmux, startup_apps, plan.launches)
    return {"plan": plan, "headless": headless, "tui": tui, "costs": costs, "frames": frames}


def ms(values: list[float], how: str) -> str:
    if not values:
        return "n/a"
    value = statistics.median(values) if how == "median" else max(values)
    return f"{value:.1f}"


def table(r: dict[str, Any]) -> str:
    h: HeadlessResult = r["headless"]
    t: TuiResult = r["tui"]
    c, f = r["costs"], r["frames"]

    def cell(key: str, pick: str, fmt: str = "{:.2f}") -> str:
        if key not in c:
            return "not run"
        return fmt.format(getattr(c[key], pick))

    def frame(key: str) -> str:
        return f"{f[key]:.0f}" if key in f else "not run"

    rows = [
        ("segment start lateness, median (ms)", ms(t.late_ms, "median"),
         ms(h.late_ms, "median"), "n/a", "n/a"),
        ("segment start lateness, max (ms)", ms(t.late_ms, "max"), ms(h.late_ms, "max"),
         "n/a", "n/a"),
        ("CPU % of one core, counting / idle", cell("warmup", "cpu_percent"),
         f"{h.cpu_percent:.2f}", cell("minimal", "cpu_percent"),
         cell("termdown", "cpu_percent")),
        ("tmux server CPU % meanwhile", cell("warmup", "server_cpu_percent"), "n/a",
         cell("minimal", "server_cpu_percent"), cell("termdown", "server_cpu_percent")),
        (f"launch to first frame, median of {r['plan'].launches} (ms)", frame("warmup"),
         f"{h.first_line_ms:.0f}", frame("minimal"), frame("termdown")),
        ("RSS after settle (MB)", cell("warmup", "rss_mb", "{:.1f}"), f"{h.rss_mb:.1f}",
         cell("minimal", "rss_mb", "{:.1f}"), cell("termdown", "rss_mb", "{:.1f}")),
    ]
    width = max(len(row[0]) for row in rows) + 2
    lines = [" " * width + "".join(f"{name:>17}" for name in COLUMNS)]
    lines += [f"{row[0]:<{width}}" + "".join(f"{v:>17}" for v in row[1:]) for row in rows]
    return "\n".join(lines)


def notes(r: dict[str, Any]) -> str:
    p, h, t = r["plan"], r["headless"], r["tui"]
    return "\n".join([
        f"- lateness: {p.steps} steps of {p.step_seconds} s, no rests, speed 1."
        " --json: wall - t of each segment_start",
        "  after the first, whose wall - t marks the session origin (it was"
        f" {h.offset_ms:.0f} ms of set-up); 1 ms resolution.",
        "  TUI: when each step's heading showed in the tmux pane; no origin is visible there,"
        " so figures are",
        "  beyond the least late start (timers never fire early);"
        f" one capture-pane took {t.poll_ms:.1f} ms (the resolution).",
        f"- CPU: utime+stime from /proc/PID/stat over {p.window:.0f} s, from"
        f" {p.settle:.0f} s after the first frame (warmup inside a 60 s step,",
        "  termdown 60, the minimal app idle); one tick is 10 ms."
        " --json: from the second segment start to the last.",
        "- first frame: from `tmux new-session` to the expected text in capture-pane,"
        " polled every 10 ms;",
        "  --json: to the first JSON line. Panes are 100x30; apps run unmodified, no hooks.",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter routine and windows")
    args = parser.parse_args()
    if not (VENV / "warmup").exists():
        print("run `bash setup.sh install` first", file=sys.stderr)
        return 2

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)  # unwinds through the finally blocks below

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    started = time.monotonic()
    command = shlex.join([os.path.relpath(sys.executable, ROOT), *sys.argv])
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    machine = machine_line(VENV / "python", VENV / "termdown")  # load average before we add any
    with tempfile.TemporaryDirectory(prefix="warmup-bench-") as folder:
        tmux = TmuxDriver(f"warmup-bench-{os.getpid()}")
        try:
            results = measure(args, Path(folder), tmux)
        except KeyboardInterrupt:
            return 130
        except (TimeoutError, RuntimeError, OSError, subprocess.SubprocessError) as error:
            print(f"benchmark failed: {error}", file=sys.stderr)
            return 1
        finally:
            tmux.close()
    report = "\n".join([
        f"warmup-tui benchmark, {when} (took {time.monotonic() - started:.0f} s)",
        f"machine: {machine}",
        f"command: {command}", "", table(results), "", notes(results),
    ])
    print(report)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    data = {k: asdict(v) for k, v in results.items() if k not in ("costs", "frames")}
    data["frames"] = results["frames"]
    data["costs"] = {k: asdict(v) for k, v in results["costs"].items()}
    (out / f"{stamp}.json").write_text(json.dumps({"report": report, **data}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
