"""The offer to resume a session that was cut off last time: found on start-up's worker,
asked over whatever screen is up.

Apart from ui/today.py on purpose: a session started from the shell asks this, and
today's modules (the coaching rules, the programme's advice) would load with it for
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from warmup_tui.routines.library import Library
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.programme_resume import programme_timeline
from warmup_tui.runs.resume import (
    ResumeOffer,
    ResumePlan,
    ResumeRefused,
    accept,
    decline,
    pending_resume,
)

if TYPE_CHECKING:
    from warmup_tui.ui.app import WarmupApp


def resume_offer(library: Library) -> ResumeOffer | None:
    """The cut-off session to offer, if any (reads the log: call it from a worker)."""
    return pending_resume(timeline_for=programme_timeline(library))


def ask_to_resume(app: WarmupApp, offer: ResumeOffer | None,
                  answered: Callable[[PlannedRun | None], None]) -> None:
    """Ask about a session that was cut off last time; ``answered`` hears the run that
    carries on where it stopped, or None (no, or nothing to offer). The answer is written
    to the log on a worker, as SQLite can wait on a busy file."""
    if offer is None:
        answered(None)
        return
    from warmup_tui.ui.screens.confirm import ConfirmScreen

    def settle(yes: bool | None) -> None:  # a worker's call: the answer is written to the log
        try:
            resumed = accept(offer) if yes else None
        except ResumeRefused as refused:  # offered again next time: the log still has it
            app.call_from_thread(refused_now, str(refused))
            return
        if not yes:
            decline(offer)
        app.call_from_thread(settled, yes, resumed)

    def refused_now(reason: str) -> None:
        app.notify(f"That session cannot be resumed now: {reason}", severity="warning",
                   timeout=8)
        answered(None)

    def settled(yes: bool | None, resumed: ResumePlan | None) -> None:
        if yes and resumed is None:
            app.notify("That session was already picked up elsewhere", timeout=5)
        answered(resumed.planned_run() if resumed is not None else None)

    def on_answer(yes: bool | None) -> None:
        app.run_worker(lambda: settle(yes), thread=True, group="resume-answer")

    app.push_screen(ConfirmScreen(offer.question, "No records it as stopped.",
                                  yes="Resume", no="No"), on_answer)
