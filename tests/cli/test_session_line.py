"""The usual line for a session on screen is read without argparse (which would stay in
the session's memory), exactly as the full parser reads it; any other line is left to
the full parser."""

from __future__ import annotations

import pytest

from warmup_tui.cli.parser import build_parser
from warmup_tui.cli.session_line import session_line


def as_parsed(options: object) -> dict[str, object]:
    """The options, with the command to run compared by where it points."""
    fields = dict(vars(options))
    func = fields.pop("func")
    fields["func"] = (func.module, func.function)
    return fields


@pytest.mark.parametrize("words", [
    ["run", "pre-run"],
    ["run", "routine.toml", "--mute"],
    ["run", "--mute", "pre-run"],
    ["run", "pre-run", "--voice"],
    ["run", "pre-run", "--no-voice", "--mute"],
    ["run", "pre-run", "--voice", "--no-voice"],
    ["run", "pre-run", "--no-voice", "--voice", "--mute", "--mute"],
    ["run", ""],
])
def test_a_session_line_reads_as_the_full_parser_reads_it(words: list[str]) -> None:
    read = session_line(words)
    assert read is not None
    assert as_parsed(read) == as_parsed(build_parser().parse_args(words))


@pytest.mark.parametrize("words", [
    [], ["run"], ["list"], ["show", "pre-run"], ["run", "a", "b"],
    ["run", "pre-run", "--speed", "2"], ["run", "pre-run", "--plain"],
    ["run", "pre-run", "--json"], ["run", "pre-run", "--chain"], ["run", "--help"],
    ["run", "pre-run", "--mu"], ["run", "--", "pre-run"], ["run", "-x"],
])
def test_any_other_line_is_left_to_the_full_parser(words: list[str]) -> None:
    assert session_line(words) is None
