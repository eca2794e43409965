"""A cadence click track for run segments, played as about-a-minute chunks.

Each chunk is rendered into one buffer (see ``beats``), so the clicks inside it are exact to
the sample. Memory stays bounded: only the chunk playing and the next one exist, whatever
the length of the run. Chunk ``c`` is due ``c * chunk_seconds`` after beat one sounded, on
the clock; a chunk started late drops the samples it missed, so its clicks stay on the grid.

The scheduling is one step, :meth:`Metronome.pump`, that starts whatever is due and says
when the next chunk is. By default a daemon thread calls it at each deadline, so nothing
ever waits on the caller; tests call it themselves with a fake clock (``background=False``).
The clock must run at real speed: audio plays in real time, whatever ``--speed`` says.
"""

from __future__ import annotations

import threading
from array import array
from typing import Protocol

from warmup_tui.audio.beats import BeatGrid, chunk_span, render_span, samples_late
from warmup_tui.audio.player import PlayHandle
from warmup_tui.audio.synth import RATE
from warmup_tui.engine.clock import Clock

CHUNK_SECONDS = 60.0


class ClickPlayer(Protocol):
    @property
    def available(self) -> bool: ...

    def samples(self, name: str) -> array[int] | None: ...

    def play_samples(self, data: bytes, rate: int = RATE) -> PlayHandle | None: ...


class _Run:
    """One start-to-stop stretch of clicking; a new start makes a new run."""

    def __init__(self, grid: BeatGrid, click: array[int], chunk_samples: int,
                 total_samples: int | None) -> None:
        self.grid, self.click = grid, click
        # Set when beat one actually sounds, after the first chunk is rendered, so it is
        # never trimmed for being "late".
        self.started: float | None = None
        self.chunk_samples, self.total_samples = chunk_samples, total_samples
        self.index = 0
        self.ready: tuple[int, int, array[int]] | None = None  # the next chunk, pre-rendered
        self.playing: list[PlayHandle] = []
        self.stopped = threading.Event()

    def prepare(self) -> tuple[int, int, array[int]] | None:
        if self.ready is None:
            span = chunk_span(self.index, self.chunk_samples, self.total_samples)
            if span is not None:
                self.ready = (*span, render_span(self.grid, self.click, *span))
        return self.ready

    def deadline(self, start_sample: int, now: float) -> float:
        if self.started is None:
            self.started = now
        return self.started + start_sample / self.grid.rate


class Metronome:
    """Clicks at ``cadence`` steps per minute from :meth:`start` until :meth:`stop`.

    Does nothing (quietly) when the player has no sound; it never rings the bell.
    """

    def __init__(self, player: ClickPlayer, clock: Clock, cadence: float, *,
                 chunk_seconds: float = CHUNK_SECONDS, background: bool = True) -> None:
        self.player = player
        self.clock = clock
        self.cadence = cadence
        self.chunk_seconds = chunk_seconds
        self.background = background
        self._lock = threading.Lock()
        self._run: _Run | None = None

    @property
    def running(self) -> bool:
        run = self._run
        return run is not None and not run.stopped.is_set()

    def start(self, duration: float | None = None) -> None:
        """Start clicking now, beat one at once; stop on its own after ``duration`` seconds
        when given. Restarts the beat grid when already running."""
        self.stop()
        click = self.player.samples("click") if self.player.available else None
        if not click:
            return
        rate = RATE
        total = None if duration is None else max(0, round(duration * rate))
        run = _Run(BeatGrid(self.cadence, rate), click,
                   max(1, round(self.chunk_seconds * rate)), total)
        with self._lock:
            self._run = run
        if self.background:
            threading.Thread(target=self._loop, args=(run,), name="metronome",
                             daemon=True).start()
        else:
            self.pump()

    def stop(self) -> None:
        """Stop now, cutting off the chunk that is playing. Never waits."""
        with self._lock:
            run, self._run = self._run, None
            if run is None:
                return
            run.stopped.set()
            playing, run.playing = run.playing, []
        for handle in playing:
            try:
                handle.stop()
            except Exception:
                continue

    def pump(self) -> float | None:
        """Start every chunk that is due; seconds until the next one, or None when done."""
        run = self._run
        return self._pump(run) if run is not None else None

    def _pump(self, run: _Run) -> float | None:
        while not run.stopped.is_set():
            chunk = run.prepare()
            if chunk is None:
                self._finish(run)
                return None
            start, _end, samples = chunk
            now = self.clock.now()
            deadline = run.deadline(start, now)
            if now < deadline:
                return deadline - now
            skip = samples_late(deadline, now, run.grid.rate, len(samples))
            with self._lock:
                if run.stopped.is_set():
                    return None
                handle = self.player.play_samples(samples[skip:].tobytes(), run.grid.rate)
                if handle is None and not self.player.available:
                    run.stopped.set()  # fallen back to the bell: nothing to click with
                    return None
                # Keep the previous chunk too: its last click may still be ringing.
                run.playing = [*run.playing[-1:], *([handle] if handle else [])]
            run.ready = None
            run.index += 1
        return None

    def _finish(self, run: _Run) -> None:
        with self._lock:
            run.stopped.set()
            if self._run is run:
                self._run = None

    def _loop(self, run: _Run) -> None:
        try:
            while (wait := self._pump(run)) is not None:
                run.stopped.wait(wait)
        except Exception:
            # A metronome that breaks goes quiet; it must never take the session with it.
            run.stopped.set()
