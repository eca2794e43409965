"""Every hostile file of the seeded corpus, through the real ``warmup`` command.

Each case runs ``validate``, ``show`` and a headless run (for a programme: ``validate``,
``program --use`` and ``program --json``; for a config: ``list``, ``show`` and a run of a
one-second routine with that config in place) in a subprocess with a time limit and an
address-space limit. Every command must end in exit 0 or 2, print no traceback, and put
no raw control character on stdout or stderr. The commands of all cases run up front, two
at a time; each case's test then checks its own results.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile.corpus import Case, generate

REPO = Path(__file__).resolve().parents[2]
TIME_LIMIT = 20.0  # seconds per command; a hang is reported as one
MEMORY_LIMIT = 1 << 30  # address space: a run-away expansion fails instead of eating RAM
# C0 controls but tab and newline, DEL, and C1 controls: what a terminal would act on.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
SESSION = ("--plain", "--speed", "1000", "--mute", "--no-voice")
TINY = 'name = "Tiny"\n[[steps]]\nname = "Hold"\nduration = "1s"\n'
CASES = generate()


@dataclass(frozen=True)
class Outcome:
    command: str
    code: int | None  # None: still running at the time limit
    stdout: str
    stderr: str


def _commands(case: Case, file: str) -> list[list[str]]:
    if case.kind == "programme":
        return [["validate", file], ["program", "--use", file], ["program", "--json"]]
    if case.kind == "config":
        return [["list"], ["show", "pre-run"], ["run", "tiny.toml", *SESSION]]
    return [["validate", file], ["show", file], ["run", file, *SESSION]]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _run_case(case: Case, root: Path) -> list[Outcome]:
    home = root / case.name
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(HOME=str(home), PYTHONPATH=str(REPO), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_STATE_HOME=str(home / "state"))
    env.pop("PYTHONWARNINGS", None)
    (home / "config" / "warmup-tui").mkdir(parents=True)
    (home / "tiny.toml").write_text(TINY)
    file = "case.toml"
    if case.kind == "config":
        (home / "config" / "warmup-tui" / "config.toml").write_bytes(case.data)
    else:
        (home / file).write_bytes(case.data)
    outcomes: list[Outcome] = []
    for command in _commands(case, file):
        outcomes.append(_run(command, home, env))
        if outcomes[-1].code is None:  # one hang fails the case; waiting out more is no news
            break
    return outcomes


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> Outcome:
    shown = "warmup " + " ".join(command)
    try:
        done = subprocess.run([sys.executable, "-m", "warmup_tui", *command], cwd=cwd, env=env,
                              capture_output=True, timeout=TIME_LIMIT, preexec_fn=_limit_memory,
                              stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired:
        return Outcome(shown, None, "", "")
    decode = lambda raw: raw.decode("utf-8", errors="replace")  # noqa: E731
    return Outcome(shown, done.returncode, decode(done.stdout), decode(done.stderr))


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Outcome]]:
    root = tmp_path_factory.mktemp("corpus")
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(lambda case: _run_case(case, root), CASES)
        return {case.name: result for case, result in zip(CASES, results, strict=True)}


@pytest.mark.parametrize("case", [pytest.param(case, id=case.name) for case in CASES])
def test_hostile_file_is_handled(case: Case, outcomes: dict[str, list[Outcome]]) -> None:
    for outcome in outcomes[case.name]:
        where = f"{outcome.command} on case {case.name!r}"
        assert outcome.code is not None, f"{where}: still running after {TIME_LIMIT:g} s"
        assert outcome.code in (0, 2), f"{where}: exit {outcome.code}\n{outcome.stderr}"
        for name, text in (("stdout", outcome.stdout), ("stderr", outcome.stderr)):
            assert "Traceback" not in text, f"{where}: traceback on {name}\n{text}"
            control = CONTROL.search(text)
            assert control is None, f"{where}: raw {control.group()!r} on {name}"


def test_the_corpus_is_seeded_and_covers_every_kind() -> None:
    again = generate()
    assert [(case.name, case.data) for case in again] == [(c.name, c.data) for c in CASES]
    assert {case.kind for case in CASES} == {"routine", "programme", "config"}
    assert 50 <= len(CASES) <= 80
