"""The app loads only what the home screen shows: nothing of a session (its screen, its
engine, sound), nothing of the routines (their model, schema and files, the library) or
the settings (both read on start-up's worker) and no command-line parser before home's
first frame, and nothing of the other commands (export, import, the doctor, the editor)
even once home has filled in; and a session's get-ready loads neither its summary nor
the stop question before its first frame.

The real app runs in a fresh interpreter (Textual's headless driver, the test's own XDG
folders), after the command-line modules a bare ``warmup`` goes through; its modules are
listed at the first frame (just before start-up's worker is made) and again once home
shows today's session.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from ..cli.conftest import warmup_env

# The app in a fresh interpreter, its modules listed at its first frame (just before
# start-up's worker is made) and again once DONE holds; the report goes to argv[1] as JSON.
LISTING = r"""
import asyncio, json, sys
IMPORTS
from warmup_tui.ui.app import WarmupApp

class Listed(WarmupApp):
    def _load_the_rest(self):
        self.at_first_frame = sorted(sys.modules)
        super()._load_the_rest()

async def main():
    app = APP
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(6000):  # a minute at most, for a loaded machine
            if DONE:
                break
            await pilot.pause(0.01)
        report = dict(first_frame=app.at_first_frame, settled=sorted(sys.modules),
                      filled=bool(getattr(app.screen, "today_label", None)),
                      shown=type(app.screen).__name__)
    with open(sys.argv[1], "w") as file:
        json.dump(report, file)

asyncio.run(main())
"""


def modules_listed(tmp_path: Path, imports: str, app: str, done: str) -> dict[str, Any]:
    """The report of LISTING with its IMPORTS, the APP it builds and when it is DONE."""
    script = LISTING.replace("IMPORTS", imports).replace("APP", app).replace("DONE", done)
    out = tmp_path / "modules.json"
    result = subprocess.run([sys.executable, "-c", script, str(out)], cwd=tmp_path,
                            env=warmup_env(), capture_output=True, text=True, timeout=120,
                            check=False)
    assert out.exists(), result.stderr
    report: dict[str, Any] = json.loads(out.read_text())
    return report


# Loaded with the first session (or its get-ready), never for home.
SESSION = ("warmup_tui.ui.screens.session", "warmup_tui.ui.screens.summary",
           "warmup_tui.engine.session", "warmup_tui.runs.sinks", "warmup_tui.audio",
           "simpleaudio")
# Read by start-up's worker once home's first frame is up: the list fills in after it.
ROUTINES = ("warmup_tui.routines", "warmup_tui.engine", "warmup_tui.runs", "tomli_w",
            "warmup_tui.common.config", "tomllib")
# A bare `warmup` parses nothing: no argparse, no command's options.
COMMAND_LINE = ("argparse", "warmup_tui.cli.parser", "warmup_tui.cli.commands_registry")
# Other commands and screens, loaded only when used.
ELSEWHERE = ("warmup_tui.export", "warmup_tui.activities", "warmup_tui.outdoors",
             "warmup_tui.runs.doctor", "warmup_tui.ui.screens.editor",
             "warmup_tui.ui.screens.history", "garmin_fit_sdk", "icalendar", "gpxpy",
             "fitdecode")


def loaded(names: list[str], packages: tuple[str, ...]) -> list[str]:
    return [name for name in names
            if any(name == package or name.startswith(package + ".") for package in packages)]


def test_home_loads_nothing_it_does_not_show(tmp_path: Path) -> None:
    report = modules_listed(
        tmp_path,
        # what a bare `warmup` loads first
        "import warmup_tui.cli.app_cmd, warmup_tui.cli.main",
        "Listed(mute=True)",
        'getattr(app.screen, "today_label", None)')  # home shows today's session
    assert report["filled"], "home never showed today's session"
    assert "warmup_tui.ui.screens.home" in report["first_frame"]  # the listing is real
    assert loaded(report["first_frame"], SESSION + ELSEWHERE + ROUTINES
                  + COMMAND_LINE) == []
    assert {"warmup_tui.routines.library",  # loaded after, as said
            "warmup_tui.common.config"} <= set(report["settled"])
    assert loaded(report["settled"], SESSION + ELSEWHERE) == []


# What a session needs only once it ends or is asked to stop.
AFTER_GET_READY = ("warmup_tui.ui.screens.summary", "warmup_tui.ui.screens.confirm",
                   "warmup_tui.coaching.guide", "warmup_tui.ui.screens.help",
                   "warmup_tui.runs.sound_status")
# Home, its offers and start-up's messages: a session from the shell never shows home,
# and start-up's worker begins only after the first frame.
HOME = ("warmup_tui.ui.screens.home", "warmup_tui.ui.home_offers", "warmup_tui.ui.messages",
        "warmup_tui.ui.start_up", "warmup_tui.ui.services")


def test_get_ready_loads_neither_summary_nor_stop_question_nor_home_before_its_first_frame(
        tmp_path: Path) -> None:
    report = modules_listed(
        tmp_path,
        "from warmup_tui.routines.library import Library\n"
        "from warmup_tui.runs.plan import planned_run",
        'Listed(mute=True, start_runs=[planned_run(Library().resolve("pre-run"))],'
        " ends_in_shell=True)",
        'hasattr(app, "at_first_frame")')
    assert report["shown"] == "SessionScreen"
    assert "warmup_tui.ui.screens.session" in report["first_frame"]  # the listing is real
    assert loaded(report["first_frame"], AFTER_GET_READY + HOME) == []


FROM_THE_SHELL = r"""
import gc, json, sys
from textual.app import App
from warmup_tui.cli.main import main
from warmup_tui.ui.app import WarmupApp

