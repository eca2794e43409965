"""The issues' goals (11, 12, 13), checked against the figures, each with a pass/miss mark."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

BIG_LOG = 100_000  # sessions in the big log


@dataclass(frozen=True)
class Verdict:
    goal: str
    figure: str
    met: bool
    over: str  # by how much a missed goal is missed; "" when met

    @property
    def mark(self) -> str:
        return "pass" if self.met else f"MISS ({self.over})"


def ratio(goal: str, value: float, base: float, most: float, unit: str = "ms") -> Verdict:
    """``value`` at most ``most`` times ``base``."""
    times = value / base
    figure = f"{times:.2f}x ({value:.1f} vs {base:.1f} {unit})"
    return Verdict(goal, figure, times <= most, f"{100 * (times / most - 1):.0f} % over")


def limit(goal: str, value: float, most: float) -> Verdict:
    """``value`` (ms) at most ``most``, to the 0.1 ms shown (the JSON's 1.0 ms is 1 ms)."""
    shown = round(value, 1)
    return Verdict(goal, f"{shown:.1f} ms", shown <= most, f"{shown - most:.1f} ms over")


def lateness(goal: str, late_ms: list[float], median_most: float,
             worst_most: float) -> list[Verdict]:
    if not late_ms:
        return [Verdict(goal, "not measured", False, "no figures")]
    return [limit(f"{goal}, median ≤ {median_most:g} ms", median(late_ms), median_most),
            limit(f"{goal}, worst ≤ {worst_most:g} ms", max(late_ms), worst_most)]


def verdicts(r: dict[str, Any]) -> list[Verdict]:
    """The goals whose figures were measured (``run_all.py --only`` measures some parts),
    in the README's order."""
    big = f"{BIG_LOG:,} sessions"
    frames: list[Verdict] = []
    if "frames" in r:
        f = {key: median(values) for key, values in r["frames"].items()}
        frames = [
            ratio("first frame, home ≤ 1.3x minimal Textual", f["home"], f["minimal"], 1.3),
            ratio("first frame, get ready ≤ 1.3x minimal Textual", f["get ready"],
                  f["minimal"], 1.3),
            ratio(f"first frame, home, {big} ≤ 1.5x empty log", f["home big"], f["home"], 1.5),
            ratio(f"home today line shown, {big} ≤ 1.5x empty log", f["home big loaded"],
                  f["home loaded"], 1.5),
        ]
    out = frames[:2]
    if "costs" in r:
        out.append(ratio("RSS after settle ≤ 1.25x minimal Textual", r["costs"]["warmup"].rss_mb,
                         r["costs"]["minimal"].rss_mb, 1.25, "MB"))
    if "startup" in r:
        s = {key: median(values) for key, values in r["startup"].items()}
        out += [
            ratio("warmup --version ≈ python -c 'import warmup_tui' (≤ 1.1x)",
                  s["warmup --version"], s["python -c 'import warmup_tui'"], 1.1),
            ratio(f"warmup history, {big} ≤ 1.5x empty log", s[f"warmup history, {big}"],
                  s["warmup history, empty log"], 1.5),
        ]
    out += frames[2:]
    if "quiet" in r:
        out += lateness_verdicts(r)
    return out


def lateness_verdicts(r: dict[str, Any]) -> list[Verdict]:
    # Issue 12's goals: the TUI's quiet and loaded figures; the headless figures "stay at
    # the 1 ms resolution", quiet and loaded alike.
    return [
        *lateness("TUI lateness, quiet", r["quiet"]["tui"].late_ms, 5, 30),
        *lateness("TUI lateness, 2 cores busy", r["loaded"]["tui"].late_ms, 20, 100),
        *lateness("--json lateness, quiet", r["quiet"]["headless"].late_ms, 1, 1),
        *lateness("--json lateness, 2 cores busy", r["loaded"]["headless"].late_ms, 1, 1),
    ]


def goals_table(r: dict[str, Any]) -> str:
    lines = ["| goal | measured | |", "|---|---:|---|"]
    lines += [f"| {v.goal} | {v.figure} | {v.mark} |" for v in verdicts(r)]
    return "\n".join(lines)
