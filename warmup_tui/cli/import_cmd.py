"""``warmup import FILE...``: finished runs from a watch's FIT, TCX or GPX files into the
training log, each file all or nothing, with one line per file saying what happened."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warmup_tui.cli.warn import warn
from warmup_tui.common.config import load_settings
from warmup_tui.common.problems import display_path
from warmup_tui.common.terminal_text import shown
from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.runs.outside_runs import Refused, import_file, run_summary

EXIT_NO_LOG = 1
EXIT_REFUSED = 2


def import_activities(args: argparse.Namespace) -> int:
    settings, problems = load_settings()
    for problem in problems:
        print(problem, file=sys.stderr)
    units = settings.training.units
    refused = 0
    try:
        with TrainingLog.open(on_notice=warn) as log:
            for name in args.files:
                refused += not _import_one(log, Path(name), args, units)
    except LogUnavailable as error:
        warn(f"{error}; nothing more was imported")
        return EXIT_NO_LOG
    return EXIT_REFUSED if refused else 0


def _import_one(log: TrainingLog, path: Path, args: argparse.Namespace, units: str) -> bool:
    """One file in, or a line saying why not; whether it went in (or was in already)."""
    where = display_path(path)
    try:
        saved = import_file(log, path, as_run=args.as_run == "run", programme=args.programme)
    except Refused as error:
        warn(f"{where}: {error}; nothing imported")
        return False
    if saved.already:
        print(shown(f"{where}: already in the log (session {saved.session_id}); nothing changed"))
    else:
        print(shown(f"{where}: imported a run: {run_summary(saved.run, units)}"))
    return True
