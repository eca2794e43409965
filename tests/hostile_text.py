"""Routines whose text tries to take over the terminal, for the escape-injection tests.

Each piece is a real attack: OSC 0 retitles the terminal, OSC 52 writes the clipboard,
CSI 2J clears the screen (also as the one-character C1 CSI, U+009B), BEL rings, and the
bidi override U+202E reverses what follows. The tests look for these never reaching the
terminal raw, and for their visible form (``\\x1b``) being shown instead.
"""

from __future__ import annotations

import re
from pathlib import Path

TITLE = "\x1b]0;PWNED\x07"
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
CLEAR = "\x1b[2J"
C1_CLEAR = "\x9b2J"
BELL = "\x07"
BIDI = "\u202e"

# Written independently of warmup_tui.common.terminal_text, so the tests do not check the
# code against itself: any C0 control but newline, DEL, C1, bidi embeddings and isolates.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# The file name carries a title sequence too; the routine's id is the file's stem.
HOSTILE_ID = f"evil{TITLE}"
HOSTILE_NAME = f"Evil [bold]routine[/bold] {TITLE}"
HOSTILE_STEP = f"Lift {CLEAR}[@click=app.quit]x[/] {BIDI}tfel"
HOSTILE_CUE = f"Breathe {CLIPBOARD}{C1_CLEAR}{BELL}"


def _toml(text: str) -> str:
    """A TOML basic string holding ``text`` exactly, controls as \\uXXXX escapes."""
    return '"' + "".join(f"\\u{ord(c):04x}" if not c.isprintable() or c in '"\\' else c
                         for c in text) + '"'


HOSTILE_ROUTINE = f"""format = 1
name = {_toml(HOSTILE_NAME)}
description = {_toml("Desc " + CLIPBOARD)}

[[steps]]
name = {_toml(HOSTILE_STEP)}
duration = "2s"
cue = {_toml(HOSTILE_CUE)}

[[steps]]
name = {_toml("Hold " + TITLE)}
duration = "2s"
sides = [{_toml("left" + CLEAR)}, "right"]
"""

# A broken routine: an unknown key, a bad value and an unknown `then`, each hostile.
BROKEN_ID = f"broken{C1_CLEAR}"
BROKEN_ROUTINE = f"""format = 1
name = "Broken"
then = {_toml("nowhere" + CLEAR)}
{_toml("colour" + TITLE)} = 1

[[steps]]
name = "Jog"
duration = {_toml("1m1m" + CLIPBOARD)}
"""


def write_hostile(folder: Path) -> Path:
    """The hostile routine (valid) and the broken one in ``folder``; the valid one's path."""
    (folder / f"{BROKEN_ID}.toml").write_text(BROKEN_ROUTINE, encoding="utf-8")
    path = folder / f"{HOSTILE_ID}.toml"
    path.write_text(HOSTILE_ROUTINE, encoding="utf-8")
    return path


def visible(text: str) -> str:
    """How the app writes ``text`` out: each control as ``\\xNN`` / ``\\uNNNN``."""
    return "".join(_visible(c) if RAW_CONTROL.match(c) or c == "\n" else c for c in text)


def _visible(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
