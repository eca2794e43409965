"""The usual line for a session on screen, ``warmup run ROUTINE [--mute] [--voice |
--no-voice]``, read without argparse.

argparse (with the gettext it imports) and the command registry would stay in memory for
the whole session, some 0.4 MB of a screen that only counts down. Any other line, or
any word this reader does not know, goes to the full parser; a test holds the two to
the same reading.
"""

from __future__ import annotations

import types

from warmup_tui.cli.command import Command

# The run command's options without a value, and what each sets; argparse's defaults
# for the rest (commands_registry's _run and add_session_options).
FLAGS = {"--mute": ("mute", True), "--voice": ("voice", True), "--no-voice": ("voice", False)}
DEFAULTS = {"plain": False, "json": False, "speed": 1.0, "mute": False, "voice": None,
            "chain": False}


def session_line(words: list[str]) -> types.SimpleNamespace | None:
    """The options of a plain ``run`` line as argparse reads them; None for any other line
    (another command, an option with a value, help, a word starting with "-")."""
    if len(words) < 2 or words[0] != "run":
        return None
    options = dict(DEFAULTS)
    routines = [word for word in words[1:] if not word.startswith("-")]
    flags = [word for word in words[1:] if word.startswith("-")]
    if len(routines) != 1 or not all(flag in FLAGS for flag in flags):
        return None
    for flag in flags:  # the last of --voice and --no-voice wins, as in argparse
        name, value = FLAGS[flag]
        options[name] = value
    return types.SimpleNamespace(routine=routines[0], func=Command("run_cmd", "run_routine"),
                                 **options)
