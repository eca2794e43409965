"""Measures warmup against a minimal Textual app and termdown, in one run, and prints a table.

    .venv/bin/python benchmarks/run_all.py           # about 6 minutes
    .venv/bin/python benchmarks/run_all.py --quick   # about 2.5 minutes, shorter windows
    .venv/bin/python benchmarks/run_all.py --quick --only frames,costs   # while iterating

It measures the lateness of segment starts (quiet, then with every core kept busy by
processes it starts and stops itself), CPU and memory, the first frame of the get-ready and
home screens, the start-up of the headless commands, and both with an empty log and one of
100,000 sessions; then prints the issues' goals beside the figures, each passed or missed.

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
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from statistics import median
from typing import Any

from busy_load import busy_cores
from goals import BIG_LOG, goals_table
from lateness import headless_lateness, shows_get_ready, tui_lateness, write_routine
from procstat import machine_line
from report import lateness_notes, lateness_table, main_table, notes, startup_table
from startup import commands, startup_ms
from terminal_costs import TerminalApp, first_frame_ms, idle_costs
from tmux_driver import TmuxDriver

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"


@dataclass(frozen=True)
class Plan:
    steps: int  # the lateness routine: this many steps ...
    step_seconds: int  # ... of this many seconds
    settle: float  # seconds after the first frame before the CPU window opens
    window: float  # seconds of the CPU window
    launches: int  # launches (and headless command runs) for each start-up median


FULL = Plan(steps=12, step_seconds=8, settle=5.0, window=20.0, launches=5)
QUICK = Plan(steps=4, step_seconds=5, settle=4.0, window=10.0, launches=3)


def compile_package() -> None:
    """Writes warmup's bytecode before anything is timed, as installing a package does.
    Where PYTHONDONTWRITEBYTECODE is set (as on our shared machine) nothing else writes
    it, so every launch would compile each of warmup's modules from source, while
    Textual's come compiled from its install: about 14 ms of CPU before home's first
    frame here, a cost no installed copy pays."""
    subprocess.run([str(VENV / "python"), "-m", "compileall", "-q", str(ROOT / "warmup_tui")],
                   check=True, stdout=subprocess.DEVNULL)


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


def xdg(folder: Path) -> dict[str, str]:
    return {f"XDG_{part}_HOME": str(folder / part.lower())
            for part in ("CONFIG", "DATA", "CACHE", "STATE")}


def make_log(env: dict[str, str], sessions: int) -> None:
    """A training log in ``env``'s XDG folders holding ``sessions`` sessions."""
    log = Path(env["XDG_DATA_HOME"]) / "warmup-tui" / "log.sqlite3"
    log.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(VENV / "python"), str(ROOT / "benchmarks" / "big_log.py"), str(log),
                    str(sessions)], env={**os.environ, **env}, check=True,
                   stdout=subprocess.DEVNULL)


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


def startup_apps(apps: list[TerminalApp], empty: dict[str, str],
                 big: dict[str, str]) -> list[TerminalApp]:
    """The apps whose first frame is timed: warmup's get-ready and home (with an empty and a
    big log), the minimal app, termdown."""
    warmup = str(VENV / "warmup")
    home = [warmup]

    def title(s: str) -> bool:
        return "pre-run warmup and run-walk timer" in s

    def today(s: str) -> bool:
        return "Today:" in s

    return [
        TerminalApp("get ready", [warmup, "run", "pre-run", "--mute"], empty, shows_get_ready),
        TerminalApp("home", home, empty, title, today),
        TerminalApp("home big", home, big, title, today),
        *(a for a in apps if a.key != "warmup"),
    ]


def lateness_each(tmux: TmuxDriver, routine: Path, env: dict[str, str],
                  plan: Plan) -> dict[str, Any]:
    """Segment-start lateness headless, then in the TUI: one after the other, so that
    neither's wake-ups compete with the other's at the same moments (both run the same
    routine), nor the headless run with the TUI's watcher (a capture-pane every few ms
    around each start)."""
    steps, seconds = plan.steps, plan.step_seconds
    headless_argv = [str(VENV / "warmup"), "run", str(routine), "--json", "--mute"]
    launched = time.monotonic()
    proc = subprocess.Popen(headless_argv, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, **env})
    try:
        headless = headless_lateness(proc, launched)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    tui = tui_lateness(tmux, [str(VENV / "warmup"), "run", str(routine), "--mute"], env,
                       steps, seconds)
    return {"headless": headless, "tui": tui}


PARTS = ("lateness", "costs", "frames", "startup")


