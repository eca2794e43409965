"""Entry point for ``warmup`` and ``python -m warmup_tui``.

Signals are taken care of before anything else is imported: the command line, Textual and
the rest take a while to load, and Ctrl+C in that time must not print a traceback.
"""

import _signal  # type: ignore[import-not-found]  # the C half of signal, already loaded
import gc
import os
import sys


def _end_quietly(signum: int, _frame: object) -> None:
    # Nothing has started yet: no terminal to restore, no session to record.
    os._exit(128 + signum)


# The C module is already loaded, so these handlers are in place a few milliseconds after
# the interpreter itself is; signals.install() below replaces them with the full ones.
for _name in ("SIGINT", "SIGTERM", "SIGHUP"):
    _number = getattr(_signal, _name)
    if _signal.getsignal(_number) != _signal.SIG_IGN:
        _signal.signal(_number, _end_quietly)


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        # Answered before anything else loads: the package's own __init__ is all it needs.
        from warmup_tui import VERSION

        try:
            print(VERSION, flush=True)
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # the reader left: say nothing more
        return 0
    # No garbage collection while the command line's modules load: the command turns it
    # back on as it starts, or the app at its first frame (see cli/main.py).
    gc.disable()
    from warmup_tui.common import signals  # after the early handlers, on purpose

    signals.install()
    try:
        try:
            from warmup_tui.cli.main import main as run_command

            return run_command()
        except Exception:
            if signals.received() is None:
                raise
            return signals.exit_code()  # the signal's exception, wrapped while importing
    except KeyboardInterrupt as stop:  # here too when it lands in the handler above
        return signals.exit_code(stop)
    finally:
        signals.ignore_from_now()
        gc.enable()


if __name__ == "__main__":
    raise SystemExit(main())
