"""`warmup new` and `warmup edit` from the shell, through the real command; and the new
user's path: their own warmup from pre-run, a changed hold and a new step, saved, run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from warmup_tui.common.paths import bundled_dir
from warmup_tui.routines.files import load_routine

from .conftest import PlanEditor
from .editor_app import SIZE, editor, editor_app, field, focus_list, type_into

REPO = Path(__file__).resolve().parents[2]


def warmup(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "warmup_tui", *args], capture_output=True,
                          text=True, env=env, timeout=60, check=False)


def test_new_from_a_bundled_routine(user_routines: Path) -> None:
    result = warmup("new", "my-warmup", "--from", "pre-run", "--no-edit")
    assert result.returncode == 0, result.stderr
    path = user_routines / "my-warmup.toml"
    assert result.stdout.strip() == f"Created {path}"
    routine = load_routine(path).routine
    bundled = load_routine(bundled_dir("routines") / "pre-run.toml").routine
    assert routine.name == "My warmup"
    assert routine.steps == bundled.steps and routine.then == bundled.then


def test_new_from_the_blank_template(user_routines: Path) -> None:
    result = warmup("new", "evening", "--no-edit")
    assert result.returncode == 0, result.stderr
    routine = load_routine(user_routines / "evening.toml").routine
    assert routine.name == "Evening"
    assert [(s.name, s.duration) for s in routine.steps] == [("First step", 30.0)]


def test_new_refuses_an_existing_name_and_a_bad_one(user_routines: Path) -> None:
    (user_routines / "mine.toml").write_text('name = "Mine"\n[[steps]]\nname = "a"\n'
                                             'duration = 5\n')
    result = warmup("new", "mine", "--no-edit")
    assert result.returncode == 2
    assert result.stderr.strip().endswith("already exists; open it with: warmup edit mine")
    result = warmup("new", "../outside", "--no-edit")
    assert result.returncode == 2
    assert "letters, digits" in result.stderr
    result = warmup("new", "x", "--from", "nonesuch", "--no-edit")
    assert result.returncode == 2 and "no routine with that name" in result.stderr
    assert sorted(p.name for p in user_routines.iterdir()) == ["mine.toml"]


def test_new_with_a_bundled_name_says_it_takes_its_place(user_routines: Path) -> None:
    # A blank routine would silently replace the bundled warmup: refused, with the way to
    # make your own version.
    result = warmup("new", "pre-run", "--no-edit")
    assert result.returncode == 2
    assert result.stderr.strip() == ("pre-run: is a bundled routine; to make your own "
                                     "version of it: warmup edit pre-run, or warmup new "
                                     "pre-run --from pre-run")
    assert list(user_routines.iterdir()) == []
    result = warmup("new", "pre-run", "--from", "pre-run", "--no-edit")
    assert result.returncode == 0
    assert "takes the place of the bundled one" in result.stderr
    listing = json.loads(warmup("list", "--json").stdout)
    assert {e["id"]: e["source"] for e in listing}["pre-run"] == "user"


def test_edit_of_an_unknown_routine_is_one_line(user_routines: Path) -> None:
    result = warmup("edit", "nonesuch")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no routine with that name" in result.stderr


async def test_a_new_user_makes_their_own_warmup_and_runs_it(user_routines: Path) -> None:
    """Done when: from pre-run, change a hold and add a step, save, and `warmup run` uses it."""
    assert warmup("new", "my-warmup", "--from", "pre-run", "--no-edit").returncode == 0
    app = editor_app(user_routines, "my-warmup")
    async with app.run_test(size=SIZE) as pilot:
        await focus_list(pilot)
        await pilot.press("down")  # Glute bridge
        await type_into(pilot, "step-duration", "45s")
        await focus_list(pilot)
        await pilot.press("end", "a")
        await type_into(pilot, "step-name", "Calf raise")
        await type_into(pilot, "step-duration", "20s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not editor(app).dirty
        assert field(app, "step-name").value == "Calf raise"
    result = warmup("run", "my-warmup", "--plain", "--speed", "1000", "--mute", "--no-voice")
    assert result.returncode == 0, result.stderr
    assert "Glute bridge" in result.stdout and "Calf raise" in result.stdout
    shown = json.loads(warmup("show", "my-warmup", "--json").stdout)
    steps = [(s["step"], s["duration"]) for s in shown["segments"] if s["kind"] == "exercise"]
    assert ("Glute bridge", 45.0) in steps
    assert steps[-1] == ("Calf raise", 20.0)


async def test_a_file_broken_by_hand_is_explained_not_lost(plan_editor: PlanEditor,
                                                           user_routines: Path) -> None:
    """Done when: a file broken by hand is explained, and nothing is thrown away."""
    assert warmup("new", "mine", "--from", "pre-run", "--no-edit").returncode == 0
    path = user_routines / "mine.toml"
    plan_editor('reps = 10=>reps = "ten"')
    result = subprocess.run(
        [sys.executable, "-m", "warmup_tui", "edit", "--external", "mine"], input="l\n",
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=60, check=False)
    assert result.returncode == 2
    assert "steps[2].reps: expected a whole number from 1 to 1000, got \"ten\"" in result.stderr
    assert 'reps = "ten"' in path.read_text()  # left exactly as written
    listed = {e["id"]: e for e in json.loads(warmup("list", "--json").stdout)}
    assert listed["mine"]["errors"] and "steps[2].reps" in listed["mine"]["errors"][0]
