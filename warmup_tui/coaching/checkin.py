"""A check-in: how the runner's calves felt during a run and the next morning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Effort = Literal["chat", "words", "none"]
"""The talk test during the run: could chat, a few words at a time, could not talk."""

EFFORTS: tuple[Effort, ...] = ("chat", "words", "none")
LOWEST, HIGHEST = 0, 10  # the pain scale: 0 no pain, 10 the worst imaginable


@dataclass(frozen=True)
class CheckIn:
    """One run's check-in. ``morning`` is None until the runner answers the morning
    question (or when they skip it)."""

    when: datetime  # when the run was, in local time
    calves: int  # calf pain during the run, 0-10
    morning: int | None = None  # calf pain or stiffness the next morning, 0-10
    effort: Effort | None = None
    hills: bool = False
    red_flag: bool = False  # pain that changed how they ran, swelling, or a sudden sharp pain
    note: str = ""
    session_id: int | None = None  # the run in the training log, when it is there

    def __post_init__(self) -> None:
        for name, score in (("calves", self.calves), ("morning", self.morning)):
            if score is not None and not LOWEST <= score <= HIGHEST:
                raise ValueError(f"{name} must be {LOWEST} to {HIGHEST}, got {score}")
        if self.effort is not None and self.effort not in EFFORTS:
            raise ValueError(f"effort must be one of {', '.join(EFFORTS)}, got {self.effort!r}")
