"""Today's plan: the runner's warmup (``training.warmup``, pre-run unless they chose
another), then the next session of the runner's programme.

``warmup today`` runs it headless; the app's home screen runs the same plan on screen
through :meth:`TodayPlan.runs`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from warmup_tui.common.config import config_path, load_settings
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.user_file import names_a_file
from warmup_tui.common.value_text import quoted
from warmup_tui.engine.timeline import Segment
from warmup_tui.programme.files import known_programmes, resolve_programme
from warmup_tui.programme.model import Programme, ProgrammeSession, session_segments
from warmup_tui.programme.progress import Position, ProgressSource, locate, recent_enough
from warmup_tui.programme.state import ProgrammeState, load_state
from warmup_tui.routines.library import Entry, Library
from warmup_tui.runs.fixes import fixes_after_sore_run
from warmup_tui.runs.plan import PlannedRun, plan_with_chain, planned_run
from warmup_tui.runs.progress_source import log_progress
from warmup_tui.runs.rest_days import RestDay, rest_day

WARMUP_ROUTINE = "pre-run"
DEFAULT_PROGRAMME = "build-to-30"


@dataclass(frozen=True)
class ChosenProgramme:
    """The programme the runner follows, and why: ``--use`` (the state file) or the
    ``training.programme`` setting."""

    programme: Programme
    chosen_by: str
    state: ProgrammeState
    problems: list[Problem]


def choose_programme(state: ProgrammeState | None = None) -> ChosenProgramme:
    """Load the state file and settings and resolve the programme they name.

    Raises ProblemsError when the named programme cannot be loaded.
    """
    problems: list[Problem] = []
    if state is None:
        state, problems = load_state()
    if state.use:
        ref, chosen_by = state.use, "--use"
        how = "chosen with warmup program --use; pick another the same way"
    else:
        settings, _ = load_settings(create=False)
        ref, chosen_by = settings.training.programme or DEFAULT_PROGRAMME, "settings"
        if not names_a_file(ref) and ref not in known_programmes():
            problems.append(_unknown_setting(ref))
            ref = DEFAULT_PROGRAMME
        how = (f"named by training.programme in {display_path(config_path())}; change it "
               "there or pick another with warmup program --use NAME")
    try:
        programme = resolve_programme(ref)
    except ProblemsError as error:
        raise ProblemsError([*error.problems, Problem(ref, how)]) from None
    return ChosenProgramme(programme, chosen_by, state, problems)


def _unknown_setting(ref: str) -> Problem:
    """A name that is no programme (a typo, one since deleted) is not worth stopping the
    run for: the bundled programme is followed, and the settings file is named."""
    return Problem(display_path(config_path()), f"no programme named {quoted(ref)}; following "
                   f"{DEFAULT_PROGRAMME} instead", key="training.programme")


@dataclass(frozen=True)
class TodayPlan:
    """What today holds. ``maintenance`` is true once the programme is finished: the
    plan then repeats its last session, which is the habit the programme builds."""

    warmup: Entry | None  # None: straight to the run (--no-warmup)
    programme: Programme
    session: ProgrammeSession
    segments: list[Segment]
    position: Position
    maintenance: bool = False
    rest: RestDay | None = None  # ran today already, or two days in a row: advice only

    @property
    def label(self) -> str:
        """For "Warmup done. Next: ...": "week 2, session 3: run 2 min / walk 1 min x 10
        (40 min)"."""
        title = "keep it up" if self.maintenance else self.session.title
        return f"{title}: {self.session.describe()}"

    def session_run(self) -> PlannedRun:
        """The programme session, carrying what the log needs to advance the programme."""
        return PlannedRun(
            routine_id=self.programme.id,
            name=f"{self.programme.name}, {self.session.title}",
            segments=tuple(self.segments),
            programme_id=self.programme.id,
            programme_session=self.session.key,
            label=self.label,
        )

    def runs(self) -> list[PlannedRun]:
        """The warmup, then the programme session."""
        if self.warmup is None:
            return [self.session_run()]
        return [planned_run(self.warmup), self.session_run()]


