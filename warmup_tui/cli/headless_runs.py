"""Running planned sessions without a screen (``--plain`` / ``--json``): each gets its
output, sound, voice and training-log record, and they run one after another."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from warmup_tui.common import signals
from warmup_tui.common.config import load_settings
from warmup_tui.common.terminal_text import shown
from warmup_tui.engine.clock import make_clock
from warmup_tui.engine.events import Event, EventSink
from warmup_tui.log.recorder import LogRecorder
from warmup_tui.runs.headless import JsonLines, PlainLines, run_headless
from warmup_tui.runs.plan import PlannedRun
from warmup_tui.runs.short_slice import ask_for_short_slice
from warmup_tui.runs.sinks import Notices, SessionSinks

if TYPE_CHECKING:
    from warmup_tui.cli.command import Options

EXIT_OK = 0


def _bell() -> None:
    sys.stderr.write("\a")
    sys.stderr.flush()


def _err(prefix: str) -> Callable[[str], None]:
    def tell(message: str) -> None:
        print(prefix + shown(message), file=sys.stderr, flush=True)

    return tell


# The bell and every notice go to stderr, so stdout stays the session's own lines.
STDERR_NOTICES = Notices(sound=_err(""), voice=_err("voice: "), log=_err("warmup: "))


def run_planned(runs: list[PlannedRun], args: Options, *,
                wait_between: bool = False) -> int:
    """Each run in turn; 128 + the signal when one ends it. With ``wait_between``, the
    next run waits for Enter, as the app's hand-off does (``today`` on a terminal)."""
    settings, problems = load_settings()
    for problem in problems:  # the defaults apply; say so once, as the app does
        print(f"warmup: {problem}", file=sys.stderr, flush=True)
    factory = SessionSinks(settings, muted=args.mute or settings.sound.mute, voice=args.voice,
                           bell=_bell, notices=STDERR_NOTICES, headless=True)
    # This thread sleeps until each due moment: on a busy machine it must get the CPU
    # back at once. Threads and processes started later keep the usual slice.
    ask_for_short_slice()
    try:
        for number, run in enumerate(runs):
            if number and args.plain:
                print(shown(f"{runs[number - 1].name} done. Next: {run.describe()}"), flush=True)
            if number and wait_between:
                _wait_for_enter()
            out: EventSink = (JsonLines(sys.stdout, run.routine_id) if args.json
                              else PlainLines(sys.stdout, run.routine_id))
            sinks: list[EventSink] = []
            try:
                with signals.held():  # a signal while the sinks are made waits for them
                    sinks = factory.sinks_for(run, float(args.speed), output=out)
                run_headless(list(run.segments), make_clock(args.speed), sinks)
            finally:
                _stop_unstarted(sinks)
                factory.end_session(sinks)  # an interrupted run's record still reaches the file
    except KeyboardInterrupt as stop:
        return signals.exit_code(stop)
    return EXIT_OK


def _wait_for_enter() -> None:
    # On stderr, so --json output stays one event per line. End of input goes on too.
    print("warmup: press Enter to start the run", file=sys.stderr, flush=True)
    sys.stdin.readline()


def _stop_unstarted(sinks: list[EventSink]) -> None:
    """A signal that came after the log's row was made but before the session's first
    event: the record says stopped, not still running."""
    for sink in sinks:
        if isinstance(sink, LogRecorder) and sink.status == "running":
            sink.handle(Event("session_end", 0.0))
