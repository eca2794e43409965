"""``warmup history``: recent sessions, this week against the goal, the streak, and
running minutes per week."""

from __future__ import annotations

import argparse
import json
import sys

from warmup_tui.cli.warn import warn
from warmup_tui.common.config import load_settings
from warmup_tui.common.terminal_text import shown
from warmup_tui.log.counting import RunRule
from warmup_tui.log.db import LogUnavailable
from warmup_tui.log.report import (
    chart_lines,
    history_json,
    load_history,
    session_line,
    summary_lines,
)
from warmup_tui.runs.programme_resume import programme_timeline
from warmup_tui.runs.resume import pid_alive, stop_points

EXIT_NO_LOG = 1
SHOWN_SESSIONS = 20


def show_history(args: argparse.Namespace) -> int:
    settings, problems = load_settings()
    for problem in problems:
        print(problem, file=sys.stderr)
    try:
        rule = RunRule(settings.training.min_run_minutes * 60)
        history = load_history(settings.training.weekly_goal, args.weeks, on_notice=warn,
                               rule=rule)
    except LogUnavailable as error:
        warn(str(error))
        return EXIT_NO_LOG
    stats, recent = history.stats, history.recent
    stop_point = stop_points(programme_timeline())
    if args.json:
        print(json.dumps(history_json(stats, recent, pid_alive, rule, stop_point,
                                      history.checkins), indent=2))
        return 0
    print("\n".join(summary_lines(stats)))
    trend = history.calf_trend()
    if trend is not None:
        print(f"Check-ins, last runs: {trend} (out of 10, during the run)")
    print("\nRunning time per week")
    print("\n".join(f"  {line}" for line in chart_lines(stats)))
    print("\nRecent sessions")
    if not recent:
        print("  none in these weeks; start one with: warmup run pre-run")
    for row in recent[:SHOWN_SESSIONS]:
        print(f"  {shown(session_line(row, pid_alive, settings.training.units, rule, stop_point))}")
    if len(recent) > SHOWN_SESSIONS:
        print(f"  ... and {len(recent) - SHOWN_SESSIONS} earlier (--json lists them all)")
    return 0
