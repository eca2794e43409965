"""Programme files: every problem at once, each as FILE:LINE: key.path: message; and the
bundled programme checked for sense."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from tests.program.support import bundled
from warmup_tui.common.problems import ProblemsError
from warmup_tui.common.toml_lines import key_lines
from warmup_tui.engine.timeline import build_timeline
from warmup_tui.programme.files import load_programme, parse_programme, resolve_programme
from warmup_tui.programme.model import session_segments
from warmup_tui.routines.model import Routine, RunWalk

GOOD = """\
format = 1
name = "Tiny"
warmup = "1m"

[[weeks]]
[[weeks.sessions]]
run = "1m"
walk = "1m"
repeats = 2

[[weeks.sessions]]
intervals = ["run 2m", "walk 30s", "run 1m30s"]
cooldown = "2m"
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        parse_programme(text, "p.toml")
    return [str(problem) for problem in caught.value.problems]


def test_a_small_good_file_reads_back_as_written() -> None:
    programme = parse_programme(GOOD, "p.toml", programme_id="tiny")
    first, second = programme.sessions()
    assert (programme.id, programme.name, programme.sessions_per_week) == ("tiny", "Tiny", 4)
    assert (first.key, first.summary(), first.warmup, first.cooldown) == (
        "w1s1", "run 1m / walk 1m x 2", 60.0, 0.0)
    assert (second.key, second.summary(), second.warmup, second.cooldown) == (
        "w1s2", "run 2m, walk 30s, run 1m30s", 60.0, 120.0)
    assert second.total_seconds() == 60 + 120 + 30 + 90 + 120
    assert second.describe() == "run 2 min, walk 30 s, run 1 min 30 s (7 min)"


def test_every_problem_is_reported_with_its_line_and_key() -> None:
    text = """\
format = 2
name = "Broken"
sessions_per_week = 2
colour = "red"

[[weeks]]
[[weeks.sessions]]
run = "1m"
walk = "0s"
repeats = 4

[[weeks.sessions]]
run = "1m"
walk = "1m"

[[weeks.sessions]]
run = "2m"

[[weeks]]
note = 5
[[weeks.sessions]]
intervals = ["walk 1m", "run 2m", "run 3m", "jog 1m", "run soon"]

[[weeks.sessions]]
run = "1m"
repeats = 2
walk = "1m"
intervals = ["run 1m"]
cadnce = 170
"""
    assert _problems(text) == [
        "p.toml:4: colour: unknown key; known keys: format, name, description, "
        "sessions_per_week, warmup, cooldown, cadence, cues, weeks",
        "p.toml:1: format: this app reads programme format 1, got 2",
        "p.toml:6: weeks[0].sessions: week 1 has 3 sessions but sessions_per_week is 2",
        "p.toml:9: weeks[0].sessions[0].walk: with no walk the 4 runs join into one; "
        "write one run of 4 min instead",
        "p.toml:12: weeks[0].sessions[1]: missing repeats (how many times to run and walk)",
        "p.toml:16: weeks[0].sessions[2]: missing repeats (how many times to run and walk)",
        "p.toml:20: weeks[1].note: expected text in quotes, got a number",
        "p.toml:22: weeks[1].sessions[0].intervals[0]: start with a run; the warmup walk "
        "already comes before it",
        "p.toml:22: weeks[1].sessions[0].intervals[2]: two runs in a row; join them into one",
        "p.toml:22: weeks[1].sessions[0].intervals[3]: expected \"run DURATION\" or "
        "\"walk DURATION\", got \"jog 1m\"",
        "p.toml:22: weeks[1].sessions[0].intervals[4]: \"soon\" is not a duration; write it "
        "like \"30s\", \"1m30s\", \"2m\" or \"1h\"",
        "p.toml:29: weeks[1].sessions[1].cadnce: unknown key; did you mean \"cadence\"?",
        "p.toml:24: weeks[1].sessions[1]: give either run/walk/repeats or intervals, not "
        "both (found run, walk, repeats and intervals)",
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ('name = "x"\n', "p.toml: a programme needs at least one [[weeks]] table"),
    ('description = "x"\n[[weeks]]\n[[weeks.sessions]]\nrun = "1m"\nrepeats = 1\n',
     "p.toml: name: missing; a programme needs a name"),
    ('name = "x"\n[[weeks]]\nnote = "empty"\n',
     "p.toml:2: weeks[0]: week 1 needs at least one [[weeks.sessions]] table"),
    ('name = "x"\n[[weeks]]\n[[weeks.sessions]]\nwalk = "1m"\n',
     'p.toml:3: weeks[0].sessions[0]: needs run and repeats (run = "2m", walk = "1m", '
     'repeats = 8) or a list such as intervals = ["run 3m", "walk 90s", "run 5m"]'),
    ('name = "x"\n[[weeks]]\n[[weeks.sessions]]\nrun = "3h"\nrepeats = 2\nwalk = "1m"\n',
     "p.toml:3: weeks[0].sessions[0]: lasts 362 min; a session should be under 4 hours"),
    ('name = "x"\n[[weeks]]\n[[weeks.sessions]]\nintervals = []\n',
     'p.toml:4: weeks[0].sessions[0].intervals: expected a non-empty list of intervals, '
     'such as ["run 3m", "walk 90s", "run 5m"]'),
    ('name = "x"\nweeks = 3\n',
     "p.toml:2: weeks: expected a list of [[weeks]] tables, each with [[weeks.sessions]]"),
    ('name = "x"\n[[weeks]\n', None),
])
def test_single_problems(text: str, expected: str | None) -> None:
    problems = _problems(text)
    if expected is None:  # broken TOML: one line, with where it broke
        assert len(problems) == 1 and problems[0].startswith("p.toml:2: not valid TOML")
    else:
        assert problems == [expected]


