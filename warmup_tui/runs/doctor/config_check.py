"""The settings file: found or not, and each problem the app's own checker reports."""

from __future__ import annotations

from warmup_tui.common.config import config_path, load_settings
from warmup_tui.common.problems import display_path
from warmup_tui.common.terminal_text import shown
from warmup_tui.common.user_file import exists
from warmup_tui.runs.doctor.findings import Finding


def check_config() -> Finding:
    path = config_path()
    where = display_path(path)
    if not exists(path):
        return Finding("config", True,
                       (f"no settings file yet ({where}); the defaults apply, and the app "
                        "writes a commented one on its first start",),
                       {"path": str(path), "exists": False, "problems": []})
    # create=False: the doctor only reads; the checker is the one the app uses.
    _, problems = load_settings(path, create=False)
    texts = [str(problem) for problem in problems]
    if not texts:
        return Finding("config", True, (f"the settings file {where} is fine",),
                       {"path": str(path), "exists": True, "problems": []})
    lines = (f"the settings file {where} has {_count(len(texts))}; each bad value's "
             "default is used until you fix it:", *(f"  {shown(text)}" for text in texts))
    return Finding("config", False, lines,
                   {"path": str(path), "exists": True, "problems": texts})


def _count(number: int) -> str:
    return "1 problem" if number == 1 else f"{number} problems"
