"""Messages the app's start-up workers send back to the event loop (see ``ui/start_up.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # routines, log and sounds load after the first frame, on the worker
    from warmup_tui.coaching.rules import Advice
    from warmup_tui.routines.library import Entry
    from warmup_tui.runs.advice import PlanAdvice
    from warmup_tui.runs.morning import MorningQuestion
    from warmup_tui.runs.plan import PlannedRun
    from warmup_tui.runs.rest_days import RestDay
    from warmup_tui.runs.resume import ResumeOffer
    from warmup_tui.runs.sinks import SessionSinks


@dataclass
class HomeLoaded(Message):
    """Every routine, read from disk, and the label of today's session (None: no plan),
    with the check-ins' advice for the plan (None: none)."""

    entries: list[Entry]
    today_label: str | None
    advice: Advice | None = None


@dataclass
class StartChecked(Message):
    """The log was checked for a cut-off session to offer (None: nothing to offer)."""

    offer: ResumeOffer | None


@dataclass
class SoundsLoaded(Message):
    """The sounds and the voice for the sessions asked for on the command line, loaded
    while their first session shows its get-ready."""

    services: SessionSinks


@dataclass
class TodayRead(Message):
    """Today's session read again after a session, once its log writes were made (None:
    no plan), and the check-ins' advice, which a check-in or the morning's answer changes."""

    today_label: str | None
    advice: Advice | None = None


@dataclass
class CheckInSaved(Message):
    """A check-in reached the log (after a run, or the morning's answer): the advice on
    home's Today line may have changed."""


@dataclass
class TodayPlanned(Message):
    """The runs of today's warmup and session, read once the log's writes were made, and
    advice from the check-ins that would change them (asked about before they start), and
    the rest-day word for today (None: nothing to say)."""

    runs: list[PlannedRun]
    advice: PlanAdvice | None = None
    rest: RestDay | None = None


@dataclass
class RoutinePlanned(Message):
    """A routine chosen on home, with what it chains into, read on a worker."""

    runs: list[PlannedRun]


@dataclass
class MorningDue(Message):
    """The last run was on an earlier day and its morning question was never put."""

    question: MorningQuestion


@dataclass
class ChainPlanned(Message):
    """What the session asked for on the command line chains into, planned on a worker
    while its get-ready shows; ``problems``: why nothing could be planned (it runs alone)."""

    runs: list[PlannedRun]
    problems: list[str]
