"""Rest days: Today's word when the runner has already done today's programme run, or ran
on each of the last two days. Advice only: Today never refuses to start a session."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

RestKind = Literal["done today", "two in a row"]


@dataclass(frozen=True)
class RestDay:
    kind: RestKind
    message: str

    @property
    def asks_first(self) -> bool:
        """Whether Today asks before starting (it starts the next run only when asked)."""
        return self.kind == "done today"


DONE_TODAY = RestDay("done today", "You ran today's session already; the next one waits "
                     "until you ask for it")
TWO_IN_A_ROW = RestDay("two in a row", "You ran on each of the last two days: a rest day "
                       "or an easy walk today helps your legs catch up")


def rest_day(completed_at: Iterable[datetime], now: datetime) -> RestDay | None:
    """From when the programme's sessions were completed, and ``now`` (local time)."""
    days = {moment.astimezone(now.tzinfo).date() for moment in completed_at}
    today = now.date()
    if today in days:
        return DONE_TODAY
    if today - timedelta(days=1) in days and today - timedelta(days=2) in days:
        return TWO_IN_A_ROW
    return None
