"""A command line sets up only the command it names (each command's options cost the start
of a session some milliseconds), and reads and shows exactly as the full parser does."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from warmup_tui.cli.commands_registry import COMMANDS
from warmup_tui.cli.parser import build_parser


def commands_of(parser: argparse.ArgumentParser) -> list[str]:
    action = next(action for action in parser._actions
                  if isinstance(action, argparse._SubParsersAction))
    return list(action.choices)


def shown(parser: argparse.ArgumentParser, words: list[str]) -> tuple[object, str, str]:
    """What parsing ``words`` prints, and its exit code (or the parsed options)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parser.parse_args(words))
        except SystemExit as stop:
            result = stop.code
    if isinstance(result, dict):  # the command to run: compared by where it points
        func = result.pop("func")
        result["func"] = (func.module, func.function)
    return result, out.getvalue(), err.getvalue()


def test_the_full_parser_has_every_named_command_in_order() -> None:
    assert commands_of(build_parser()) == list(COMMANDS)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_command_alone_is_set_up_with_and_without_its_siblings(command: str) -> None:
    alone = build_parser(command)
    siblings = {name for name, register in COMMANDS.items() if register is COMMANDS[command]}
    assert set(commands_of(alone)) == siblings  # the others are not set up
    for words in ([command, "--help"], [command], [command, "--no-such-option"]):
        assert shown(alone, words) == shown(build_parser(), words)


@pytest.mark.parametrize("words", [
    ["run", "pre-run", "--mute", "--speed", "2"],
    ["intervals", "--run", "1m", "--walk", "90s", "--repeats", "3", "--plain"],
    ["history", "--weeks", "3", "--json"],
    ["show", "pre-run", "--json"],
])
def test_a_command_line_reads_the_same(words: list[str]) -> None:
    assert shown(build_parser(words[0]), words) == shown(build_parser(), words)


@pytest.mark.parametrize("words", [["--help"], ["runn", "pre-run"]])
def test_help_and_mistakes_still_list_every_command(words: list[str]) -> None:
    _code, out, err = shown(build_parser(words[0]), words)
    assert all(command in out + err for command in COMMANDS)