def today_plan(library: Library, programme: Programme, progress: ProgressSource, *,
               state: ProgrammeState | None = None, now: datetime | None = None,
               warmup_id: str | None = WARMUP_ROUTINE) -> TodayPlan:
    """The warmup routine (none when ``warmup_id`` is None) and the next session; raises
    ProblemsError when the warmup routine cannot be loaded."""
    warmup = library.resolve(warmup_id) if warmup_id is not None else None
    if warmup is not None and warmup.routine is None:
        raise ProblemsError(warmup.problems)
    anchor = state.anchors.get(programme.id) if state is not None else None
    now = now or datetime.now().astimezone()
    completions = progress.completed_programme_sessions(programme.id,
                                                        all_since=recent_enough(now))
    position = locate(programme, completions, anchor, now)
    session = position.next
    maintenance = session is None
    if session is None:
        sessions = programme.sessions()
        if not sessions:
            raise ProblemsError([Problem(programme.id, "has no sessions")])
        session = sessions[-1]
    return TodayPlan(warmup, programme, session, session_segments(session), position,
                     maintenance, rest_day((when for _key, when in completions), now))


def load_today(progress: ProgressSource, *, library: Library | None = None,
               now: datetime | None = None, warmup: str | None = None,
               no_warmup: bool = False) -> tuple[TodayPlan, list[Problem]]:
    """Everything at once for a front end: state, settings, programme and plan. The warmup
    is ``warmup`` when given (``--warmup NAME``: this once), none with ``no_warmup``, else
    the ``training.warmup`` setting.

    Problems in the returned list are notices (the plan still works); ProblemsError means
    there is no plan (the programme or the warmup cannot be loaded).
    """
    library = library or Library()
    chosen = choose_programme()
    problems = list(chosen.problems)
    if no_warmup:
        warmup_id: str | None = None
    elif warmup is not None:
        warmup_id = warmup
    else:
        warmup_id = chosen_warmup(library, problems)
    plan = today_plan(library, chosen.programme, progress,
                      state=chosen.state, now=now, warmup_id=warmup_id)
    return plan, problems


def chosen_warmup(library: Library, problems: list[Problem] | None = None) -> str:
    """The ``training.warmup`` setting; one naming no routine is noted in ``problems`` and
    the bundled pre-run is used, as a mistyped programme is."""
    settings, _ = load_settings(create=False)
    ref = settings.training.warmup or WARMUP_ROUTINE
    if names_a_file(ref) or ref in library.ids():
        return ref
    if problems is not None:
        problems.append(Problem(display_path(config_path()), f"no routine named {quoted(ref)};"
                                f" warming up with {WARMUP_ROUTINE} instead",
                                key="training.warmup"))
    return WARMUP_ROUTINE


def next_programme_run(library: Library) -> PlannedRun:
    """The runner's next programme session, as ``then = "programme"`` chains into it (reads
    the log). Raises ProblemsError when the programme cannot be loaded."""
    with log_progress() as progress:
        plan, _ = load_today(progress, library=library, no_warmup=True)
    return plan.session_run()


def routine_and_chain(library: Library, entry: Entry) -> list[PlannedRun]:
    """A routine and what it chains into, a chain to the programme included."""
    return plan_with_chain(library, entry, lambda: next_programme_run(library))


def what_follows(library: Library, entry: Entry) -> list[PlannedRun]:
    """The runs ``entry`` chains into (not ``entry`` itself), with the fixes' cues after a
    sore run. Reads the routines, the programme and the log: a worker's call, made once
    the session of ``entry`` is on screen. Raises ProblemsError as routine_and_chain does."""
    # Fixed as one queue, so the flat-route word goes where it would with the first run.
    return fixes_after_sore_run(routine_and_chain(library, entry))[1:]
