"""The one way a command tells the user something on stderr: "warmup: ..." on one line."""

from __future__ import annotations

import sys

from warmup_tui.common.terminal_text import shown


def warn(message: str) -> None:
    """``message`` on stderr after "warmup: ", with nothing in it that steers the terminal."""
    print(f"warmup: {shown(message)}", file=sys.stderr)
