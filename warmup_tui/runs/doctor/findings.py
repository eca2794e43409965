"""What one check found: plain lines for people, and the same as data for ``--json``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    """``area`` is the check's key in ``--json`` ("audio", "voice", ...); ``ok`` is False
    when something needs the user's attention, and then ``lines`` say what to do."""

    area: str
    ok: bool
    lines: tuple[str, ...]
    data: dict[str, Any] = field(default_factory=dict)


def timed_out(area: str, seconds: float, what: str) -> Finding:
    """The finding of a check that did not answer in time."""
    return Finding(area, False,
                   (f"checking {what} took longer than {seconds:g} s, so it was left; "
                    "something is holding it (see the other lines)",),
                   {"status": "timed out", "limit_seconds": seconds})


def failed(area: str, what: str, error: BaseException) -> Finding:
    """The finding of a check that failed in a way nobody expected."""
    return Finding(area, False, (f"checking {what} failed: {error}",),
                   {"status": "check failed", "error": str(error)})
