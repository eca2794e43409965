"""Running planned sessions without a screen (``--plain`` / ``--json``): each gets its
output, sound, voice and training-log record, and they run one after another."""

from __future__ import annotations

import argparse
import sys

from warmup_tui.audio.metronome_sink import MetronomeSink
from warmup_tui.common import signals
from warmup_tui.common.config import load_settings
from warmup_tui.common.terminal_text import shown
from warmup_tui.engine.clock import make_clock
from warmup_tui.engine.events import EventSink
from warmup_tui.log.recorder import LogRecorder
from warmup_tui.runs.headless import JsonLines, PlainLines, run_headless
from warmup_tui.runs.plan import PlannedRun

EXIT_OK = 0


def session_sinks(args: argparse.Namespace, run: PlannedRun) -> list[EventSink]:
    """Sound first (a cue should start before the line describing it is written), the
    words after the tone, the output, and the log last."""
    from warmup_tui.audio.headless import headless_cue_sounds, headless_metronome
    from warmup_tui.audio.voice_headless import headless_voice
    from warmup_tui.runs.log_sink import headless_recorder  # imports sqlite3 only when used

    out: EventSink = (JsonLines(sys.stdout, run.routine_id) if args.json
                      else PlainLines(sys.stdout, run.routine_id))
    sound = headless_cue_sounds(mute=args.mute)
    voice = headless_voice(sound, args.voice, list(run.segments))
    clicks = headless_metronome(run.segments, mute=args.mute)
    sinks: list[EventSink] = [s for s in (sound, voice, clicks) if s is not None]
    sinks.append(out)
    return sinks + headless_recorder(
        args, run.routine_id, list(run.segments), routine_name=run.name,
        programme_id=run.programme_id, programme_session=run.programme_session,
    )


def run_planned(runs: list[PlannedRun], args: argparse.Namespace) -> int:
    """Each run in turn with no wait between them; 128 + the signal when one ends it."""
    _, problems = load_settings()
    for problem in problems:  # the defaults apply; say so once, as the app does
        print(f"warmup: {problem}", file=sys.stderr, flush=True)
    try:
        for number, run in enumerate(runs):
            if number and args.plain:
                print(shown(f"{runs[number - 1].name} done. Next: {run.describe()}"), flush=True)
            sinks = session_sinks(args, run)
            try:
                run_headless(list(run.segments), make_clock(args.speed), sinks)
            finally:
                # An interrupted run must still let its record reach the file, and the
                # clicks must not outlive their session.
                for sink in sinks:
                    if isinstance(sink, LogRecorder):
                        sink.close()
                    elif isinstance(sink, MetronomeSink):
                        sink.stop()
    except KeyboardInterrupt as stop:
        return signals.exit_code(stop)
    return EXIT_OK
