"""Where routines come from: bundled, the user's folder (wins by file name), or a path."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmup_tui.common import paths
from warmup_tui.common.problems import ProblemsError
from warmup_tui.routines.library import Library


def routine_text(name: str, then: str | None = None, seconds: int = 30) -> str:
    chain = f'then = "{then}"\n' if then else ""
    return f'name = "{name}"\n{chain}[[steps]]\nname = "Hold"\nduration = {seconds}\n'


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    bundled.mkdir()
    user.mkdir()
    (bundled / "alpha.toml").write_text(routine_text("Alpha bundled"))
    (bundled / "beta.toml").write_text(routine_text("Beta", then="alpha"))
    return bundled, user


def test_the_bundled_routines_all_load_and_are_found_by_default() -> None:
    entries = Library().entries()
    ids = {entry.id for entry in entries}
    assert {"pre-run", "easy-run-walk"} <= ids
    assert all(entry.source == "bundled" for entry in entries)
    assert [str(p) for entry in entries for p in entry.problems] == []
    assert Library().bundled == paths.bundled_dir("routines")


def test_user_folder_defaults_to_xdg_config(isolated_home: Path) -> None:
    assert Library().user == isolated_home / ".config" / "warmup-tui" / "routines"


def test_bundled_pre_run_chains_into_the_programme() -> None:
    entry = Library().resolve("pre-run")
    assert entry.routine is not None and entry.routine.then == "programme"


def test_a_chain_to_the_programme_ends_the_chain_and_is_no_routine(
    folders: tuple[Path, Path],
) -> None:
    bundled, user = folders
    (user / "mine.toml").write_text(routine_text("Mine", then="alpha"))
    (user / "alpha.toml").write_text(routine_text("Alpha mine", then="programme"))
    library = Library(bundled, user)
    assert library.resolve("mine").problems == []
    assert library.resolve("alpha").problems == []


def test_a_user_file_overrides_the_bundled_one_of_the_same_name(
    folders: tuple[Path, Path],
) -> None:
    bundled, user = folders
    (user / "alpha.toml").write_text(routine_text("Alpha mine", seconds=45))
    library = Library(bundled, user)
    by_id = {entry.id: entry for entry in library.entries()}
    assert by_id["alpha"].source == "user"
    assert by_id["alpha"].routine is not None
    assert by_id["alpha"].routine.name == "Alpha mine"
    resolved = library.resolve("alpha")
    assert (resolved.source, resolved.path) == ("user", user / "alpha.toml")
    assert resolved.routine is not None and resolved.routine.steps[0].duration == 45


def test_a_broken_user_file_is_listed_with_its_error_and_hides_nothing(
    folders: tuple[Path, Path],
) -> None:
    bundled, user = folders
    (user / "mine.toml").write_text('name = "Mine"\n[[steps]]\nname = "a"\nreps = 0\n')
    (user / "good.toml").write_text(routine_text("Good"))
    (user / "latin1.toml").write_bytes(b'name = "caf\xe9"\n')
    entries = {entry.id: entry for entry in Library(bundled, user).entries()}
    assert set(entries) == {"alpha", "beta", "mine", "good", "latin1"}
    assert entries["mine"].routine is None
    assert [str(p) for p in entries["mine"].problems] == [
        "user/mine.toml:4: steps[0].reps: expected a whole number from 1 to 1000, got 0",
    ]
    assert [str(p) for p in entries["latin1"].problems] == [
        "user/latin1.toml:1: is not UTF-8 text; save it as UTF-8",
    ]
    assert all(entries[i].routine is not None for i in ("alpha", "beta", "good"))


def test_a_broken_user_override_is_what_resolve_reports(folders: tuple[Path, Path]) -> None:
    bundled, user = folders
    (user / "alpha.toml").write_text("name = \n")
    with pytest.raises(ProblemsError) as caught:
        Library(bundled, user).resolve("alpha")
    assert [str(p) for p in caught.value.problems] == [
        "user/alpha.toml:1: not valid TOML: Invalid value",
    ]


def test_entries_list_bundled_first_then_user_each_by_id(folders: tuple[Path, Path]) -> None:
    bundled, user = folders
    (user / "zed.toml").write_text(routine_text("Z"))
    (user / "aaa.toml").write_text(routine_text("A"))
    order = [(e.source, e.id) for e in Library(bundled, user).entries()]
    assert order == [("bundled", "alpha"), ("bundled", "beta"), ("user", "aaa"),
                     ("user", "zed")]


def test_resolve_by_path_and_by_id(folders: tuple[Path, Path], tmp_path: Path) -> None:
    bundled, user = folders
    loose = tmp_path / "elsewhere" / "loose.toml"
    loose.parent.mkdir()
    loose.write_text(routine_text("Loose"))
    library = Library(bundled, user)
    assert library.resolve("elsewhere/loose.toml").source == "file"
    assert library.resolve(str(loose)).id == "loose"
    assert library.resolve("bundled/alpha.toml").source == "bundled"
    assert library.resolve("beta").source == "bundled"


def test_a_folder_here_named_like_a_routine_does_not_hide_it(
        folders: tuple[Path, Path]) -> None:
    # The same rule as for programmes: only a file here is taken for a path.
    Path("alpha").mkdir()
    assert Library(*folders).resolve("alpha").source == "bundled"
    Path("beta").write_text(routine_text("Beta here"))
    assert Library(*folders).resolve("beta").routine.name == "Beta here"  # type: ignore[union-attr]


def test_resolve_an_unknown_id_names_the_known_ones(folders: tuple[Path, Path]) -> None:
    with pytest.raises(ProblemsError) as caught:
        Library(*folders).resolve("gamma")
    assert [str(p) for p in caught.value.problems] == [
        "gamma: no routine with that name; known routines: alpha, beta",
    ]


def test_chain_to_an_unknown_routine(folders: tuple[Path, Path]) -> None:
    bundled, user = folders
    (user / "mine.toml").write_text(routine_text("Mine", then="nowhere"))
    library = Library(bundled, user)
    expected = [
        'user/mine.toml:2: then: chains to "nowhere", which is not a known routine '
        '(alpha, beta, mine) nor "programme"',
    ]
    with pytest.raises(ProblemsError) as caught:
        library.resolve("mine")
    assert [str(p) for p in caught.value.problems] == expected
    listed = {e.id: e for e in library.entries()}["mine"]
    assert listed.routine is None
    assert [str(p) for p in listed.problems] == expected


def test_chain_cycle_a_b_a(folders: tuple[Path, Path]) -> None:
    bundled, user = folders
    (user / "a.toml").write_text(routine_text("A", then="b"))
    (user / "b.toml").write_text(routine_text("B", then="a"))
    library = Library(bundled, user)
    with pytest.raises(ProblemsError) as caught:
        library.resolve("a")
    assert [str(p) for p in caught.value.problems] == [
        "user/a.toml:2: then: chains in a loop: a -> b -> a",
    ]
    listed = {e.id: e for e in library.entries()}
    assert [str(p) for p in listed["b"].problems] == [
        "user/b.toml:2: then: chains in a loop: b -> a -> b",
    ]
    assert listed["alpha"].routine is not None


def test_chain_to_itself(folders: tuple[Path, Path]) -> None:
    bundled, user = folders
    (user / "loop.toml").write_text(routine_text("Loop", then="loop"))
    with pytest.raises(ProblemsError) as caught:
        Library(bundled, user).resolve("loop")
    assert [str(p) for p in caught.value.problems] == [
        "user/loop.toml:2: then: chains in a loop: loop -> loop",
    ]


def test_chain_to_a_broken_routine_says_how_to_find_out_more(
    folders: tuple[Path, Path],
) -> None:
    bundled, user = folders
    (user / "broken.toml").write_text('name = "B"\n')
    (user / "mine.toml").write_text(routine_text("Mine", then="broken"))
    with pytest.raises(ProblemsError) as caught:
        Library(bundled, user).resolve("mine")
    assert [str(p) for p in caught.value.problems] == [
        'user/mine.toml:2: then: chains to "broken", whose file has problems; '
        "run: warmup validate user/broken.toml",
    ]


def test_a_user_routine_may_chain_into_a_bundled_one(folders: tuple[Path, Path]) -> None:
    bundled, user = folders
    (user / "mine.toml").write_text(routine_text("Mine", then="beta"))
    entry = Library(bundled, user).resolve("mine")
    assert entry.routine is not None and entry.routine.then == "beta"


def test_missing_user_folder_is_no_problem(tmp_path: Path) -> None:
    bundled = tmp_path / "b"
    bundled.mkdir()
    (bundled / "x.toml").write_text(routine_text("X"))
    assert Library(bundled, tmp_path / "absent").ids() == ["x"]


def test_then_is_looked_up_as_an_id_not_beside_the_file(
    folders: tuple[Path, Path], tmp_path: Path
) -> None:
    # A run resolves `then` through the library, so validation must too: a sibling file
    # that is not in the library would pass the check and then fail to start.
    bundled, user = folders
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "first.toml").write_text(routine_text("First", then="second"))
    (loose / "second.toml").write_text(routine_text("Second"))
    with pytest.raises(ProblemsError) as caught:
        Library(bundled, user).resolve(loose / "first.toml")
    assert [p.message for p in caught.value.problems] == [
        'chains to "second", which is not a known routine (alpha, beta) nor "programme"',
    ]


def test_a_chain_is_checked_against_the_users_override_of_its_target(
    folders: tuple[Path, Path],
) -> None:
    bundled, user = folders
    (user / "alpha.toml").write_text(routine_text("Alpha mine", then="beta"))
    listed = {e.id: e for e in Library(bundled, user).entries()}
    # beta (bundled) -> alpha (the user's) -> beta: a loop that only exists with the override.
    assert [p.message for p in listed["beta"].problems] == [
        "chains in a loop: beta -> alpha -> beta",
    ]
