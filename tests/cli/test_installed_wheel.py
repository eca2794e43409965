"""The built wheel, installed for real (not editable) into a fresh venv, finds its data.

routines/ and sounds/ sit at the top of the repository and are mapped into the wheel;
this proves the mapping by running the installed ``warmup`` far from the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run(args: list[str | Path], *, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=timeout, check=False)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.mark.slow
def test_installed_wheel_finds_bundled_routines_and_sounds(tmp_path: Path) -> None:
    wheels, venv, elsewhere = tmp_path / "wheels", tmp_path / "venv", tmp_path / "elsewhere"
    elsewhere.mkdir()
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, REPO],
        cwd=tmp_path)
    (wheel,) = wheels.glob("warmup_tui-*.whl")
    run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    python = venv / "bin" / "python"
    run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel],
        cwd=tmp_path)

    # The test's own XDG folders, and nothing that could lead back to the checkout.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"

    listed = json.loads(run(["warmup", "list", "--json"], cwd=elsewhere, env=env).stdout)
    expected = {p.stem for p in (REPO / "routines").glob("*.toml")}
    assert {entry["id"] for entry in listed} == expected
    site = venv.resolve()
    for entry in listed:
        assert entry["errors"] == []
        assert entry["source"] == "bundled"
        assert Path(entry["path"]).resolve().is_relative_to(site), entry["path"]

    where = run([python, "-c", "import warmup_tui, warmup_tui.common.paths as p; "
                 "print(warmup_tui.__file__); print(p.bundled_dir('sounds'))"],
                cwd=elsewhere, env=env).stdout.splitlines()
    package, sounds = Path(where[0]), Path(where[1])
    assert package.resolve().is_relative_to(site)  # the installed copy, not the checkout
    assert sounds.resolve().is_relative_to(site)
    assert sorted(p.name for p in sounds.glob("*.wav")) == sorted(
        p.name for p in (REPO / "sounds").glob("*.wav")
    )
    assert sorted(p.name for p in sounds.glob("*.wav")) != []

    shown = json.loads(run(["warmup", "show", "pre-run", "--json"], cwd=elsewhere,
                           env=env).stdout)
    assert shown["source"] == "bundled" and shown["segments"]
