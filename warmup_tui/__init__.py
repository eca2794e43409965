"""warmup-tui: a guided pre-run warmup and run-walk interval timer for the terminal."""

__version__ = "0.1.0"
VERSION = f"warmup-tui {__version__}"  # what `warmup --version` prints
