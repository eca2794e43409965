"""The benchmark's figures as Markdown tables that paste into the README, and how they were made."""

from __future__ import annotations

from statistics import median
from typing import Any

from goals import BIG_LOG, lateness_verdicts

COLUMNS = ("warmup TUI", "warmup --json", "minimal Textual", "termdown")


def _ms(values: list[float], how: str) -> str:
    if not values:
        return "n/a"
    return f"{median(values) if how == 'median' else max(values):.1f}"


def _markdown(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |",
             "|---|" + "---:|" * (len(header) - 1)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _lateness_rows(r: dict[str, Any]) -> list[tuple[str, ...]]:
    rows = []
    for phase, words in (("quiet", "quiet"), ("loaded", "2 cores busy")):
        t, h = r[phase]["tui"], r[phase]["headless"]
        for how, label in (("median", "median"), ("max", "worst")):
            rows.append((f"segment start lateness, {words}, {label} (ms)", _ms(t.late_ms, how),
                         _ms(h.late_ms, how), "n/a", "n/a"))
    return rows


def lateness_table(r: dict[str, Any]) -> str:
    """The lateness rows alone (``--only lateness``), with their goals."""
    rows = [(label, tui, json) for label, tui, json, _, _ in _lateness_rows(r)]
    verdicts = [f"| {v.goal} | {v.figure} | {v.mark} |" for v in lateness_verdicts(r)]
    return "\n".join([_markdown(("", *COLUMNS[:2]), rows), "",
                      "| goal | measured | |", "|---|---:|---|", *verdicts])


def main_table(r: dict[str, Any]) -> str:
    c, f, h = r["costs"], r["frames"], r["quiet"]["headless"]
    runs = r["plan"].launches

    def cell(key: str, pick: str, fmt: str = "{:.2f}") -> str:
        return fmt.format(getattr(c[key], pick)) if key in c else "not run"

    def frame(key: str) -> str:
        return f"{median(f[key]):.0f}" if key in f else "not run"

    rows = [
        *_lateness_rows(r),
        ("CPU % of one core, counting / idle", cell("warmup", "cpu_percent"),
         f"{h.cpu_percent:.2f}", cell("minimal", "cpu_percent"), cell("termdown", "cpu_percent")),
        ("tmux server CPU % meanwhile", cell("warmup", "server_cpu_percent"), "n/a",
         cell("minimal", "server_cpu_percent"), cell("termdown", "server_cpu_percent")),
        (f"first frame, `warmup run pre-run` (get ready), median of {runs} (ms)",
         frame("get ready"), f"{h.first_line_ms:.0f}", frame("minimal"), frame("termdown")),
        (f"first frame, `warmup` (home), median of {runs} (ms)", frame("home"), "n/a",
         frame("minimal"), "n/a"),
        ("RSS after settle (MB)", cell("warmup", "rss_mb", "{:.1f}"), f"{h.rss_mb:.1f}",
         cell("minimal", "rss_mb", "{:.1f}"), cell("termdown", "rss_mb", "{:.1f}")),
    ]
    return _markdown(("", *COLUMNS), rows)


def startup_table(r: dict[str, Any]) -> str:
    """Headless commands, launch to exit; then the home screen with an empty and a big log."""
    s, f = r["startup"], r["frames"]
    runs = r["plan"].launches
    rows = [(f"`{label}`", f"{median(v):.0f}", f"{min(v):.0f}", f"{max(v):.0f}")
            for label, v in s.items()]
    big = f"{BIG_LOG:,} sessions"
    for key, label in (("home", "home, first frame, empty log"),
                       ("home big", f"home, first frame, {big}"),
                       ("home loaded", "home, today line shown, empty log"),
                       ("home big loaded", f"home, today line shown, {big}")):
        v = f[key]
        rows.append((label, f"{median(v):.0f}", f"{min(v):.0f}", f"{max(v):.0f}"))
    return _markdown((f"start-up, {runs} runs each", "median (ms)", "min", "max"), rows)


def lateness_notes(r: dict[str, Any]) -> str:
    p, h, t = r["plan"], r["quiet"]["headless"], r["quiet"]["tui"]
    return "\n".join([
        f"- lateness: {p.steps} steps of {p.step_seconds} s, no rests, speed 1, headless, then"
        " in the TUI (one at a time); once on the machine as it is, once with every core"
        " kept busy by a spinning Python process per core (started and stopped here).",
        "  --json: wall - t of each segment_start after the first, whose wall - t marks the"
        f" session origin (it was {h.offset_ms:.0f} ms of set-up); 1 ms resolution.",
        "  TUI: when each step's heading showed in the tmux pane; no origin is visible there,"
        " so figures are beyond the least late start (timers never fire early);"
        f" one capture-pane took {t.poll_ms:.1f} ms (the resolution).",
        "  --json as read from the pipe (arrival - t, from the first start's arrival),"
        f" median / worst: quiet {_ms(h.arrival_late_ms, 'median')} /"
        f" {_ms(h.arrival_late_ms, 'max')} ms, 2 cores busy"
        f" {_ms(r['loaded']['headless'].arrival_late_ms, 'median')} /"
        f" {_ms(r['loaded']['headless'].arrival_late_ms, 'max')} ms.",
        f"- load average: {r['load_before_quiet']:.2f} before the quiet lateness run.",
    ])


def notes(r: dict[str, Any]) -> str:
    p = r["plan"]
    return "\n".join([
        *lateness_notes(r).splitlines()[:-1],
        f"- CPU: utime+stime from /proc/PID/stat over {p.window:.0f} s, from"
        f" {p.settle:.0f} s after the first frame (warmup inside a 60 s step, termdown 60,"
        " the minimal app idle); one tick is 10 ms. --json: from the second segment start"
        " to the last. RSS: VmRSS when the CPU window opens.",
        "- first frame: from `tmux new-session` to the expected text in capture-pane, polled"
        " every 10 ms (get ready: 'First up:', as GET READY is in block letters; home: its title;"
        " today line: 'Today:');"
        " --json: to the first JSON line. Panes are 100x30; apps run unmodified, no hooks.",
        "- start-up: launch to exit of each command (output to a pipe), the commands taking"
        " turns after one unmeasured round. The big log is built through the log's own"
        f" schema: {BIG_LOG:,} completed sessions (no segments), one every 50 minutes back"
        " from now, inserted in one transaction.",
        f"- load average: {r['load_before_quiet']:.2f} before the quiet lateness run,"
        f" {r['load_before_startup']:.2f} before the start-up runs.",
    ])
