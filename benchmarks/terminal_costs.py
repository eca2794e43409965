"""CPU, RSS and launch-to-first-frame of an app in a real terminal (a tmux pane)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from procstat import cpu_seconds, rss_mb
from tmux_driver import TmuxDriver


@dataclass(frozen=True)
class TerminalApp:
    key: str
    argv: list[str]
    env: dict[str, str]
    ready: Callable[[str], bool]  # true once the pane shows the app's first frame
    # True once the screen shows what the app loads (the home screen's today line); timed
    # from the same launch, under the key "<key> loaded".
    loaded: Callable[[str], bool] | None = None


@dataclass
class Costs:
    cpu_percent: float
    server_cpu_percent: float  # the tmux server, which turns the app's output into a screen
    rss_mb: float


def idle_costs(tmux: TmuxDriver, app: TerminalApp, settle: float, window: float) -> Costs:
    """CPU % over ``window`` seconds, ``settle`` seconds after the first frame; RSS then."""
    name = tmux.start(f"cpu-{app.key}", app.argv, app.env)
    pid = tmux.pane_pid(name)
    server = tmux.server_pid()
    try:
        tmux.wait_for(name, app.ready, timeout=20)
        time.sleep(settle)
        rss = rss_mb(pid)
        w0, c0, s0 = time.monotonic(), cpu_seconds(pid), cpu_seconds(server)
        time.sleep(window)
        w1, c1, s1 = time.monotonic(), cpu_seconds(pid), cpu_seconds(server)
        if not app.ready(tmux.capture(name)):
            raise RuntimeError(f"{app.key} stopped showing its screen during the window")
    finally:
        tmux.kill(name, pid)
    wall = w1 - w0
    return Costs(100 * (c1 - c0) / wall, 100 * (s1 - s0) / wall, rss)


def first_frame_ms(tmux: TmuxDriver, apps: list[TerminalApp],
                   runs: int) -> dict[str, list[float]]:
    """Ms from asking tmux to launch each app to the pane showing its first frame (and, for
    an app with ``loaded``, to the pane showing it), ``runs`` times each.

    The apps take turns, so a slow spell on the machine hits them all alike.
    """
    times: dict[str, list[float]] = {}
    for run in range(runs):
        for app in apps:
            launched = time.monotonic()
            name = tmux.start(f"start-{app.key}-{run}", app.argv, app.env)
            pid = None
            try:
                seen = tmux.wait_for(name, app.ready, timeout=20, every=0.01)
                times.setdefault(app.key, []).append((seen - launched) * 1000)
                if app.loaded is not None:
                    shown = tmux.wait_for(name, app.loaded, timeout=20, every=0.01)
                    times.setdefault(f"{app.key} loaded", []).append((shown - launched) * 1000)
                pid = tmux.pane_pid(name)  # asked after the frame, to keep it out of the timing
            finally:
                tmux.kill(name, pid)
    return times
