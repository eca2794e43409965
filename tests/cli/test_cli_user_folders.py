"""Where the real ``warmup`` command keeps the user's files when the environment is odd:
a relative XDG_* folder is ignored (the XDG spec says so) and HOME stands in; with HOME
unset, the XDG_* folders still decide."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import REPO, warmup_env

ROUTINE = 'name = "Quick"\n[[steps]]\nname = "Stand"\nduration = "2s"\n'


def run_quick(work: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    (work / "quick.toml").write_text(ROUTINE, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "warmup_tui", "run", "quick.toml", "--plain", "--speed",
         "1000", "--mute"], cwd=work, env=env, capture_output=True, text=True, timeout=30,
        check=False)


def test_relative_xdg_folders_are_ignored_for_the_home_folder(work: Path,
                                                               isolated_home: Path) -> None:
    env = {**warmup_env(), "XDG_CONFIG_HOME": "rel-config", "XDG_DATA_HOME": "rel-data",
           "XDG_CACHE_HOME": "rel-cache", "PYTHONPATH": str(REPO)}
    result = run_quick(work, env)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in work.iterdir()) == ["quick.toml"]
    assert (isolated_home / ".config" / "warmup-tui" / "config.toml").is_file()
    logs = list((isolated_home / ".local" / "share" / "warmup-tui").iterdir())
    assert logs, "the training log belongs in ~/.local/share/warmup-tui"


def test_without_home_the_xdg_folders_still_decide(work: Path, isolated_home: Path) -> None:
    env = warmup_env()
    del env["HOME"]
    result = run_quick(work, env)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in work.iterdir()) == ["quick.toml"]
    assert (isolated_home / ".config" / "warmup-tui" / "config.toml").is_file()
