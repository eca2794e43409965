"""``warmup program``: the weeks of the runner's programme, the next session, the progress;
``--use``, ``--repeat-week`` and ``--skip-to`` change where it goes next."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from warmup_tui.coaching.cadence import RAISE_PERCENT, CadenceSuggestion
from warmup_tui.common.config import config_path, load_settings
from warmup_tui.common.counting import count_of
from warmup_tui.common.problems import display_path
from warmup_tui.common.terminal_text import shown
from warmup_tui.programme.model import ProgrammeSession, Week
from warmup_tui.programme.progress import Position, ProgressSource
from warmup_tui.programme.state import load_state
from warmup_tui.runs.advice import (
    CHANGES_PLAN,
    PlanAdvice,
    advice_from_log,
    advice_json,
    anchor_for,
    cadence_from_log,
)
from warmup_tui.runs.programme_moves import (
    PlanPlace,
    follow_anchor,
    go_to_week,
    repeat_this_week,
    use_programme,
    where_in_plan,
)
from warmup_tui.runs.progress_source import log_progress as _log_progress


def log_progress() -> AbstractContextManager[ProgressSource]:
    """The training log as a progress source, its notices on stderr (the shared
    :func:`warmup_tui.runs.progress_source.log_progress`)."""
    return _log_progress(on_notice=_notice)


def _notice(message: str) -> None:
    print(f"warmup: {shown(message)}", file=sys.stderr)


def show_programme(args: argparse.Namespace) -> int:
    now = datetime.now().astimezone()
    state, problems = load_state()
    for problem in problems:
        _notice(str(problem))
    if args.use:
        state = use_programme(state, args.use)
    # The log's notices wait for the save: when it fails, its one line is all there is to
    # say, as no programme is shown "without your progress".
    notices: list[str] = []
    place = where_in_plan(state, now=now, on_notice=_notice, log_notice=notices.append)
    settings = load_settings()[0]
    coaching = settings.coaching
    advice = advice_from_log(place.position, coaching, now)
    moved = _moved(args, place, advice, now)
    if moved is not None:
        place = moved
        advice = advice_from_log(place.position, coaching, now)
    for notice in notices:
        _notice(notice)
    chosen_by = place.chosen.chosen_by
    cadence = cadence_from_log(now)
    if args.json:
        shown_json = programme_json(place.position, chosen_by)
        shown_json["advice"] = None if advice is None else {
            **advice_json(advice.advice), "followed": advice.followed}
        shown_json["cadence"] = cadence_json(cadence, settings.training.cadence)
        print(json.dumps(shown_json, indent=2))
    else:
        lines = (programme_lines(place.position, chosen_by) + advice_lines(advice)
                 + cadence_lines(cadence, settings.training.cadence))
        print("\n".join(shown(line) for line in lines))
    return 0


def _moved(args: argparse.Namespace, place: PlanPlace, advice: PlanAdvice | None,
           now: datetime) -> PlanPlace | None:
    """Where the options move the plan to (saved): a week repeated, gone to, or the advice
    followed (only when it moves the plan and is not followed yet); None: not moved."""
    if args.repeat_week:
        return repeat_this_week(place, now)
    if args.skip_to is not None:
        return go_to_week(place, args.skip_to, now)
    if getattr(args, "accept_advice", False):
        if advice is None or not advice.waiting:
            _notice("no advice to follow: the plan stays as it is")
            return None
        anchor = anchor_for(advice.advice, place.position, now)
        return None if anchor is None else follow_anchor(place, anchor, now)
    return None


def advice_lines(advice: PlanAdvice | None) -> list[str]:
    """The advice in one line, when check-ins give any, and how to follow it."""
    if advice is None or not advice.advice.based_on:
        return []
    line = f"Advice: {advice.advice.reason}"
    if advice.followed and advice.advice.action in CHANGES_PLAN:
        return [line, "        (followed: the plan was moved after that run)"]
    if advice.waiting:
        return [line, "        warmup program --accept-advice follows it."]
    return [line]


def cadence_lines(cadence: CadenceSuggestion | None, setting: int) -> list[str]:
    """The runner's own cadence and 5 % more, for the metronome: shown, never set."""
    if cadence is None:
        return []
    runs = "your last run" if cadence.runs == 1 else f"your last {cadence.runs} runs"
    line = (f"Cadence: about {cadence.own} steps a minute in {runs}; try {cadence.suggested}"
            f" with the metronome ({RAISE_PERCENT} % quicker steps).")
    if setting == cadence.suggested:
        return [line, "         Your metronome is set to it already."]
    return [line, f"         To follow it: cadence = {cadence.suggested} under [training] in "
                  f"{display_path(config_path())} (now {setting})."]


