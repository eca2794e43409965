"""Text from files and the command line made safe to show on a terminal.

A routine name, a cue or a file name can carry control characters: ESC starts sequences
that retitle the terminal, clear it or write the clipboard (OSC 52), and the bidi
overrides reorder what is shown. Every printer hands such text through ``shown`` (one
line: names, cues, paths, problems) or ``shown_lines`` (text meant to span lines), which
replace each of those characters with a visible escape such as ``\\x1b`` or ``\\u202e``.
JSON output needs neither: ``json.dumps`` escapes them already. Pure: no I/O, no textual.
"""

from __future__ import annotations

import re

# DEL and the C1 controls; the bidi embeddings, overrides and isolates.
_DEL_C1_BIDI = "\x7f-\x9f\u202a-\u202e\u2066-\u2069"
# Every C0 control; for text meant to span lines, all but tab (\x09) and newline (\x0a).
_UNSAFE_ONE_LINE = re.compile(f"[\x00-\x1f{_DEL_C1_BIDI}]")
_UNSAFE_LINES = re.compile(f"[\x00-\x08\x0b-\x1f{_DEL_C1_BIDI}]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: object) -> str:
    """``text`` as one line with every control and bidi character written out visibly."""
    return _UNSAFE_ONE_LINE.sub(_visible, str(text))


def pictured(text: str) -> str:
    """``text`` with each unsafe character replaced by one visible character (a C0 control
    by its control picture, ``\x1b`` by ``␛``; the rest by ``�``), so it keeps its length.
    For a text field being edited, where each character must stay one cursor step."""
    return _UNSAFE_ONE_LINE.sub(_picture, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def shown_lines(text: object) -> str:
    """Like ``shown``, but newlines and tabs are kept, for text meant to span lines."""
    return _UNSAFE_LINES.sub(_visible, str(text))
