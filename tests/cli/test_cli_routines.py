"""``warmup list``, ``show`` and ``validate`` through a real subprocess."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from warmup_tui.common.durations import format_clock

REPO = Path(__file__).resolve().parents[2]
Warmup = Callable[..., subprocess.CompletedProcess[str]]

BROKEN = 'name = "Mine"\n[[steps]]\nname = "Lift"\nreps = 0\nsides = "left"\n'
BROKEN_LINES = [
    "mine.toml:4: steps[0].reps: expected a whole number from 1 to 1000, got 0",
    'mine.toml:5: steps[0].sides: expected a non-empty list of text, such as ["left", "right"]',
]
KINDS = {"exercise", "rest", "switch", "walk", "run"}


def bundled_ids() -> set[str]:
    return {p.stem for p in (REPO / "routines").glob("*.toml")}


def test_list_shows_every_bundled_routine(warmup: Warmup) -> None:
    result = warmup("list")
    assert (result.returncode, result.stderr) == (0, "")
    rows = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert set(rows) == bundled_ids()
    assert re.match(r"pre-run\s+bundled\s+\d+:\d\d\s+Pre-run warmup: ", rows["pre-run"])


def test_list_json(warmup: Warmup) -> None:
    result = warmup("list", "--json")
    assert result.returncode == 0
    entries = json.loads(result.stdout)
    assert {e["id"] for e in entries} == bundled_ids()
    for entry in entries:
        assert set(entry) >= {"id", "source", "path", "name", "total_seconds", "description",
                              "errors"}
        assert entry["source"] == "bundled"
        assert entry["errors"] == []
        assert entry["total_seconds"] > 0


def test_list_includes_a_broken_user_file_with_its_error(
    warmup: Warmup, user_routines: Path
) -> None:
    (user_routines / "mine.toml").write_bytes(b'name = "caf\xe9"\n')
    (user_routines / "pre-run.toml").write_text(
        'name = "My warmup"\n[[steps]]\nname = "Jog"\nduration = "2m"\n'
    )
    text = warmup("list")
    assert text.returncode == 0
    rows = {line.split()[0]: line for line in text.stdout.splitlines()}
    assert set(rows) == bundled_ids() | {"mine"}
    assert re.match(r"mine\s+user\s+--\s+! .*mine\.toml:1: is not UTF-8 text; save it as UTF-8$",
                    rows["mine"])
    assert re.match(r"pre-run\s+user\s+2:00\s+My warmup", rows["pre-run"])
    entries = {e["id"]: e for e in json.loads(warmup("list", "--json").stdout)}
    assert entries["mine"]["source"] == "user"
    assert entries["mine"]["name"] is None
    assert len(entries["mine"]["errors"]) == 1
    assert entries["mine"]["errors"][0].endswith("mine.toml:1: is not UTF-8 text; save it as UTF-8")
    assert (entries["pre-run"]["source"], entries["pre-run"]["total_seconds"]) == ("user", 120)
    assert entries["easy-run-walk"]["errors"] == []


def test_show_json_schema(warmup: Warmup) -> None:
    result = warmup("show", "pre-run", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert {"name", "source", "total_seconds", "segments"} <= set(data)
    assert (data["name"], data["source"]) == ("Pre-run warmup", "bundled")
    segments = data["segments"]
    assert [s["index"] for s in segments] == list(range(len(segments)))
    for s in segments:
        assert {"index", "step", "kind", "side", "duration", "reps", "cue"} <= set(s)
        assert s["kind"] in KINDS
        assert isinstance(s["duration"], (int, float)) and s["duration"] > 0
        assert s["side"] is None or isinstance(s["side"], str)
        assert s["reps"] is None or (isinstance(s["reps"], int) and s["kind"] == "exercise")
    assert data["total_seconds"] == sum(s["duration"] for s in segments)
    sided = [s for s in segments if s["step"] == "Hip flexor stretch"]
    assert [(s["kind"], s["side"]) for s in sided] == [
        ("exercise", "left"), ("switch", "right"), ("exercise", "right"),
    ]
    bridge = next(s for s in segments if s["step"] == "Glute bridge")
    assert (bridge["side"], bridge["reps"], bridge["duration"]) == (None, None, 30)
    lifts = [s for s in segments if s["step"] == "Side leg lift" and s["kind"] == "exercise"]
    assert [(s["side"], s["reps"]) for s in lifts] == [("left", 10), ("right", 10)]
    assert segments[-1]["kind"] != "rest"


def test_show_table_matches_the_json(warmup: Warmup) -> None:
    data = json.loads(warmup("show", "easy-run-walk", "--json").stdout)
    result = warmup("show", "easy-run-walk")
    assert (result.returncode, result.stderr) == (0, "")
    rows = [line.split() for line in result.stdout.splitlines()
            if re.match(r"^\s*\d+\s", line)]
    assert [(int(r[0]) - 1, r[1], r[2]) for r in rows] == [
        (s["index"], s["kind"], format_clock(s["duration"])) for s in data["segments"]
    ]
    total = format_clock(data["total_seconds"])
    assert f"Total {total} in {len(rows)} segments" in result.stdout


def test_show_a_path_and_a_missing_routine(warmup: Warmup, work: Path) -> None:
    (work / "mine.toml").write_text('name = "Mine"\n[[steps]]\nname = "A"\nduration = 5\n')
    shown = json.loads(warmup("show", "mine.toml", "--json").stdout)
    assert (shown["name"], shown["source"], shown["total_seconds"]) == ("Mine", "file", 5)
    missing = warmup("show", "nothing-here")
    assert missing.returncode == 2
    assert missing.stdout == ""
    assert missing.stderr.startswith("nothing-here: no routine with that name; known routines: ")


def test_show_counts_a_single_segment_in_the_singular(warmup: Warmup, work: Path) -> None:
    (work / "one.toml").write_text('name = "One"\n[[steps]]\nname = "A"\nduration = 5\n')
    assert "Total 0:05 in 1 segment\n" in warmup("show", "one.toml").stdout


def test_validate_good_files_exits_0(warmup: Warmup) -> None:
    files = sorted(str(p) for p in (REPO / "routines").glob("*.toml"))
    result = warmup("validate", "pre-run", *files)
    assert (result.returncode, result.stderr) == (0, "")
    assert len(result.stdout.splitlines()) == len(files) + 1
    assert all(line.endswith(": ok") for line in result.stdout.splitlines())


def test_validate_bad_file_exits_2_with_one_line_per_problem(
    warmup: Warmup, work: Path
) -> None:
    (work / "mine.toml").write_text(BROKEN)
    (work / "empty.toml").write_text("")
    result = warmup("validate", "mine.toml", "pre-run", "empty.toml")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        *BROKEN_LINES, "empty.toml: is empty; a routine needs at least a name and steps",
    ]
    assert result.stdout.splitlines() == [f"{REPO / 'routines' / 'pre-run.toml'}: ok"]


def test_validate_reports_an_unknown_chain_with_the_files_other_problems(
        warmup: Warmup, work: Path) -> None:
    (work / "both.toml").write_text('name = "Both"\nthen = "zzz"\n\n[[steps]]\nname = "a"\n'
                                    'duration = "soon"\n')
    result = warmup("validate", "both.toml")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith('both.toml:2: then: chains to "zzz", which is not a known '
                               "routine (")
    assert lines[1].startswith("both.toml:6: steps[0].duration: ")


BAD_FILES: dict[str, bytes | None] = {
    "syntax.toml": b'name = "x"\n[[steps]\n',
    "latin1.toml": b'name = "caf\xe9"\n',
    "empty.toml": b"",
    "binary.toml": bytes(range(256)),
    "schema.toml": BROKEN.encode(),
    "loop.toml": b'name = "L"\nthen = "loop"\n[[steps]]\nname = "a"\nduration = 1\n',
    "unknown-chain.toml": b'name = "U"\nthen = "zzz"\n[[steps]]\nname = "a"\nduration = 1\n',
    "folder.toml": None,  # a directory
}


@pytest.fixture
def bad_refs(work: Path) -> list[str]:
    for name, content in BAD_FILES.items():
        if content is None:
            (work / name).mkdir()
        else:
            (work / name).write_bytes(content)
    return [*BAD_FILES, "missing.toml", "no-such-routine", "/dev/null"]


def test_validate_reports_every_bad_input_at_once(warmup: Warmup, bad_refs: list[str]) -> None:
    result = warmup("validate", *bad_refs)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    named = [next(ref for ref in bad_refs if line.startswith(ref.removesuffix(".toml")))
             for line in result.stderr.splitlines()]
    # One line or more per input, in the order given, and nothing else.
    assert sorted(set(named), key=bad_refs.index) == bad_refs
    assert named == sorted(named, key=bad_refs.index)
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["show"], ["run", "--json", "--mute"]])
def test_no_traceback_for_any_bad_input(
    warmup: Warmup, bad_refs: list[str], command: list[str]
) -> None:
    # Each input on its own, in parallel to keep the suite quick.
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda ref: warmup(*command, ref), bad_refs))
    for ref, result in zip(bad_refs, results, strict=True):
        lines = result.stderr.splitlines()
        assert result.returncode == 2, (ref, result.stderr)
        assert lines, ref
        assert "Traceback" not in result.stderr, (ref, result.stderr)
        # Every line names the file (or routine) it is about.
        assert all(line.startswith(ref.removesuffix(".toml")) for line in lines), (ref, lines)
        assert result.stdout == "", (ref, result.stdout)


def test_bad_options_get_usage_not_a_traceback(warmup: Warmup) -> None:
    for args in (["run", "pre-run", "--json", "--speed", "fast"],
                 ["run", "pre-run", "--json", "--speed", "0"], ["show"], ["frobnicate"],
                 ["list", "--bogus"]):
        result = warmup(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines()[-1].startswith("warmup"), result.stderr


def test_a_user_routines_path_that_is_a_file_breaks_nothing(
    warmup: Warmup, isolated_home: Path
) -> None:
    config = isolated_home / ".config" / "warmup-tui"
    config.mkdir(parents=True)
    (config / "routines").write_text("not a folder")
    result = warmup("list")
    assert (result.returncode, result.stderr) == (0, "")
    assert {line.split()[0] for line in result.stdout.splitlines()} == bundled_ids()
