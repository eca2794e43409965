"""``warmup today``: the pre-run warmup, then the next session of the runner's programme.

Headless (``--plain``/``--json``) runs the two back to back; the programme session is
recorded in the training log with its programme and session key, so the programme moves
on (previews at ``--speed`` are logged but never count as done). ``--plain`` ends by
naming the after-run routine (``training.after_run``); ``--json`` keeps to its events.
"""

from __future__ import annotations

import argparse
import sys

from warmup_tui.cli.program_cmd import log_progress
from warmup_tui.common.terminal_text import shown
from warmup_tui.routines.library import Library
from warmup_tui.runs.fixes import fixes_after_sore_run
from warmup_tui.runs.today import TodayPlan, load_today


def _notice(message: str) -> None:
    print(f"warmup: {shown(message)}", file=sys.stderr)


def _on_a_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # stdin closed
        return False


def run_today(args: argparse.Namespace) -> int:
    with log_progress() as progress:
        plan, problems = load_today(progress, warmup=args.warmup, no_warmup=args.no_warmup)
    for problem in problems:
        _notice(str(problem))
    if plan.maintenance:
        _notice(f"{plan.programme.name} is complete; today repeats its last session")
    _say_rest_and_advice(plan)
    runs = fixes_after_sore_run(plan.runs())  # reads the log, before any screen
    if not (args.plain or args.json):
        from warmup_tui.cli.app_cmd import open_runs

        return open_runs(runs, args)
    from warmup_tui.cli.headless_runs import run_planned
    from warmup_tui.common.config import load_settings
    from warmup_tui.runs.after_run import offer_telling

    after_run = offer_telling(Library(), load_settings(create=False)[0].training, _notice)
    # Between the warmup and the run a runner puts their shoes on; only a person at a
    # terminal can say when. Piped or scripted, it never waits.
    wait = len(runs) > 1 and not args.no_wait and _on_a_terminal()
    code = run_planned(runs, args, wait_between=wait)
    if code == 0 and after_run is not None and args.plain:  # the run was completed
        print(shown(after_run.next_line()), flush=True)
    return code


def _say_rest_and_advice(plan: TodayPlan) -> None:
    """The rest-day word and advice still waiting for the runner's yes, as the app's Today
    says them; here only said (the run goes ahead: ``warmup program --accept-advice``
    follows the advice)."""
    from datetime import datetime

    from warmup_tui.common.config import load_settings
    from warmup_tui.runs.advice import advice_from_log

    if plan.rest is not None and plan.rest.kind == "done today":
        _notice("you ran today's session already: this is the next one, ahead of the plan")
    elif plan.rest is not None:
        _notice(plan.rest.message)
    now = datetime.now().astimezone()
    advice = advice_from_log(plan.position, load_settings(create=False)[0].coaching, now)
    if advice is not None and advice.waiting:
        _notice(f"advice from your check-ins: {advice.advice.reason} "
                "(warmup program --accept-advice follows it)")
