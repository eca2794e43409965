"""Entry point for ``warmup`` and ``python -m warmup_tui``.

Signals are taken care of before anything else is imported: the command line, Textual and
the rest take a while to load, and Ctrl+C in that time must not print a traceback.
"""

from warmup_tui.common import signals


def main() -> int:
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


if __name__ == "__main__":
    raise SystemExit(main())
