"""What a runner says in one check-in, given in parts (after the run, the next morning):
the fields not given are left as they are in the log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FIELDS = ("calves", "morning", "effort", "hills", "red_flag", "note")


@dataclass(frozen=True)
class Answers:
    """What the runner said this time; None leaves the stored value as it is."""

    calves: int | None = None
    morning: int | None = None
    effort: str | None = None
    hills: bool | None = None
    red_flag: bool | None = None
    note: str | None = None

    def given(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in FIELDS
                if getattr(self, name) is not None}
