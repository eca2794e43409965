"""The runner's programme choices, kept in one small JSON file in the data folder.

The file holds only what the training log cannot know: which programme to follow when
``warmup program --use`` chose one (it wins over the ``training.programme`` setting), and,
per programme, the anchor set by ``--repeat-week`` or ``--skip-to``. Completed sessions
live in the log, never here. A damaged file is reported in one line and ignored, and
every save is atomic with a ``.bak`` of the previous version.

    {"version": 1, "use": "build-to-30",
     "anchors": {"build-to-30": {"session": "w3s1", "set_at": "2025-05-01T07:30:00+01:00",
                                 "reason": "repeat"}}}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from warmup_tui.common import paths
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.safe_write import write_atomic
from warmup_tui.common.user_file import exists, read_user_text
from warmup_tui.programme.progress import Anchor

STATE_VERSION = 1
STATE_NAME = "programme.json"


@dataclass(frozen=True)
class ProgrammeState:
    use: str | None = None
    anchors: dict[str, Anchor] = field(default_factory=dict)

    def with_use(self, ref: str) -> ProgrammeState:
        return replace(self, use=ref)

    def with_anchor(self, programme_id: str, anchor: Anchor) -> ProgrammeState:
        return replace(self, anchors={**self.anchors, programme_id: anchor})


def state_path() -> Path:
    return paths.data_dir() / STATE_NAME


_IGNORED = ("ignoring it: the programme follows the setting and the training log alone "
            "until the next save replaces it")


def load_state(path: Path | None = None) -> tuple[ProgrammeState, list[Problem]]:
    """The saved state, or an empty one with a problem saying why the file was ignored."""
    path = path or state_path()
    if not exists(path):
        return ProgrammeState(), []
    try:
        data = json.loads(read_user_text(path, "programme state file"))
        return _from_json(data), []
    except ProblemsError as error:
        problems = [replace(p, message=f"{p.message}; {_IGNORED}") for p in error.problems]
    except (ValueError, TypeError, KeyError) as error:
        problems = [Problem(display_path(path), f"is damaged ({error}); {_IGNORED}")]
    return ProgrammeState(), problems


def save_state(state: ProgrammeState, path: Path | None = None) -> None:
    write_atomic(path or state_path(), json.dumps(_to_json(state), indent=2) + "\n")


def _to_json(state: ProgrammeState) -> dict[str, Any]:
    return {
        "version": STATE_VERSION,
        "use": state.use,
        "anchors": {
            programme_id: {"session": anchor.session, "set_at": anchor.set_at.isoformat(),
                           "reason": anchor.reason}
            for programme_id, anchor in sorted(state.anchors.items())
        },
    }


def _from_json(data: Any) -> ProgrammeState:
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        raise ValueError("not a programme state file")
    use = data.get("use")
    if use is not None and not isinstance(use, str):
        raise ValueError("use must be text")
    anchors: dict[str, Anchor] = {}
    for programme_id, raw in dict(data.get("anchors") or {}).items():
        reason = raw["reason"]
        if reason not in ("repeat", "skip", "back") or not isinstance(raw["session"], str):
            raise ValueError("bad anchor")
        set_at = datetime.fromisoformat(raw["set_at"])
        if set_at.tzinfo is None:
            raise ValueError("anchor time without a time zone")
        anchors[str(programme_id)] = Anchor(raw["session"], set_at, reason)
    return ProgrammeState(use=use, anchors=anchors)
