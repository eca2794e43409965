"""``warmup checkin``: how the calves felt on the last run (or ``--session ID``), into the
log beside it. Options say it at once; with none, on a terminal, it asks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from warmup_tui.coaching.answers import Answers
from warmup_tui.coaching.checkin import EFFORTS
from warmup_tui.common.terminal_text import shown
from warmup_tui.log import LogUnavailable, TrainingLog
from warmup_tui.log.checkins import latest_run_id, save_answers

EXIT_NO_LOG = 1
EXIT_REFUSED = 2
SEE_SOMEONE = ("Stop running and see a doctor or physiotherapist: pain that changes how you "
               "run, swelling or a sudden sharp pain needs a look. This app cannot tell what "
               "it is.")
EFFORT_WORDS = {"chat": "could chat", "words": "a few words", "none": "could not talk"}
_EFFORT_KEYS = {"c": "chat", "w": "words", "n": "none"}
T = TypeVar("T")


class Refused(Exception):
    """A value out of range or of the wrong kind: one line, nothing saved."""


def _warn(message: str) -> None:
    print(f"warmup: {shown(message)}", file=sys.stderr)


def score(text: str, name: str) -> int:
    if not text.isascii() or not text.isdigit() or not 0 <= int(text) <= 10:
        raise Refused(f"{name}: expected a whole number from 0 to 10, got {text!r}")
    return int(text)


def effort(text: str, name: str = "--effort") -> str:
    if text not in EFFORTS:
        raise Refused(f"{name}: expected chat, words or none, got {text!r}")
    return text


def answers_from(args: argparse.Namespace) -> Answers:
    return Answers(
        calves=None if args.calves is None else score(args.calves, "--calves"),
        morning=None if args.morning is None else score(args.morning, "--morning"),
        effort=None if args.effort is None else effort(args.effort),
        hills=True if args.hills else None, red_flag=True if args.red_flag else None,
        note=args.note)


def check_in(args: argparse.Namespace) -> int:
    try:
        answers = answers_from(args)
        session = None if args.session is None else _session_id(args.session)
    except Refused as error:
        _warn(f"{error}; nothing saved")
        return EXIT_REFUSED
    if not answers.given():
        if not sys.stdin.isatty():
            _warn("nothing to check in: give --calves N, --morning N, --effort, --hills, "
                  "--red-flag or --note")
            return EXIT_REFUSED
        answers = ask(input)
    try:
        with TrainingLog.open(on_notice=_warn) as log:
            return _save(log, session, answers)
    except LogUnavailable as error:
        _warn(f"{error}; nothing saved")
        return EXIT_NO_LOG


def _session_id(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise Refused(f"--session: expected a session id (digits), got {text!r}")
    return int(text)


def _save(log: TrainingLog, session: int | None, answers: Answers) -> int:
    session = session if session is not None else latest_run_id(log)
    row = None if session is None else log.session(session)
    if row is None:
        _warn("no such session in the log; nothing saved" if session is not None
              else "no run in the log to check in for yet; nothing saved")
        return EXIT_REFUSED
    if answers.given():
        save_answers(log, row.id, answers)
    day = datetime.fromtimestamp(row.started_at).astimezone()
    print(shown(f"checked in for {row.routine_name} on {day:%a %d %b} "
                f"(session {row.id}): {said(answers)}"))
    if answers.red_flag:
        print(SEE_SOMEONE)
    return 0


def said(answers: Answers) -> str:
    """The answers in a few words: "calves 6/10, a few words, hilly"."""
    parts = []
    if answers.calves is not None:
        parts.append(f"calves {answers.calves}/10")
    if answers.morning is not None:
        parts.append(f"{answers.morning}/10 the next morning")
    if answers.effort is not None:
        parts.append(EFFORT_WORDS[answers.effort])
    if answers.hills:
        parts.append("hilly")
    if answers.red_flag:
        parts.append("pain that needs a look")
    if answers.note:
        parts.append(f"note {answers.note!r}")
    return ", ".join(parts) or "nothing given"


def ask(read: Callable[[str], str]) -> Answers:
    """The questions one line each; Enter skips one, end of input skips the rest."""
    try:
        calves = _ask_until(read, "Calves during the run, 0-10: ", lambda t: score(t, "calves"))
        morning = _ask_until(read, "Calves the next morning, 0-10: ",
                             lambda t: score(t, "morning"))
        talk = _ask_until(read, "Talk test: (c)ould chat, a few (w)ords, (n)o talking: ",
                          lambda t: effort(_EFFORT_KEYS.get(t, t), "talk test"))
        hills = _yes(read("Hilly route? (y/N) "))
        red_flag = _yes(read("Pain that changed how you ran, swelling, or a sudden sharp "
                             "pain? (y/N) "))
        note = read("Note: ").strip() or None
    except EOFError:
        return Answers()
    return Answers(calves=calves, morning=morning, effort=talk, hills=hills or None,
                   red_flag=red_flag or None, note=note)


def _ask_until(read: Callable[[str], str], question: str,
               parse: Callable[[str], T]) -> T | None:
    while True:
        text = read(question).strip().lower()
        if not text:
            return None
        try:
            return parse(text)
        except Refused as error:
            print(f"{error}; try again, or Enter to skip", file=sys.stderr)


def _yes(text: str) -> bool:
    return text.strip().lower() in ("y", "yes")
