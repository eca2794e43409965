"""What the app loads after its first frame, on a worker thread: the routines and today's
session for the home screen, the log's cut-off session, and the sounds for a session asked
for on the command line (that session opens before them, its clock waiting for them)
and, on a worker of its own, what that session chains into. Each result goes back to
the event loop as a message (``ui/messages.py``); nothing here touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from warmup_tui.ui.messages import (
    ChainPlanned,
    HomeLoaded,
    MorningDue,
    SoundsLoaded,
    StartChecked,
)

if TYPE_CHECKING:
    from warmup_tui.runs.plan import PlannedRun
    from warmup_tui.ui.app import WarmupApp

GROUP = "start-up"


def load(app: WarmupApp, *, check_resume: bool, sessions_waiting: bool) -> None:
    """The whole start-up, in the order the user needs it: a session asked for on the
    command line first (its resume check, then its sounds), otherwise the home screen.
    Under a session home is read only when it is first shown (screens/home.py): a session
    from the shell ends the app instead, and today's modules would stay loaded for nothing
    (about 2 MB of a session's memory)."""
    if sessions_waiting:
        _check(app)
        app.post_message(SoundsLoaded(app.make_services()))
        return
    _load_home(app)
    if check_resume:
        _check(app)
        _ask_morning(app)


def _load_home(app: WarmupApp) -> None:
    # Imported here, on the worker thread: today brings the programme and the log.
    from warmup_tui.ui import today

    entries = app.library.entries()
    # The start is where a damaged log is found and kept aside: say so, once.
    line = today.line(app.library, app.settings.coaching, app.warn_from_anywhere)
    app.post_message(HomeLoaded(entries, line.label, line.advice))


def _check(app: WarmupApp) -> None:
    app.post_message(StartChecked(app.cut_off_offer()))


def _ask_morning(app: WarmupApp) -> None:
    from warmup_tui.runs.morning import morning_due

    question = morning_due(app.now_factory())
    if question is not None:
        app.post_message(MorningDue(question))


def plan_chain(app: WarmupApp, chain: Callable[[], list[PlannedRun]]) -> None:
    """What the session asked for chains into (a worker of its own, beside the sounds)."""
    from warmup_tui.common.problems import ProblemsError

    try:
        runs = chain()
    except ProblemsError as error:
        app.post_message(ChainPlanned([], [str(problem) for problem in error.problems]))
        return
    app.post_message(ChainPlanned(runs, []))
