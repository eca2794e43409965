"""terminal_text: every character a terminal would act on is written out, the rest kept."""

from __future__ import annotations

import pytest

from warmup_tui.common.terminal_text import pictured, shown, shown_lines


@pytest.mark.parametrize(("raw", "visible"), [
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
    ("\x00\x08\x7f", "\\x00\\x08\\x7f"),
    ("\x9b2J \x85", "\\x9b2J \\x85"),
    ("\u202eevil\u2066x\u2069", "\\u202eevil\\u2066x\\u2069"),
    ("two\nlines\tand a tab\r", "two\\x0alines\\x09and a tab\\x0d"),
])
def test_shown_writes_controls_out_on_one_line(raw: str, visible: str) -> None:
    assert shown(raw) == visible


def test_shown_keeps_ordinary_text_as_it_is() -> None:
    text = "Side leg lift: café, 10 × 3s — ünïcödé [bold] \\x1b ✓"
    assert shown(text) == text


def test_shown_lines_keeps_newlines_and_tabs_only() -> None:
    assert shown_lines("one\n\ttwo\x1b[2J\r\n") == "one\n\ttwo\\x1b[2J\\x0d\n"


def test_pictured_keeps_the_length_and_shows_each_control_as_one_character() -> None:
    raw = "a\x1b[2J\x07\x7f\x9b\u202eb"
    assert pictured(raw) == "a␛[2J␇␡��b"
    assert len(pictured(raw)) == len(raw)
