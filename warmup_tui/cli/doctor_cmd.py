"""``warmup doctor``: what works, and what to do about what does not."""

from __future__ import annotations

import argparse
import json

from warmup_tui.common.terminal_text import shown
from warmup_tui.runs.doctor.report import as_json, diagnose

TITLES = {"audio": "Sound", "voice": "Voice", "config": "Settings", "log": "Training log",
          "terminal": "Terminal", "versions": "Versions"}


def run_doctor(args: argparse.Namespace) -> int:
    """Always exits 0: a machine without sound is a finding, not a failure."""
    findings = diagnose(play=args.play)
    if args.json:
        print(json.dumps(as_json(findings), indent=2))
        return 0
    for finding in findings:
        mark = "ok " if finding.ok else "!! "
        title = TITLES.get(finding.area, finding.area)
        first, *rest = finding.lines or ("",)
        print(f"{mark}{title}: {shown(first)}")
        for line in rest:
            print(f"   {shown(line)}")
    problems = sum(1 for finding in findings if not finding.ok)
    if problems:
        print(f"\n{problems} thing{'s' if problems > 1 else ''} to look at (marked !!)")
    else:
        print("\neverything looks fine")
    return 0
