"""``warmup guide calves``: the guide to sore calves as plain text, wrapped to the
terminal, or as JSON."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import textwrap

from warmup_tui.coaching.guide import Guide, as_json, guide_for, spans
from warmup_tui.common.config import load_settings

WIDEST = 100  # longer lines are hard to read, however wide the terminal
NARROWEST = 40  # the narrowest terminal the app is made for; a command still fits
INDENT = "   "
KEEP = "\u00a0"  # a space no line breaks at (textwrap breaks only at ASCII whitespace)
NUMBER_AND_UNIT = re.compile(r"(\d) (s|min|%)(?=\W|$)")


def show_guide(args: argparse.Namespace) -> int:
    settings, problems = load_settings()
    for problem in problems:
        print(problem, file=sys.stderr)
    guide = guide_for(args.topic, settings.coaching)
    if args.json:
        print(json.dumps(as_json(guide), indent=2))
        return 0
    columns = shutil.get_terminal_size((80, 24)).columns
    print("\n".join(guide_lines(guide, max(NARROWEST, min(columns, WIDEST)))))
    return 0


def guide_lines(guide: Guide, width: int) -> list[str]:
    """The guide as lines of at most ``width`` characters: each cause numbered, with what
    to do and what in the app helps indented under it."""
    lines = [*_wrapped(guide.title, width), "", *_wrapped(guide.intro, width)]
    for number, cause in enumerate(guide.causes, start=1):
        lines += ["", f"{number}. {cause.title}"]
        for text in (cause.why, f"What to do: {cause.what_to_do}",
                     f"In the app: {cause.in_the_app}"):
            lines += _wrapped(text, width, INDENT)
    for section in guide.sections:
        lines += ["", section.title, *_wrapped(section.text, width)]
    return lines


def _wrapped(text: str, width: int, indent: str = "") -> list[str]:
    """Lines of ``text`` that never part a command from its options or a number from
    its unit ("90 s")."""
    glued = "".join(piece.replace(" ", KEEP) if typed
                    else NUMBER_AND_UNIT.sub(rf"\1{KEEP}\2", piece)
                    for piece, typed in spans(text))
    return [line.replace(KEEP, " ") for line in
            textwrap.wrap(glued, width, initial_indent=indent, subsequent_indent=indent,
                          break_on_hyphens=False)]
