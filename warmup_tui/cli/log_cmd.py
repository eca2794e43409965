"""``warmup log --minutes 30``: a run done without the app or a file, into the log."""

from __future__ import annotations

import argparse
import sys

from warmup_tui.cli.warn import warn
from warmup_tui.common.config import load_settings
from warmup_tui.common.terminal_text import shown
from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.runs.outside_runs import Refused, run_summary, save_run
from warmup_tui.runs.run_entry import EntryError, run_entry

EXIT_NO_LOG = 1
EXIT_REFUSED = 2


def log_run(args: argparse.Namespace) -> int:
    settings, problems = load_settings()
    for problem in problems:
        print(problem, file=sys.stderr)
    try:
        run = run_entry(args.minutes, day=args.date or "", start=args.time or "",
                        distance=args.distance or "", note=args.note or "")
    except EntryError as error:
        warn(f"--{error.field}: {error}; nothing logged")
        return EXIT_REFUSED
    try:
        with TrainingLog.open(on_notice=warn) as log:
            saved = save_run(log, run, programme=args.programme)
    except Refused as error:
        warn(f"{error}; nothing logged")
        return EXIT_REFUSED
    except LogUnavailable as error:
        warn(f"{error}; nothing logged")
        return EXIT_NO_LOG
    print(shown(f"logged a run: {run_summary(saved.run, settings.training.units)}"))
    return 0
