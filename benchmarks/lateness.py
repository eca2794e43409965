"""How late segment starts fire: headless from the --json lines, in the TUI as seen on screen."""

from __future__ import annotations

import json
import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from procstat import cpu_seconds, rss_mb
from tmux_driver import TmuxDriver

GET_READY = 3.0  # the session screen's get-ready before the first segment


def shows_get_ready(text: str) -> bool:
    # GET READY itself is drawn in block letters, which capture-pane cannot read as words;
    # the line under it names the first step.
    return "first up:" in text.lower()


def write_routine(folder: Path, steps: int, seconds: int, name: str = "bench") -> Path:
    """A routine of ``steps`` numbered steps of ``seconds`` each, no rests, no sides."""
    lines = ["format = 1", f'name = "Benchmark {name}"',
             'description = "Written by benchmarks/run_all.py."', 'rest = "0s"', ""]
    for i in range(1, steps + 1):
        lines += ["[[steps]]", f'name = "Step {i:02d}"', f'duration = "{seconds}s"', ""]
    path = folder / f"{name}.toml"
    path.write_text("\n".join(lines))
    return path


@dataclass
class HeadlessResult:
    late_ms: list[float] = field(default_factory=list)  # segment starts after the first
    # The same starts as read from the pipe: arrival - t, from the first start's arrival
    arrival_late_ms: list[float] = field(default_factory=list)
    offset_ms: float = 0.0  # wall - t of the first start: set-up before the session began
    first_line_ms: float = 0.0
    cpu_percent: float = 0.0  # from the second segment start to the last one
    rss_mb: float = 0.0
    exit_code: int | None = None


def headless_lateness(proc: subprocess.Popen[str], launched: float) -> HeadlessResult:
    """Reads ``warmup run ROUTINE --json --mute`` (started by the caller, stdout piped) to the
    end and works out the lateness of each segment_start.

    The first segment_start is delivered by Session.start() at t = 0, so its wall marks the
    session's origin; the lateness of later starts is measured from there.
    """
    out = HeadlessResult()
    marks: list[tuple[float, float]] = []
    starts: list[dict[str, float]] = []
    arrivals: list[float] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        arrived = time.monotonic()
        if not out.first_line_ms:
            out.first_line_ms = (arrived - launched) * 1000
        event = json.loads(line)
        if event["event"] != "segment_start":
            continue
        starts.append(event)
        arrivals.append(arrived)
        if len(starts) == 2:
            out.rss_mb = rss_mb(proc.pid)
        if len(starts) >= 2:
            # Kept until the last start comes: the CPU window runs from the second to it.
            marks.append((time.monotonic(), cpu_seconds(proc.pid)))
    out.exit_code = proc.wait(timeout=30)
    if not starts:
        raise RuntimeError("the headless run printed no segment_start")
    out.offset_ms = (starts[0]["wall"] - starts[0]["t"]) * 1000
    out.late_ms = [(s["wall"] - s["t"]) * 1000 - out.offset_ms for s in starts[1:]]
    out.arrival_late_ms = [(a - arrivals[0] - s["t"]) * 1000
                           for s, a in zip(starts[1:], arrivals[1:], strict=True)]
    if len(marks) >= 2:
        (w0, c0), (w1, c1) = marks[0], marks[-1]
        out.cpu_percent = 100 * (c1 - c0) / (w1 - w0)
    return out


@dataclass
class TuiResult:
    late_ms: list[float] = field(default_factory=list)  # beyond the least late start seen
    poll_ms: float = 0.0  # the time one capture-pane takes: the resolution of the figures


def heading_shows(step: int) -> re.Pattern[str]:
    # The step's own line (the coloured band), not "Next: Step 02" or "First up: Step 01".
    return re.compile(rf"^(?!.*(?:next|first up)).*\bstep {step:02d}\b", re.I | re.M)


def tui_lateness(tmux: TmuxDriver, argv: list[str], env: dict[str, str],
                 steps: int, seconds: int) -> TuiResult:
    """Watches the session screen in tmux and notes when each step's heading appears.

    Polling is dense only in the half second around each expected change, so the watcher
    does not load the machine the app runs on.
    """
    name = tmux.start("tui-lateness", argv, env)
    pid = tmux.pane_pid(name)
    polls: list[float] = []
    try:
        first_frame = tmux.wait_for(name, shows_get_ready, timeout=20)
        expected = first_frame + GET_READY
        seen: list[float] = []
        for step in range(1, steps + 1):
            pattern = heading_shows(step)
            time.sleep(max(0.0, expected - 0.3 - time.monotonic()))
            limit = expected + 5
            while True:
                before = time.monotonic()
                text = tmux.capture(name)
                after = time.monotonic()
                polls.append(after - before)
                if pattern.search(text):
                    seen.append(after)
                    break
                if after > limit:
                    raise TimeoutError(f"step {step} never showed; the pane shows:\n{text}")
            expected = seen[-1] + seconds
    finally:
        tmux.kill(name, pid)
    # The screen gives no session origin, but a timer never fires early, so the start seen
    # soonest after its due moment is the best reference: the others are late by the excess.
    behind = [seen[k] - k * seconds for k in range(len(seen))]
    late = [(b - min(behind)) * 1000 for b in behind]
    return TuiResult(late_ms=late, poll_ms=1000 * sum(polls) / len(polls))
