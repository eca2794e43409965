"""Turns the cadence metronome on for run segments and off for everything else.

The metronome itself is made at the first click: a session whose clicks stay off never
loads it (nor its beat maker), yet turning them on mid-run clicks at once, since the sink
has followed the session all along.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from warmup_tui.engine.events import Event
from warmup_tui.engine.timeline import Segment

if TYPE_CHECKING:
    from warmup_tui.audio.metronome import Metronome


def carries_cadence(segments: Sequence[Segment]) -> bool:
    """Whether a run segment names its own cadence (``--cadence``, a routine's cadence):
    the session then asks for the clicks whatever the settings say."""
    return any(seg.cadence for seg in segments if seg.kind == "run")


class MetronomeSink:
    """An EventSink: clicks during run segments while ``enabled``; pause stops the clicks
    and resume starts a fresh beat grid. ``default_cadence`` applies where a segment names
    none. ``make_metronome`` is called once, at the first click."""

    def __init__(self, make_metronome: Callable[[], Metronome], default_cadence: int, *,
                 enabled: bool) -> None:
        self._make_metronome = make_metronome
        self.metronome: Metronome | None = None  # until the first click
        self.default_cadence = default_cadence
        self.enabled = enabled
        self._segment: Segment | None = None
        self._paused = False

    def handle(self, event: Event) -> None:
        if event.name == "segment_start":
            self._segment, self._paused = event.segment, False
        elif event.name in ("segment_end", "session_end"):
            self._segment = None
        elif event.name == "pause":
            self._paused = True
        elif event.name == "resume":
            self._paused = False
        else:
            return
        self._apply()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self._apply()

    def stop(self) -> None:
        if self.metronome is not None:
            self.metronome.stop()

    @property
    def in_run(self) -> bool:
        return self._segment is not None and self._segment.kind == "run"

    def _apply(self) -> None:
        should_click = self.enabled and self.in_run and not self._paused
        metronome = self.metronome
        if not should_click:
            if metronome is not None and metronome.running:
                metronome.stop()
            return
        assert self._segment is not None
        if metronome is None:
            metronome = self.metronome = self._make_metronome()
        metronome.cadence = self._segment.cadence or self.default_cadence
        if not metronome.running:
            metronome.start()
