"""The list of command modules. Each module adds its subcommands to the parser."""

from __future__ import annotations

from warmup_tui.cli import (
    edit_cmd,
    history_cmd,
    intervals_cmd,
    program_cmd,
    routines_cmd,
    run_cmd,
    today_cmd,
)

REGISTRARS = [
    routines_cmd.register,
    run_cmd.register,
    program_cmd.register,
    intervals_cmd.register,
    today_cmd.register,
    history_cmd.register,
    edit_cmd.register,
]
