"""Entry point for ``warmup`` and ``python -m warmup_tui``.

Signals are taken care of before anything else is imported: the command line, Textual and
the rest take a while to load, and Ctrl+C in that time must not print a traceback.
"""

from warmup_tui import signals


def main() -> int:
    signals.install()
    try:
        from warmup_tui.cli.main import main as run_command

        return run_command()
    except KeyboardInterrupt as stop:
        return signals.exit_code(stop)
    except Exception:
        if signals.received() is None:
            raise
        return signals.exit_code()  # the signal's exception, wrapped while importing


if __name__ == "__main__":
    raise SystemExit(main())
