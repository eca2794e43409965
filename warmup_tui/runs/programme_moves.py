"""Where the runner is in their programme, and the moves that change where it goes next:
repeat this week, go to week N, follow another programme. ``warmup program`` and the app's
programme screen both use these. They read the log and write the state file: call them
from a worker in the app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from warmup_tui.programme.files import resolve_programme
from warmup_tui.programme.progress import Anchor, Completion, Position, locate, recent_enough
from warmup_tui.programme.progress import repeat_week as repeat_anchor
from warmup_tui.programme.progress import skip_to as week_anchor
from warmup_tui.programme.state import ProgrammeState, load_state, save_state
from warmup_tui.runs.progress_source import log_progress
from warmup_tui.runs.today import ChosenProgramme, choose_programme

Notice = Callable[[str], None]


@dataclass(frozen=True)
class PlanPlace:
    """The programme followed, why, the runner's completions in it, and where they are."""

    chosen: ChosenProgramme
    completions: list[Completion]
    position: Position

    @property
    def state(self) -> ProgrammeState:
        return self.chosen.state


def where_in_plan(state: ProgrammeState | None = None, *, now: datetime,
                  on_notice: Notice | None = None,
                  log_notice: Notice | None = None) -> PlanPlace:
    """Reads the state file (unless given), the programme and the log. Raises ProblemsError
    when the programme cannot be loaded; ``on_notice`` hears the state's and the setting's
    problems, ``log_notice`` (else ``on_notice``) the log's."""
    if state is None:
        state, problems = load_state()
        for problem in problems:
            _tell(on_notice, str(problem))
    chosen = choose_programme(state)
    for problem in chosen.problems:  # a setting naming no programme: said, then followed
        _tell(on_notice, str(problem))
    programme = chosen.programme
    with log_progress(on_notice=log_notice or on_notice) as progress:
        completions = list(progress.completed_programme_sessions(
            programme.id, all_since=recent_enough(now)))
    position = locate(programme, completions, chosen.state.anchors.get(programme.id), now)
    return PlanPlace(chosen, completions, position)


def repeat_this_week(place: PlanPlace, now: datetime) -> PlanPlace:
    """Start the week last worked on again, from its first session (saved)."""
    return _anchored(place, repeat_anchor(place.position, now), now)


def go_to_week(place: PlanPlace, week: int, now: datetime) -> PlanPlace:
    """Carry on from session 1 of ``week`` (saved); ProblemsError when there is no such
    week."""
    return _anchored(place, week_anchor(place.position.programme, week, now, place.position),
                     now)


def follow_anchor(place: PlanPlace, anchor: Anchor, now: datetime) -> PlanPlace:
    """Carry on from ``anchor`` (saved): the move the check-ins' advice asks for."""
    return _anchored(place, anchor, now)


def use_programme(state: ProgrammeState, ref: str) -> ProgrammeState:
    """Follow the programme ``ref`` names from now on (saved); ProblemsError when it does not
    load, so a choice that does not load is never saved."""
    programme = resolve_programme(ref)
    # A path is kept absolute so the choice holds from any folder.
    keep = programme.id if programme.path is None or programme.source != "file" \
        else str(programme.path.resolve())
    state = state.with_use(keep)
    save_state(state)
    return state


def _anchored(place: PlanPlace, anchor: Anchor, now: datetime) -> PlanPlace:
    programme = place.position.programme
    state = place.state.with_anchor(programme.id, anchor)
    save_state(state)
    chosen = ChosenProgramme(programme, place.chosen.chosen_by, state, place.chosen.problems)
    return PlanPlace(chosen, place.completions, locate(programme, place.completions, anchor,
                                                       now))


def _tell(on_notice: Notice | None, message: str) -> None:
    if on_notice is not None:
        on_notice(message)
