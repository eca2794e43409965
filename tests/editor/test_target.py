"""Where saves go and what they check first: bundled copies, changed files, comments, .bak."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warmup_tui.common.paths import bundled_dir
from warmup_tui.common.problems import ProblemsError
from warmup_tui.routines.draft import RoutineDraft, check_draft
from warmup_tui.routines.files import has_comments, load_routine
from warmup_tui.routines.library import Library
from warmup_tui.routines.model import Routine
from warmup_tui.routines.save_target import check_file, check_new_id, target_for

BUNDLED = bundled_dir("routines")


@pytest.fixture
def library(user_routines: Path) -> Library:
    return Library(bundled=BUNDLED, user=user_routines)


def edited(routine: Routine, hold: str = "45s") -> Routine:
    draft = RoutineDraft.from_routine(routine)
    draft.set_field("steps[1].duration", hold)
    result = check_draft(draft).routine
    assert result is not None
    return result


def test_a_bundled_routine_is_saved_as_a_user_copy_and_never_written(
        library: Library, user_routines: Path) -> None:
    original = (BUNDLED / "pre-run.toml").read_bytes()
    path, source = library.locate("pre-run")
    assert source == "bundled"
    target = target_for(path, source, library.user)
    assert target.is_copy and target.path == user_routines / "pre-run.toml"
    assert target.conflict() is None and not target.comments_lost()
    target.save(edited(check_file(path, library)))
    assert (BUNDLED / "pre-run.toml").read_bytes() == original
    assert load_routine(target.path).routine.steps[1].duration == 45
    assert not target.backup.exists()  # nothing was there to keep
    # From now on the name finds the user's copy, which `warmup run` then uses.
    assert library.resolve("pre-run").source == "user"


def test_an_existing_copy_is_not_replaced_unasked(library: Library, user_routines: Path) -> None:
    shutil.copy(BUNDLED / "pre-run.toml", user_routines / "pre-run.toml")
    target = target_for(BUNDLED / "pre-run.toml", "bundled", library.user)
    assert target.conflict() == "Your own pre-run.toml already exists"


def test_a_file_changed_on_disk_is_a_conflict_until_saved_over(
        library: Library, user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    shutil.copy(BUNDLED / "pre-run.toml", path)
    target = target_for(*library.locate("mine"), library.user)
    assert target.conflict() is None
    path.write_text(path.read_text() + "\n# someone else was here\n")
    assert target.conflict() == "mine.toml changed on disk since you opened it"
    target.save(edited(check_file(path, library)))
    assert target.conflict() is None
    # The other version is what the .bak keeps.
    assert "someone else was here" in target.backup.read_text()
    path.unlink()
    assert target.conflict() is None  # nothing to overwrite


def test_comments_are_noticed_and_the_bak_keeps_them_across_saves(
        library: Library, user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    shutil.copy(BUNDLED / "pre-run.toml", path)
    hand_written = path.read_text()
    target = target_for(path, "user", library.user)
    assert target.comments_lost()
    routine = check_file(path, library)
    target.save(edited(routine, "40s"))
    assert not target.comments_lost()
    assert target.backup.read_text() == hand_written
    target.save(edited(routine, "50s"))
    # A second save from the same editor leaves the .bak with the hand-written file.
    assert target.backup.read_text() == hand_written
    assert has_comments(target.backup.read_text())
    assert load_routine(path).routine.steps[1].duration == 50


def test_saves_by_another_hand_in_between_go_to_the_bak(library: Library,
                                                         user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    shutil.copy(BUNDLED / "pre-run.toml", path)
    target = target_for(path, "user", library.user)
    routine = check_file(path, library)
    target.save(edited(routine, "40s"))
    path.write_text(path.read_text().replace('"40s"', '"41s"'))
    target.save(edited(routine, "50s"))
    assert '"41s"' in target.backup.read_text()


def test_a_verbatim_copy_keeps_the_bundled_comments(library: Library) -> None:
    target = target_for(BUNDLED / "pre-run.toml", "bundled", library.user)
    target.copy_source_verbatim()
    assert target.path.read_text() == (BUNDLED / "pre-run.toml").read_text()
    assert target.conflict() is None


def test_reload_reports_problems_with_file_lines(library: Library, user_routines: Path) -> None:
    path = user_routines / "mine.toml"
    path.write_text('name = "Mine"\n\n[[steps]]\nname = "a"\nduration = "soon"\n')
    target = target_for(path, "user", library.user)
    with pytest.raises(ProblemsError) as raised:
        target.reload(library)
    assert [str(p) for p in raised.value.problems] == \
        [f"{target.shown}:5: steps[0].duration: \"soon\" is not a duration; "
         'write it like "30s", "1m30s", "2m" or "1h"']
    path.write_text('name = "Mine"\n\n[[steps]]\nname = "a"\nduration = "20s"\n')
    assert target.reload(library).steps[0].duration == 20
    assert target.conflict() is None


def test_locate_finds_paths_and_names_and_says_what_is_missing(library: Library,
                                                                tmp_path: Path) -> None:
    loose = tmp_path / "loose.toml"
    loose.write_text("not toml at all [")
    assert library.locate(str(loose)) == (loose, "file")  # found even though it is broken
    with pytest.raises(ProblemsError, match="no routine with that name"):
        library.locate("nonesuch")
    with pytest.raises(ProblemsError, match="no such file"):
        library.locate(str(tmp_path / "gone.toml"))


@pytest.mark.parametrize("name", ["my-warmup", "a", "Run_2"])
def test_good_new_names(name: str) -> None:
    check_new_id(name)


@pytest.mark.parametrize("name", ["", "-x", "a b", "../escape", "x.toml", "é"])
def test_bad_new_names(name: str) -> None:
    with pytest.raises(ProblemsError, match="letters, digits"):
        check_new_id(name)


def test_the_editor_checks_a_file_exactly_as_validate_does(library: Library,
                                                            user_routines: Path) -> None:
    # A bad field and an unknown chain target: validate names both, each at its line.
    path = user_routines / "mine.toml"
    path.write_text('name = "Mine"\nthen = "nowhere"\n\n[[steps]]\nname = "a"\n'
                    'duration = "soon"\n')
    with pytest.raises(ProblemsError) as validated:
        library.resolve(str(path))
    with pytest.raises(ProblemsError) as checked:
        check_file(path, library)
    assert [str(p) for p in checked.value.problems] == \
        [str(p) for p in validated.value.problems]
    assert [p.line for p in checked.value.problems] == [2, 6]
    # A file that loads but chains nowhere: the chain's problem, at its line.
    path.write_text('name = "Mine"\nthen = "nowhere"\n\n[[steps]]\nname = "a"\n'
                    'duration = "5s"\n')
    with pytest.raises(ProblemsError) as checked:
        check_file(path, library)
    assert [p.line for p in checked.value.problems] == [2]
