"""Home's advice line under Today: what the check-ins say about the plan, with the reason,
wrapped into lines of even length so that 80 columns never strand a lone word."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:  # the rules load with the log, on start-up's worker
    from warmup_tui.coaching.rules import Advice

SEE_SOMEONE = "see-someone"


def advice_words(advice: Advice | None) -> str | None:
    """The line to show, or None. "progress" stays quiet: the Today button already says
    the plan goes on, and a line that shows up only when the check-ins ask for a change
    gets read; one there every day would be skipped over, the day it matters too."""
    if advice is None or advice.action == "progress":
        return None
    if advice.action == SEE_SOMEONE:
        return f"⚠ {advice.reason}"  # the words say it too, not only the colour
    return f"Advice: {advice.reason}"


def balanced_lines(text: str, width: int) -> list[str]:
    """``text`` in as few lines as fit ``width``. Where the sense breaks ("Hold week 3:"
    then its reason) and that costs no extra line, the break goes there; otherwise the
    lines are made as even as they can be, so no word is left alone on the last one."""
    lines = _even_lines(text, width)
    if len(lines) == 1:
        return lines
    for head, _colon, tail in _colon_splits(text):
        if " " in head and len(head) + 1 <= width:  # a phrase, not "Advice:" alone
            split = [f"{head}:", *_even_lines(tail, width)]
            if len(split) <= len(lines):
                return split
    return lines


def _colon_splits(text: str) -> list[tuple[str, str, str]]:
    """Every way to cut ``text`` after a ": ", the latest first."""
    cuts = [index for index in range(len(text)) if text.startswith(": ", index)]
    return [(text[:cut], ":", text[cut + 2:]) for cut in reversed(cuts)]


def _even_lines(text: str, width: int) -> list[str]:
    lines = textwrap.wrap(text, max(1, width)) or [""]
    narrower = width - 1
    while len(lines) > 1 and narrower > 0:
        trial = textwrap.wrap(text, narrower)
        if len(trial) != len(lines):
            break
        lines, narrower = trial, narrower - 1
    return lines


class BalancedText:
    """A Rich renderable: ``text`` wrapped by :func:`balanced_lines` at the width it gets."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n".join(balanced_lines(self.text, options.max_width)))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


class TodayAdvice(Static):
    """Hidden until the check-ins have advice worth showing; "see-someone" stands out."""

    DEFAULT_CSS = """
    TodayAdvice { width: 100%; height: auto; padding: 0 1; margin-bottom: 1; }
    TodayAdvice.-see-someone { color: $warning; text-style: bold; }
    """

    def __init__(self, advice: Advice | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[str | None, bool] | None = None
        self.show(advice)

    def show(self, advice: Advice | None) -> None:
        """Show ``advice`` (None: hide); repaints only when what is shown changes."""
        words = advice_words(advice)
        warning = advice is not None and advice.action == SEE_SOMEONE
        if self._shown == (words, warning):
            return
        self._shown = (words, warning)
        self.display = words is not None
        self.set_class(warning, "-see-someone")
        self.update(BalancedText(words or ""))