def measure(args: argparse.Namespace, folder: Path, tmux: TmuxDriver) -> dict[str, Any]:
    plan = QUICK if args.quick else FULL
    if args.launches:
        plan = replace(plan, launches=args.launches)
    env, empty, big = xdg(folder / "run"), xdg(folder / "empty"), xdg(folder / "big")
    termdown = bool({"costs", "frames"} & set(args.only)) and ensure_termdown()
    apps = terminal_apps(folder, env, termdown)
    routine = write_routine(folder, plan.steps, plan.step_seconds, name="lateness")
    r: dict[str, Any] = {"plan": plan, "parts": args.only}

    if "lateness" in args.only:
        r["load_before_quiet"] = os.getloadavg()[0]
        log(f"lateness, quiet: {plan.steps} steps of {plan.step_seconds} s, headless then in"
            " the TUI")
        r["quiet"] = lateness_each(tmux, routine, env, plan)
        with busy_cores() as spinners:
            log(f"lateness, {len(spinners)} busy processes: the same again")
            r["loaded"] = lateness_each(tmux, routine, env, plan)
        log("busy processes stopped")
    if {"frames", "startup"} & set(args.only):  # built after the lateness runs, kept quiet
        log(f"logs: an empty one and one of {BIG_LOG:,} sessions")
        make_log(empty, 0)
        make_log(big, BIG_LOG)
    if "costs" in args.only:
        r["costs"] = {}
        for app in apps:
            log(f"CPU and RSS: {app.key}, {plan.window:.0f} s window after "
                f"{plan.settle:.0f} s settle")
            r["costs"][app.key] = idle_costs(tmux, app, plan.settle, plan.window)
    r["load_before_startup"] = os.getloadavg()[0]
    if "frames" in args.only:
        log(f"launch to first frame: {plan.launches} launches each")
        r["frames"] = first_frame_ms(tmux, startup_apps(apps, empty, big), plan.launches)
    if "startup" in args.only:
        log(f"start-up of the headless commands: {plan.launches} runs each")
        r["startup"] = startup_ms(commands(VENV, routine, empty, big, BIG_LOG),
                                  dict(os.environ), plan.launches)
    return r


def parts(text: str) -> tuple[str, ...]:
    """``--only``'s comma-separated parts, each one of PARTS."""
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [part for part in chosen if part not in PARTS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"parts are {', '.join(PARTS)}; not {text!r}")
    return chosen


def partial_report(results: dict[str, Any]) -> str:
    """Some parts only (``--only``): their goals, and the medians behind them."""
    lines = [goals_table(results), ""]
    for key, values in results.get("frames", {}).items():
        lines.append(f"- first frame, {key}: median {median(values):.0f} ms of "
                     + ", ".join(f"{v:.0f}" for v in values))
    for key, costs in results.get("costs", {}).items():
        lines.append(f"- {key}: RSS {costs.rss_mb:.1f} MB, CPU {costs.cpu_percent:.2f} %")
    lines.append(f"- load average before the start-up runs: {results['load_before_startup']:.2f}")
    if "quiet" in results:
        lines += ["", lateness_table(results), "", lateness_notes(results)]
    return "\n".join(lines)


def as_data(results: dict[str, Any]) -> dict[str, Any]:
    """The figures as plain JSON: dataclasses as dicts, the rest as they are."""
    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: plain(v) for key, v in value.items()}
        return asdict(value) if hasattr(value, "__dataclass_fields__") else value
    return {key: plain(value) for key, value in results.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter routine and windows")
    parser.add_argument("--only", type=parts, default=PARTS, metavar="PARTS",
                        help=f"measure only these, comma-separated: {','.join(PARTS)}")
    parser.add_argument("--launches", type=int, default=0,
                        help="launches for each first-frame and start-up median")
    args = parser.parse_args()
    if not (VENV / "warmup").exists():
        print("run `bash setup.sh install` first", file=sys.stderr)
        return 2

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)  # unwinds through the finally blocks below

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    started = time.monotonic()
    compile_package()
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
    body = ([main_table(results), "", startup_table(results), "", goals_table(results), "",
             notes(results)] if args.only == PARTS else [partial_report(results)])
    report = "\n".join([
        f"warmup-tui benchmark, {when} (took {time.monotonic() - started:.0f} s)",
        f"machine: {machine}",
        f"command: {command}", "", *body,
    ])
    print(report)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (out / f"{stamp}.json").write_text(json.dumps({"report": report, **as_data(results)},
                                                  indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
