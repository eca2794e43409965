"""Runs the checks side by side, each under its own time limit.

A check that does not finish in time is left running on a daemon thread (it holds nothing
the doctor needs, and the process exits without waiting for it) and reported as timed out.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from warmup_tui.runs.doctor.findings import Finding, failed, timed_out


@dataclass(frozen=True)
class Check:
    area: str
    what: str  # for the user: "the sound output", "the training log"
    run: Callable[[], Finding]
    limit: float  # seconds


def run_all(checks: Sequence[Check]) -> list[Finding]:
    """Every check's finding, in the order given, none later than its limit."""
    results: dict[str, Finding] = {}
    threads = []
    for check in checks:
        thread = threading.Thread(target=_run_one, args=(check, results), daemon=True,
                                  name=f"doctor-{check.area}")
        thread.start()
        threads.append((check, thread, time.monotonic() + check.limit))
    findings = []
    for check, thread, deadline in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
        found = results.get(check.area)
        findings.append(found if found is not None
                        else timed_out(check.area, check.limit, check.what))
    return findings


def _run_one(check: Check, results: dict[str, Finding]) -> None:
    try:
        results[check.area] = check.run()
    except Exception as error:  # a check must never take the doctor down
        results[check.area] = failed(check.area, check.what, error)