def cadence_json(cadence: CadenceSuggestion | None, setting: int) -> dict[str, Any] | None:
    if cadence is None:
        return None
    return {"own": cadence.own, "suggested": cadence.suggested, "runs": cadence.runs,
            "setting": setting}


# ----- text ------------------------------------------------------------------------------


def programme_lines(position: Position, chosen_by: str) -> list[str]:
    programme = position.programme
    where = f"file {programme.path}" if programme.source == "file" else programme.source
    lines = [f"{programme.name} ({programme.id}, {where}; chosen by {_chosen(chosen_by)})"]
    if programme.description:
        lines.append(programme.description)
    lines.append("")
    for week in programme.weeks:
        lines.append(_week_line(week, position))
    lines.append("")
    anchor = position.anchor
    if anchor is not None:
        what = {"repeat": "Repeating", "back": "Back to"}.get(anchor.reason, "Skipped ahead to")
        session = programme.session(anchor.session)
        number = session.week if session else "?"
        lines.append(f"{what} week {number} (since {anchor.set_at:%Y-%m-%d %H:%M}).")
    if position.next is None:
        lines.append("Programme complete: keep running 30 minutes easy, "
                     f"{programme.sessions_per_week} times a week.")
    else:
        lines.append(f"Next: {position.next.title}: {position.next.describe()}")
        note = programme.weeks[position.next.week - 1].note
        if note:
            lines.append(f"      {note}")
    # "programme sessions": warmup history counts every run towards its goal, this only
    # the sessions of this programme; both count a session in the week it was completed.
    lines.append(f"Progress: {count_of(len(position.done), position.total, 'session')} done; "
                 f"{count_of(position.this_week, programme.sessions_per_week, 'programme session')}"
                 " this week (from Monday).")
    return lines


def _chosen(chosen_by: str) -> str:
    return "warmup program --use" if chosen_by == "--use" else "the training.programme setting"


def _week_line(week: Week, position: Position) -> str:
    marks = "".join(_mark(session, position) for session in week.sessions)
    here = ">" if position.next is not None and position.next.week == week.number else " "
    return f"{here} Week {week.number:<2} [{marks}]  {week.summary()}"


def _mark(session: ProgrammeSession, position: Position) -> str:
    if position.next is not None and session.key == position.next.key:
        return ">"
    return "x" if session.key in position.done else "."


# ----- JSON ------------------------------------------------------------------------------


def programme_json(position: Position, chosen_by: str) -> dict[str, Any]:
    programme = position.programme
    anchor = position.anchor
    return {
        "id": programme.id,
        "name": programme.name,
        "description": programme.description,
        "source": programme.source,
        "path": str(programme.path) if programme.path else None,
        "chosen_by": chosen_by,
        "sessions_per_week": programme.sessions_per_week,
        "weeks": [{"week": week.number, "note": week.note,
                   "sessions": [session_json(s, position) for s in week.sessions]}
                  for week in programme.weeks],
        "next": session_json(position.next, position) if position.next else None,
        "finished": position.finished,
        "progress": {"done": len(position.done), "total": position.total,
                     "this_week": position.this_week,
                     "sessions_per_week": programme.sessions_per_week},
        "anchor": None if anchor is None else {
            "session": anchor.session, "set_at": anchor.set_at.isoformat(),
            "reason": anchor.reason},
    }


def session_json(session: ProgrammeSession, position: Position) -> dict[str, Any]:
    return {
        "key": session.key,
        "week": session.week,
        "session": session.number,
        "summary": session.summary(),
        "description": session.describe(),
        "total_seconds": session.total_seconds(),
        "running_seconds": session.running_seconds(),
        "longest_run_seconds": session.longest_run(),
        "intervals": [[part.kind, part.seconds] for part in session.pattern()],
        "warmup_seconds": session.warmup,
        "cooldown_seconds": session.cooldown,
        "done": session.key in position.done,
    }
