"""warmup-tui: a guided pre-run warmup and run-walk interval timer for the terminal."""

__version__ = "0.1.0"