def test_nested_tables_get_lines_per_week() -> None:
    lines = key_lines(GOOD)
    assert lines["weeks[0].sessions[1].intervals"] == 12
    assert lines["weeks[0].sessions[0].repeats"] == 9


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'name = "caf\xe9"\n')
    with pytest.raises(ProblemsError) as caught:
        load_programme(latin)
    assert str(caught.value).endswith("latin.toml:1: is not UTF-8 text; save it as UTF-8")
    with pytest.raises(ProblemsError) as caught:
        load_programme(tmp_path)
    assert str(caught.value).endswith(": is a folder, not a programme file")


def test_unknown_programme_names_list_the_known_ones() -> None:
    with pytest.raises(ProblemsError) as caught:
        resolve_programme("couch")
    assert str(caught.value) == "couch: no programme with that name; known programmes: " \
        "build-to-30"


def test_a_users_programme_of_the_same_name_wins(isolated_home: Path) -> None:
    folder = isolated_home / ".config" / "warmup-tui" / "programmes"
    folder.mkdir(parents=True)
    (folder / "build-to-30.toml").write_text(GOOD, encoding="utf-8")
    programme = resolve_programme("build-to-30")
    assert (programme.name, programme.source) == ("Tiny", "user")


# ----- the bundled programme -------------------------------------------------------------


def test_bundled_programme_has_four_sessions_a_week_with_walks_either_side() -> None:
    programme = bundled()
    assert programme.sessions_per_week == 4
    assert all(len(week.sessions) == 4 for week in programme.weeks)
    assert all(week.note for week in programme.weeks)
    for session in programme.sessions():
        segments = session_segments(session)
        assert (segments[0].step, segments[0].duration) == ("Warmup walk", 300.0)
        assert (segments[-1].step, segments[-1].duration) == ("Cooldown walk", 300.0)


def test_bundled_programme_builds_to_thirty_minutes_without_a_break() -> None:
    sessions = bundled().sessions()
    first, last = sessions[0], sessions[-1]
    assert first.longest_run() <= 60
    assert [(part.kind, part.seconds) for part in last.pattern()] == [("run", 1800.0)]
    longest = [session.longest_run() for session in sessions]
    assert longest == sorted(longest), "the longest run should never shrink"
    # no step up is bigger than the last one of couch-to-5K's weeks (8 -> 20 minutes)
    jumps = [later - earlier for earlier, later in pairwise(longest)]
    assert max(jumps) <= 12 * 60


def test_every_bundled_session_is_a_sane_run_walk() -> None:
    for session in bundled().sessions():
        pattern = session.pattern()
        middle = sum(part.seconds for part in pattern)
        assert 15 * 60 <= middle <= 35 * 60, session.key
        assert pattern[0].kind == "run", session.key
        assert all(part.seconds >= 30 for part in pattern), session.key
        for before, after in pairwise(pattern):
            assert before.kind != after.kind, session.key
            # walks are for recovery: never longer than twice the run before them
            if after.kind == "walk":
                assert after.seconds <= 2 * before.seconds, session.key


def test_regular_sessions_expand_exactly_as_the_same_routine_would() -> None:
    regular = [s for s in bundled().sessions() if s.block is not None]
    assert len(regular) > 20
    for session in regular:
        block = session.block
        assert block is not None
        routine = Routine("x", runwalk=RunWalk(
            run=block.run, repeats=block.repeats, walk=block.walk, warmup=session.warmup,
            cooldown=session.cooldown, cadence=session.cadence, cues=session.cues))
        assert session_segments(session) == build_timeline(routine)


def test_the_example_in_the_format_guide_is_a_valid_programme() -> None:
    guide = (Path(__file__).resolve().parents[2] / "routines" / "PROGRAMMES.md").read_text()
    example = guide.split("```toml\n", 1)[1].split("```", 1)[0]
    programme = parse_programme(example, "PROGRAMMES.md")
    first, second, third = programme.sessions()
    assert first.summary() == "run 1m / walk 1m30s x 8"
    assert second.summary() == "run 3m, walk 1m30s, run 5m, walk 2m30s, run 3m"
    assert (third.summary(), third.warmup, third.cooldown) == ("run 20m", 300.0, 600.0)
