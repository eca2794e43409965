"""The routine offered when a run ends: ``training.after_run``, the bundled after-run calf
care unless the runner named another; an empty setting offers none.

The app's summary offers it on a key, after a session that was completed and had running
in it (a warmup or the after-run routine itself has none); headless ``warmup today
--plain`` ends by naming it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from warmup_tui.common.config import TrainingSettings, config_path
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.user_file import names_a_file
from warmup_tui.common.value_text import quoted
from warmup_tui.routines.library import Library
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.today import routine_and_chain


@dataclass(frozen=True)
class AfterRunOffer:
    """The after-run routine, ready to run: ``runs`` is it and what it chains into."""

    ref: str  # as the settings name it, which is what `warmup run` takes
    runs: tuple[PlannedRun, ...]

    @property
    def name(self) -> str:
        return self.runs[0].name

    @property
    def minutes(self) -> int:
        return max(1, round(self.runs[0].total_seconds / 60))

    def label(self) -> str:
        """'After-run calf care (after-run, 3 min)'."""
        return f"{self.name} ({self.ref}, {self.minutes} min)"

    def next_line(self) -> str:
        """The last line of a headless run: 'Next: After-run calf care (3 min) — warmup run
        after-run'."""
        return f"Next: {self.name} ({self.minutes} min) — warmup run {self.ref}"


def after_run_offer(library: Library, training: TrainingSettings
                    ) -> tuple[AfterRunOffer | None, list[Problem]]:
    """The offer (None: turned off, or the routine cannot be run) and what is wrong with
    the setting, if anything. Reads the routine's file: call it from a worker."""
    ref = training.after_run.strip()
    if not ref:
        return None, []
    if not names_a_file(ref) and ref not in library.ids():
        return None, [Problem(display_path(config_path()), f"no routine named {quoted(ref)}; "
                              "nothing is offered after a run", key="training.after_run")]
    try:
        runs = routine_and_chain(library, library.resolve(ref))
    except ProblemsError as error:
        return None, error.problems
    return AfterRunOffer(ref, tuple(runs)), []


def offer_telling(library: Library, training: TrainingSettings,
                  tell: Callable[[str], None]) -> AfterRunOffer | None:
    """:func:`after_run_offer`, each problem told in one line."""
    offer, problems = after_run_offer(library, training)
    for problem in problems:
        tell(str(problem))
    return offer
