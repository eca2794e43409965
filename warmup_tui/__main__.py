"""Entry point for ``warmup`` and ``python -m warmup_tui``."""

from warmup_tui.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
