"""What a process costs, read straight from /proc (Linux only), and a one-line machine summary."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of every thread of ``pid`` so far, in seconds."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name (field 2) may hold spaces and brackets; fields after it are plain.
    fields = stat[stat.rindex(")") + 2:].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 in proc(5)
    return (utime + stime) / TICKS


def rss_mb(pid: int) -> float:
    """Resident set size (VmRSS) in MB (10^6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise ValueError(f"no VmRSS for process {pid}")


def alive(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def _ask(argv: list[str]) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except OSError:
        return "missing"
    return (out.stdout or out.stderr).strip().splitlines()[0] if out.returncode == 0 else "missing"


def machine_line(venv_python: Path, termdown: Path) -> str:
    """CPU, cores, kernel and the versions of everything measured."""
    versions = _ask([str(venv_python), "-c",
                     "import sys, importlib.metadata as m; "
                     "print(sys.version.split()[0], m.version('textual'))"])
    python, _, textual = versions.partition(" ")
    term = _ask([str(termdown), "--version"]) if termdown.exists() else "not installed"
    return (f"{cpu_model()}, {os.cpu_count()} cores, Linux {platform.release()}; "
            f"Python {python}, textual {textual or '?'}, termdown {term.split()[-1]}, "
            f"{_ask(['tmux', '-V'])}; load average {os.getloadavg()[0]:.2f} at the start")
