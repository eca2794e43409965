"""The list of command modules. Each module adds its subcommands to the parser."""

from __future__ import annotations

from warmup_tui.cli import program_cmd, routines_cmd, run_cmd

REGISTRARS = [
    routines_cmd.register,
    run_cmd.register,
    program_cmd.register,
]
