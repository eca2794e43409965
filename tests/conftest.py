"""Shared fixtures: every test gets its own config, data and cache folders."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_terminal import TmuxServer

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def no_terminal_input() -> Iterator[None]:
    """Commands the tests start never read the terminal pytest was started from: a
    headless ``warmup today`` on a terminal would wait there for Enter."""
    if not os.isatty(0):
        yield
        return
    kept = os.dup(0)
    nothing = os.open(os.devnull, os.O_RDONLY)
    os.dup2(nothing, 0)
    os.close(nothing)
    try:
        yield
    finally:
        os.dup2(kept, 0)
        os.close(kept)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG folders at a temporary home so no test reads or writes the real user's files."""
    home = tmp_path / "home"
    for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        folder = home / sub
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("HOME", str(home))
    # Piper (the voice extra) would speak in every test that makes a voice, slowly and in
    # other words than espeak-ng's; the tests that want it set WARMUP_PIPER themselves.
    monkeypatch.setenv("WARMUP_PIPER", "")
    return home


@pytest.fixture
def user_routines(isolated_home: Path) -> Path:
    """The user's routines folder inside the isolated home."""
    folder = isolated_home / ".config" / "warmup-tui" / "routines"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def tmux(isolated_home: Path) -> Iterator[TmuxServer]:
    """A private tmux server for driving the app in a real terminal; every pane opened on
    it is closed, by name, when the test ends."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    server = TmuxServer()
    yield server
    server.close_all()
