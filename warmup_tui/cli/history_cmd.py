"""``warmup history``: recent sessions, this week against the goal, the streak, and
running minutes per week."""

from __future__ import annotations

import argparse
import sys

from warmup_tui.cli.warn import warn
from warmup_tui.common.config import load_settings
from warmup_tui.common.terminal_text import shown
from warmup_tui.log.checkins import sessions_with_checkins
from warmup_tui.log.counting import RunRule
from warmup_tui.log.db import LogUnavailable
from warmup_tui.log.history_json import write_history_json
from warmup_tui.log.report import (
    History,
    StopPoint,
    chart_lines,
    load_history,
    session_line,
    summary_lines,
)
from warmup_tui.log.store import TrainingLog
from warmup_tui.runs.programme_resume import programme_timeline
from warmup_tui.runs.resume import pid_alive, stop_points

EXIT_NO_LOG = 1
SHOWN_SESSIONS = 20


def show_history(args: argparse.Namespace) -> int:
    settings, problems = load_settings()
    for problem in problems:
        print(problem, file=sys.stderr)
    rule = RunRule(settings.training.min_run_minutes * 60)
    stop_point = stop_points(programme_timeline())
    try:
        with TrainingLog.open(on_notice=warn) as log, log.reading():
            history = load_history(settings.training.weekly_goal, args.weeks, log=log,
                                   rule=rule, newest=SHOWN_SESSIONS)
            if args.json:  # every session of the weeks, streamed from the open log
                write_history_json(sys.stdout, history,
                                   sessions_with_checkins(log, history.since), pid_alive,
                                   stop_point)
                return 0
    except LogUnavailable as error:
        warn(str(error))
        return EXIT_NO_LOG
    _print_history(history, settings.training.units, stop_point)
    return 0


def _print_history(history: History, units: str, stop_point: StopPoint) -> None:
    stats, recent = history.stats, history.recent
    print("\n".join(summary_lines(stats)))
    trend = history.calf_trend()
    if trend is not None:
        print(f"Check-ins, last runs: {trend} (out of 10, during the run)")
    print("\nRunning time per week")
    print("\n".join(f"  {line}" for line in chart_lines(stats)))
    print("\nRecent sessions")
    if not recent:
        print("  none in these weeks; start one with: warmup run pre-run")
    for row in recent:
        print(f"  {shown(session_line(row, pid_alive, units, history.rule, stop_point))}")
    if history.total > len(recent):
        print(f"  ... and {history.total - len(recent)} earlier (--json lists them all)")
