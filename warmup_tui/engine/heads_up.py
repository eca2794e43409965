"""Early word of what is about to sound, for a sink that must act before it.

A Bluetooth headset that has gone to sleep in a silence swallows the first part of the
next cue; a sink can wake it, but only if it hears of the cue before the cue is due. The
session knows when everything is due, so it sends a ``heads_up`` event ``seconds`` of real
time before each moment that is due on its own (a cue, or a segment's end and what it
starts), with that moment's own event, as it will be sent, in ``ahead``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from warmup_tui.engine.events import Event


@dataclass(frozen=True)
class Upcoming:
    """A moment due on its own: ``key`` names it within its segment, ``at`` is its clock
    time, ``event`` what will be sent then."""

    key: Hashable
    at: float
    event: Event


@dataclass
class HeadsUp:
    """Which heads-ups are due, each given once until :meth:`reset` (a new segment, a
    resume, a changed deadline). ``seconds`` is real time: at ``--speed`` 10 a 0.3 s
    heads-up is 3 s of session time. 0 sends none."""

    seconds: float = 0.0
    _given: set[Hashable] = field(default_factory=set)

    def reset(self) -> None:
        self._given.clear()

    def next_at(self, upcoming: Sequence[Upcoming], speed: float) -> float | None:
        """The clock time of the next heads-up not yet given, or None."""
        if self.seconds <= 0:
            return None
        times = [item.at - self.seconds * speed for item in upcoming
                 if item.key not in self._given]
        return min(times, default=None)

    def due(self, upcoming: Sequence[Upcoming], now: float, speed: float,
            origin: float) -> list[Event]:
        """The heads-ups due by ``now``, for moments still to come (one already due gets
        none: it is sent itself). ``origin`` is the clock time of the session's start."""
        if self.seconds <= 0:
            return []
        out = []
        for item in sorted(upcoming, key=lambda item: item.at):
            early = item.at - self.seconds * speed
            if item.key in self._given or not early <= now < item.at:
                continue
            self._given.add(item.key)
            out.append(Event("heads_up", early - origin, item.event.segment,
                             ahead=item.event))
        return out


def heads_up_for(sinks: Iterable[object]) -> float:
    """The most notice any of ``sinks`` asks for: a sink asks with a ``heads_up``
    attribute, in real seconds; most have none."""
    return max((float(getattr(sink, "heads_up", 0.0)) for sink in sinks), default=0.0)
