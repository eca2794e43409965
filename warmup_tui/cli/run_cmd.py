"""``warmup run``: a guided session, on screen or headless (``--plain`` / ``--json``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from warmup_tui.routines.library import Library
from warmup_tui.runs.plan import planned_run

if TYPE_CHECKING:  # a session's line is read without argparse (see session_line)
    from warmup_tui.cli.command import Options


def run_routine(args: Options) -> int:
    library = Library()
    entry = library.resolve(args.routine)
    if args.plain or args.json:
        from warmup_tui.cli.headless_runs import run_planned
        from warmup_tui.runs.fixes import fixes_after_sore_run
        from warmup_tui.runs.today import routine_and_chain

        runs = routine_and_chain(library, entry) if args.chain else [planned_run(entry)]
        return run_planned(fixes_after_sore_run(runs), args)
    from warmup_tui.cli.app_cmd import open_session

    return open_session(entry, args)