class Listed(WarmupApp):
    def _load_the_rest(self):
        self.at_first_frame = sorted(sys.modules)
        self.collecting = [gc.isenabled()]
        super()._load_the_rest()
        self.collecting.append(gc.isenabled())
        self.set_interval(0.01, self.until_the_chain_is_in)

    def until_the_chain_is_in(self):
        self.then = self.screen._then
        if self.then is not None:  # the last warmup step can name the run now
            self.exit(0)

    def run(self, **_options):  # headless: Textual's own driver, no terminal needed
        code = App.run(self, headless=True, size=(100, 30))
        with open(sys.argv[1], "w") as file:
            json.dump({"first_frame": self.at_first_frame, "then": self.then,
                       "collecting": self.collecting,
                       "settled": sorted(sys.modules)}, file)
        return code

import warmup_tui.ui.app
warmup_tui.ui.app.WarmupApp = Listed  # what `warmup run` opens
sys.exit(main(["run", "pre-run", "--mute"]))
"""

# What pre-run chains into: the programme, its state and the log, planned after the frame.
CHAIN = ("warmup_tui.programme", "warmup_tui.log", "warmup_tui.runs.today",
         "warmup_tui.runs.fixes", "sqlite3")


def test_warmup_run_pre_run_plans_its_chain_after_its_first_frame(tmp_path: Path) -> None:
    out = tmp_path / "modules.json"
    result = subprocess.run([sys.executable, "-c", FROM_THE_SHELL, str(out)], cwd=tmp_path,
                            env=warmup_env(), capture_output=True, text=True, timeout=120,
                            check=False)
    assert out.exists(), result.stderr
    report = json.loads(out.read_text())
    assert "warmup_tui.ui.screens.session" in report["first_frame"]  # the listing is real
    assert loaded(report["first_frame"], CHAIN + AFTER_GET_READY) == []
    assert report["then"] == "Build to 30, week 1, session 1"  # and the chain came
    assert {"warmup_tui.programme.state", "warmup_tui.runs.fixes"} <= set(report["settled"])
    # Garbage collection waits for the first frame, and only for it.
    assert report["collecting"] == [False, True]


# `warmup run FILE --mute` in a fresh interpreter, its modules listed one a line to argv[1]
# once the session's clock runs; nothing is imported for the report itself (json is one
# of the modules a test may look for).
SESSION_ONLY = r"""
import sys
from textual.app import App
from warmup_tui.cli.main import main
from warmup_tui.ui.app import WarmupApp

class Listed(WarmupApp):
    def _load_the_rest(self):
        super()._load_the_rest()
        self.set_interval(0.01, self.once_running)

    def once_running(self):
        worker = self.start_up_worker
        if worker is None or not worker.is_finished or not self.session_screens():
            return
        if self.screen.session.state != "idle":  # its clock runs: the session is settled
            self.settled = sorted(sys.modules)
            self.exit(0)

    def run(self, **_options):  # headless: Textual's own driver, no terminal needed
        code = App.run(self, headless=True, size=(100, 30))
        with open(sys.argv[1], "w") as file:
            file.write("\n".join(self.settled))
        return code

import warmup_tui.ui.app
warmup_tui.ui.app.WarmupApp = Listed  # what `warmup run` opens
sys.exit(main(["run", sys.argv[2], "--mute"]))
"""

# Home's today line, its advice and the programme: read only when home is shown, which a
# session from the shell never does (it ends the app).
HOME_ONLY = ("warmup_tui.ui.today", "warmup_tui.runs.today", "warmup_tui.runs.advice",
             "warmup_tui.coaching", "warmup_tui.programme", "warmup_tui.log.checkins",
             "warmup_tui.log.outside", "warmup_tui.ui.screens.confirm")


def test_a_session_from_the_shell_reads_nothing_of_home(tmp_path: Path) -> None:
    routine = tmp_path / "minute.toml"
    routine.write_text('format = 1\nname = "A minute"\nrest = "0s"\n\n'
                       '[[steps]]\nname = "Step"\nduration = "60s"\n')
    out = tmp_path / "modules.txt"
    result = subprocess.run([sys.executable, "-c", SESSION_ONLY, str(out), str(routine)],
                            cwd=tmp_path, env=warmup_env(), capture_output=True, text=True,
                            timeout=120, check=False)
    assert out.exists(), result.stderr
    settled = out.read_text().splitlines()
    assert "warmup_tui.engine.session" in settled  # the listing is real
    assert "warmup_tui.runs.resume" in settled  # the cut-off check was made
    assert loaded(settled, HOME_ONLY) == []
