"""Every kind of bad routine file gets one clear line per problem, all at once.

Lines are compared whole, FILE:LINE: key.path: message, because the line number and the
key path are what lets a user find the mistake.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from warmup_tui.common.problems import Problem, ProblemsError
from warmup_tui.routines.files import load_routine

GOOD_STEP = '[[steps]]\nname = "Glute bridge"\nduration = "30s"\n'


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # File names are shown relative to the working folder; work inside tmp so they are short.
    monkeypatch.chdir(tmp_path)
    return tmp_path


def problems_for(text: str | bytes, name: str = "r.toml") -> list[str]:
    path = Path(name)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError) as caught:
        load_routine(path)
    return [str(problem) for problem in caught.value.problems]


def test_problem_renders_file_line_key_message() -> None:
    assert str(Problem("a.toml", "bad", 3, "steps[0].reps")) == "a.toml:3: steps[0].reps: bad"
    assert str(Problem("a.toml", "bad", None, "name")) == "a.toml: name: bad"
    assert str(Problem("a.toml", "bad", 7)) == "a.toml:7: bad"
    assert str(Problem("a.toml", "bad")) == "a.toml: bad"


def test_a_good_file_loads() -> None:
    Path("r.toml").write_text(f'name = "Mine"\n{GOOD_STEP}', encoding="utf-8")
    assert load_routine(Path("r.toml")).routine.steps[0].duration == 30.0


def test_unknown_keys_with_did_you_mean() -> None:
    text = (
        'nme = "x"\nname = "x"\n'
        '[[steps]]\nname = "a"\nduraton = "30s"\nduration = "30s"\n'
        '[runwalk]\nrun = "1m"\nrepeats = 2\ncadance = 170\n'
    )
    assert problems_for(text) == [
        'r.toml:1: nme: unknown key; did you mean "name"?',
        'r.toml:5: steps[0].duraton: unknown key; did you mean "duration"?',
        'r.toml:10: runwalk.cadance: unknown key; did you mean "cadence"?',
    ]


def test_unknown_key_far_from_any_lists_the_known_keys() -> None:
    assert problems_for(f'name = "x"\n{GOOD_STEP}colour = "red"\n') == [
        "r.toml:5: steps[0].colour: unknown key; known keys: "
        "name, duration, reps, pace, cue, sides, sets, rest",
    ]


def test_missing_required_keys() -> None:
    text = '# a routine with no name\n[[steps]]\nduration = "30s"\n[[steps]]\nname = "b"\n'
    assert problems_for(text) == [
        "r.toml: name: missing; every routine and step needs a name",
        "r.toml:2: steps[0].name: missing; every routine and step needs a name",
        'r.toml:4: steps[1]: needs a duration (such as "30s") or reps (such as 10)',
    ]


def test_missing_steps_and_runwalk() -> None:
    assert problems_for('name = "x"\n') == [
        "r.toml: a routine needs [[steps]], a [runwalk] block, or both",
    ]


def test_runwalk_missing_run_and_repeats() -> None:
    assert problems_for('name = "x"\n[runwalk]\nwalk = "1m"\n') == [
        "r.toml:2: runwalk: missing run",
        "r.toml:2: runwalk: missing repeats",
    ]


def test_wrong_types() -> None:
    text = (
        'name = 5\ndescription = ["x"]\nthen = 3\nsteps = [1, { name = "b", duration = true }]\n'
        "runwalk = 5\n"
    )
    assert problems_for(text) == [
        "r.toml:1: name: expected text in quotes, got a number",
        "r.toml:2: description: expected text in quotes, got a list",
        "r.toml:3: then: expected text in quotes, got a number",
        "r.toml:4: steps[0]: expected a table, got a number",
        'r.toml:4: steps[1].duration: expected a duration such as "30s", "1m30s" or a '
        "number of seconds",
        "r.toml:5: runwalk: expected a table, got a number",
    ]


def test_steps_as_a_table_instead_of_a_list() -> None:
    assert problems_for('name = "x"\n[steps]\nname = "a"\n') == [
        "r.toml:2: steps: expected a list of [[steps]] tables, got a table",
    ]


def test_zero_and_negative_durations() -> None:
    text = (
        'name = "x"\nrest = -5\nswitch = "-2s"\n'
        '[[steps]]\nname = "a"\nduration = "0s"\n'
        '[[steps]]\nname = "b"\nduration = -1\n'
        '[[steps]]\nname = "c"\nreps = 3\npace = 0\n'
        '[runwalk]\nrun = "0m"\nrepeats = 1\nwalk = "-1m"\n'
    )
    assert problems_for(text) == [
        "r.toml:2: rest: must be zero or more seconds, got -5",
        "r.toml:3: switch: must be zero or more seconds, got \"-2s\"",
        "r.toml:6: steps[0].duration: must be more than zero seconds, got \"0s\"",
        "r.toml:9: steps[1].duration: must be more than zero seconds, got -1",
        "r.toml:13: steps[2].pace: must be more than zero seconds, got 0",
        "r.toml:15: runwalk.run: must be more than zero seconds, got \"0m\"",
        "r.toml:17: runwalk.walk: must be zero or more seconds, got \"-1m\"",
    ]


def test_durations_over_12_hours() -> None:
    text = (
        'name = "x"\nrest = "13h"\n'
        '[[steps]]\nname = "a"\nduration = 43201\n'
        '[[steps]]\nname = "b"\nreps = 1000\npace = "2m"\n'
    )
    assert problems_for(text) == [
        'r.toml:2: rest: must be at most 12 hours, got "13h"',
        "r.toml:5: steps[0].duration: must be at most 12 hours, got 43201",
        "r.toml:8: steps[1].reps: reps x pace must be at most 12 hours",
    ]


def test_exactly_12_hours_is_allowed() -> None:
    Path("r.toml").write_text('name = "x"\n[[steps]]\nname = "a"\nduration = "12h"\n')
    assert load_routine(Path("r.toml")).routine.steps[0].duration == 43200.0


def test_bad_duration_text() -> None:
    text = f'name = "x"\nrest = "soon"\nswitch = "1h1h"\n{GOOD_STEP}'
    assert problems_for(text) == [
        'r.toml:2: rest: "soon" is not a duration; write it like "30s", "1m30s", "2m" or "1h"',
        'r.toml:3: switch: "1h1h" repeats or misorders its units; write it like "1h5m30s"',
    ]


@pytest.mark.parametrize(
    ("reps", "shown"),
    [("0", "0"), ("-3", "-3"), ("1.5", "1.5"), ('"10"', '"10"'), ("true", "true"),
     ("1001", "1001")],
)
def test_reps_must_be_a_positive_whole_number(reps: str, shown: str) -> None:
    text = f'name = "x"\n[[steps]]\nname = "a"\nreps = {reps}\n'
    assert problems_for(text) == [
        f"r.toml:4: steps[0].reps: expected a whole number from 1 to 1000, got {shown}",
    ]


def test_duration_and_reps_together() -> None:
    text = 'name = "x"\n[[steps]]\nname = "a"\nduration = "30s"\nreps = 5\npace = "2s"\n'
    assert problems_for(text) == [
        "r.toml:2: steps[0]: give either duration (a timed hold) or reps (paced reps), not both",
    ]


def test_pace_without_reps() -> None:
    text = f'name = "x"\n{GOOD_STEP}pace = "2s"\n'
    assert problems_for(text) == [
        "r.toml:5: steps[0].pace: pace is the time per rep; it only applies with reps",
    ]


def test_empty_step_list() -> None:
    assert problems_for('name = "x"\nsteps = []\n') == [
        "r.toml:2: steps: the list of steps is empty; add at least one [[steps]] table",
    ]


@pytest.mark.parametrize(
    "sides", ['[]', '"left"', '["left", 3]', '["left", ""]', '["  "]', "7", '[["left"]]'],
)
def test_sides_must_be_a_non_empty_list_of_text(sides: str) -> None:
    text = f'name = "x"\n{GOOD_STEP}sides = {sides}\n'
    assert problems_for(text) == [
        'r.toml:5: steps[0].sides: expected a non-empty list of text, such as ["left", "right"]',
    ]


def test_sets_cadence_and_repeats_ranges() -> None:
    text = (
        f'name = "x"\n{GOOD_STEP}sets = 0\n'
        '[runwalk]\nrun = "1m"\nrepeats = 0\ncadence = 300\ncues = []\n'
    )
    assert problems_for(text) == [
        "r.toml:5: steps[0].sets: expected a whole number from 1 to 100, got 0",
        "r.toml:8: runwalk.repeats: expected a whole number from 1 to 200, got 0",
        "r.toml:9: runwalk.cadence: expected a whole number from 60 to 240, got 300",
        'r.toml:10: runwalk.cues: expected a non-empty list of text, such as '
        '["Easy, conversational pace"]',
    ]


def test_empty_name_and_unsupported_format() -> None:
    assert problems_for(f'format = 2\nname = "  "\n{GOOD_STEP}') == [
        "r.toml:1: format: this app reads routine format 1, got 2",
        "r.toml:2: name: must not be empty",
    ]


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    text = (
        'name = "x"\nrest = "soon"\n'
        '[[steps]]\nname = "a"\nreps = 0\n'
        '[[steps]]\nname = "b"\nduration = "30s"\nsides = []\n'
        '[[steps]]\nname = "c"\nduration = "2d"\n'
    )
    lines = problems_for(text)
    assert [line.split(": ")[0] for line in lines] == [
        "r.toml:2", "r.toml:5", "r.toml:9", "r.toml:12",
    ]
    assert [line.split(": ")[1] for line in lines] == [
        "rest", "steps[0].reps", "steps[1].sides", "steps[2].duration",
    ]


def test_toml_syntax_error_carries_the_parsers_line() -> None:
    text = f'name = "x"\n{GOOD_STEP}\ncue = "unterminated\n'
    assert problems_for(text) == ["r.toml:6: not valid TOML: Illegal character '\\n'"]


def test_toml_duplicate_key_is_a_syntax_error_with_its_line() -> None:
    lines = problems_for(f'name = "x"\nname = "y"\n{GOOD_STEP}')
    assert lines == ["r.toml:2: not valid TOML: Cannot overwrite a value"]


def test_not_utf8_names_the_line_of_the_first_bad_byte() -> None:
    text = f'name = "x"\n{GOOD_STEP}'.encode() + b'cue = "caf\xe9"\n'
    assert problems_for(text) == ["r.toml:5: is not UTF-8 text; save it as UTF-8"]


def test_utf8_with_a_byte_order_mark_is_fine() -> None:
    Path("r.toml").write_bytes(b"\xef\xbb\xbf" + f'name = "x"\n{GOOD_STEP}'.encode())
    assert load_routine(Path("r.toml")).routine.name == "x"


@pytest.mark.parametrize("text", ["", "   \n\n\t\n"])
def test_empty_file(text: str) -> None:
    assert problems_for(text) == [
        "r.toml: is empty; a routine needs at least a name and steps",
    ]


def test_comment_only_file_is_missing_its_name_and_steps() -> None:
    assert problems_for("# nothing yet\n") == [
        "r.toml: name: missing; every routine and step needs a name",
        "r.toml: a routine needs [[steps]], a [runwalk] block, or both",
    ]


def test_directory() -> None:
    Path("folder.toml").mkdir()
    with pytest.raises(ProblemsError) as caught:
        load_routine(Path("folder.toml"))
    assert [str(p) for p in caught.value.problems] == [
        "folder.toml: is a folder, not a routine file",
    ]


def test_missing_file() -> None:
    with pytest.raises(ProblemsError) as caught:
        load_routine(Path("nowhere.toml"))
    assert [str(p) for p in caught.value.problems] == ["nowhere.toml: no such file"]


def test_device_is_refused_without_reading_it() -> None:
    # /dev/zero never ends; reading it would hang or eat memory.
    with pytest.raises(ProblemsError) as caught:
        load_routine(Path("/dev/zero"))
    assert [str(p) for p in caught.value.problems] == [
        "/dev/zero: is not a regular file, so not a routine file",
    ]


def test_file_over_a_megabyte_is_refused() -> None:
    assert problems_for("#" * 1_000_001) == [
        "r.toml: is over 1 MB; that is not a routine file",
    ]


def test_a_dangling_symlink_is_reported_under_its_own_name() -> None:
    Path("link.toml").symlink_to("gone.toml")
    with pytest.raises(ProblemsError) as caught:
        load_routine(Path("link.toml"))
    assert [str(p) for p in caught.value.problems] == [
        "link.toml: is a link to gone.toml, which does not exist"]


def test_a_loop_of_symlinks_is_one_line_not_a_crash() -> None:
    Path("one.toml").symlink_to("two.toml")
    Path("two.toml").symlink_to("one.toml")
    with pytest.raises(ProblemsError) as caught:
        load_routine(Path("one.toml"))
    assert [str(p) for p in caught.value.problems] == [
        "one.toml: cannot be read: Too many levels of symbolic links",
    ]
