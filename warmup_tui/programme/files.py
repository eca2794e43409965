"""Reading programme files: TOML checked key by key, every problem reported at once.

Problems read like routine problems ("FILE:LINE: weeks[2].sessions[0].run: ..."): the
same :class:`~warmup_tui.routines.schema.Checker` does the reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from warmup_tui.common import paths
from warmup_tui.common.checker import Checker
from warmup_tui.common.durations import DurationError, describe_duration, parse_duration
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.toml_lines import key_lines, parse_toml
from warmup_tui.common.user_file import names_a_file, read_user_text, toml_files
from warmup_tui.common.value_text import shown_value
from warmup_tui.engine.timeline import Interval, IntervalKind
from warmup_tui.programme.model import (
    DEFAULT_SESSIONS_PER_WEEK,
    FORMAT_VERSION,
    Block,
    Programme,
    ProgrammeSession,
    ProgrammeSource,
    Week,
)
from warmup_tui.routines.schema import CADENCE_RANGE, MAX_REPEATS, RUNWALK_KEYS

PROGRAMME_KEYS = ("format", "name", "description", "sessions_per_week",
                  "warmup", "cooldown", "cadence", "cues", "weeks")
WEEK_KEYS = ("note", "sessions")
SESSION_KEYS = (*RUNWALK_KEYS, "intervals")
MAX_WEEKS = 104
MAX_SESSIONS_PER_WEEK = 14
MAX_INTERVALS = 200
MAX_SESSION_SECONDS = 4 * 3600

_INTERVAL = re.compile(r"^\s*(run|walk)\s+(\S.*?)\s*$", re.IGNORECASE)
_CUES_EXAMPLE = '["Easy, conversational pace"]'


def bundled_programmes_dir() -> Path:
    return paths.bundled_dir("routines") / "programmes"


def user_programmes_dir() -> Path:
    return paths.config_dir() / "programmes"


def parse_programme(text: str, file: str, *, programme_id: str = "programme",
                    path: Path | None = None, source: ProgrammeSource = "file") -> Programme:
    """A programme from TOML text; raises :class:`ProblemsError` with every problem."""
    data = parse_toml(text, file)
    checker = Checker(file, key_lines(text))
    programme = build_programme(data, checker, programme_id)
    if programme is None:
        raise ProblemsError(checker.problems)
    return replace(programme, path=path, source=source)


def load_programme(path: Path, source: ProgrammeSource = "file") -> Programme:
    """Read and check one programme file."""
    path = Path(path)
    shown = display_path(path)
    text = read_user_text(path, "programme file")
    return parse_programme(text, shown, programme_id=path.stem, path=path, source=source)


def known_programmes() -> dict[str, tuple[ProgrammeSource, Path]]:
    """Programme ids to their files; a user file with a bundled file's id wins."""
    found: dict[str, tuple[ProgrammeSource, Path]] = {}
    folders: list[tuple[ProgrammeSource, Path]] = [
        ("bundled", bundled_programmes_dir()), ("user", user_programmes_dir()),
    ]
    for source, folder in folders:
        for file in toml_files(folder):
            found[file.stem] = (source, file)
    return found


def resolve_programme(ref: str) -> Programme:
    """A programme by id (the user's folder, then the bundled ones) or by path."""
    text = str(ref)
    if names_a_file(text):
        return load_programme(Path(text).expanduser())
    known = known_programmes()
    if text not in known:
        names = ", ".join(sorted(known)) or "none"
        raise ProblemsError([Problem(text, f"no programme with that name; known programmes: "
                                     f"{names}")])
    source, path = known[text]
    return load_programme(path, source)


# ----- checking -------------------------------------------------------------------------


def build_programme(data: dict[str, Any], checker: Checker,
                    programme_id: str) -> Programme | None:
    """The programme in ``data``, or None when any problem was found (all in ``checker``)."""
    checker.unknown_keys(data, PROGRAMME_KEYS, "")
    checker.format_version(data, FORMAT_VERSION, "programme")
    name = checker.text(data, "name", "name")
    if "name" not in data:
        checker.add("name", "missing; a programme needs a name")
    elif isinstance(data["name"], str) and not name.strip():
        checker.add("name", "must not be empty")
    description = checker.text(data, "description", "description")
    per_week = checker.whole(data, "sessions_per_week", "sessions_per_week",
                             1, MAX_SESSIONS_PER_WEEK) or DEFAULT_SESSIONS_PER_WEEK
    defaults = _Defaults(
        warmup=checker.duration(data, "warmup", "warmup", allow_zero=True) or 0.0,
        cooldown=checker.duration(data, "cooldown", "cooldown", allow_zero=True) or 0.0,
        cadence=checker.whole(data, "cadence", "cadence", *CADENCE_RANGE),
        cues=checker.text_list(data, "cues", "cues", _CUES_EXAMPLE),
    )
    weeks = _build_weeks(data, checker, per_week, defaults)
    if checker.problems:
        return None
    return Programme(id=programme_id, name=name, weeks=weeks, description=description,
                     sessions_per_week=per_week)


@dataclass(frozen=True)
class _Defaults:
    """Programme-wide values a session uses when it does not give its own."""

    warmup: float
    cooldown: float
    cadence: int | None
    cues: tuple[str, ...]


def _build_weeks(data: dict[str, Any], checker: Checker, per_week: int,
                 defaults: _Defaults) -> tuple[Week, ...]:
    raw = data.get("weeks")
    if raw is None:
        checker.add("", "a programme needs at least one [[weeks]] table")
        return ()
    if not isinstance(raw, list) or not raw:
        checker.add("weeks", "expected a list of [[weeks]] tables, each with [[weeks.sessions]]")
        return ()
    if len(raw) > MAX_WEEKS:
        checker.add("weeks", f"at most {MAX_WEEKS} weeks, got {len(raw)}")
        return ()
    weeks: list[Week] = []
    for index, item in enumerate(raw):
        path = f"weeks[{index}]"
        table = checker.table(item, path)
        if table is None:
            continue
        checker.unknown_keys(table, WEEK_KEYS, path)
        note = checker.text(table, "note", f"{path}.note")
        sessions = _build_sessions(table, path, index + 1, per_week, defaults, checker)
        weeks.append(Week(index + 1, sessions, note))
    return tuple(weeks)


def _build_sessions(table: dict[str, Any], path: str, week: int, per_week: int,
                    defaults: _Defaults, checker: Checker) -> tuple[ProgrammeSession, ...]:
    raw = table.get("sessions")
    if not isinstance(raw, list) or not raw:
        checker.add(path, f"week {week} needs at least one [[weeks.sessions]] table")
        return ()
    if len(raw) > per_week:
        checker.add(f"{path}.sessions", f"week {week} has {len(raw)} sessions but "
                    f"sessions_per_week is {per_week}")
    sessions = []
    for index, item in enumerate(raw):
        where = f"{path}.sessions[{index}]"
        session_table = checker.table(item, where)
        if session_table is not None:
            session = _build_session(session_table, where, week, index + 1, defaults, checker)
            if session is not None:
                sessions.append(session)
    return tuple(sessions)


def _build_session(data: dict[str, Any], path: str, week: int, number: int,
                   defaults: _Defaults, checker: Checker) -> ProgrammeSession | None:
    before = len(checker.problems)
    checker.unknown_keys(data, SESSION_KEYS, path)
    warmup = checker.duration(data, "warmup", f"{path}.warmup", allow_zero=True)
    cooldown = checker.duration(data, "cooldown", f"{path}.cooldown", allow_zero=True)
    cadence = checker.whole(data, "cadence", f"{path}.cadence", *CADENCE_RANGE)
    cues = checker.text_list(data, "cues", f"{path}.cues", _CUES_EXAMPLE) or defaults.cues
    warm = defaults.warmup if warmup is None else warmup
    cool = defaults.cooldown if cooldown is None else cooldown
    beat = defaults.cadence if cadence is None else cadence
    session = ProgrammeSession(week, number, warmup=warm, cooldown=cool, cadence=beat, cues=cues)
    regular = [key for key in ("run", "walk", "repeats") if key in data]
    if "intervals" in data and regular:
        checker.add(path, f"give either run/walk/repeats or intervals, not both "
                    f"(found {', '.join(regular)} and intervals)")
        return None
    if "intervals" in data:
        intervals = _intervals(data["intervals"], f"{path}.intervals", checker)
        session = replace(session, intervals=intervals)
    elif "run" not in data:
        checker.add(path, 'needs run and repeats (run = "2m", walk = "1m", repeats = 8) or '
                    'a list such as intervals = ["run 3m", "walk 90s", "run 5m"]')
    else:
        session = replace(session, block=_block(data, path, checker))
    if len(checker.problems) > before:
        return None
    if session.total_seconds() > MAX_SESSION_SECONDS:
        checker.add(path, f"lasts {describe_duration(session.total_seconds())}; a session "
                    f"should be under {MAX_SESSION_SECONDS // 3600} hours")
        return None
    return session


def _block(data: dict[str, Any], path: str, checker: Checker) -> Block | None:
    run = checker.duration(data, "run", f"{path}.run")
    walk = checker.duration(data, "walk", f"{path}.walk", allow_zero=True) or 0.0
    if "repeats" not in data:
        checker.add(path, "missing repeats (how many times to run and walk)")
    repeats = checker.whole(data, "repeats", f"{path}.repeats", 1, MAX_REPEATS)
    if run is None or repeats is None:
        return None
    if walk <= 0 and repeats > 1:
        checker.add(f"{path}.walk", f"with no walk the {repeats} runs join into one; "
                    f"write one run of {describe_duration(run * repeats)} instead")
        return None
    return Block(run=run, repeats=repeats, walk=walk)


def _intervals(raw: Any, path: str, checker: Checker) -> tuple[Interval, ...]:
    example = 'such as ["run 3m", "walk 90s", "run 5m"]'
    if not isinstance(raw, list) or not raw:
        checker.add(path, f"expected a non-empty list of intervals, {example}")
        return ()
    if len(raw) > MAX_INTERVALS:
        checker.add(path, f"at most {MAX_INTERVALS} intervals, got {len(raw)}")
        return ()
    out: list[Interval] = []
    for index, item in enumerate(raw):
        where = f"{path}[{index}]"
        match = _INTERVAL.match(item) if isinstance(item, str) else None
        if match is None:
            checker.add(where, 'expected "run DURATION" or "walk DURATION", '
                        f"got {shown_value(item)}")
            continue
        try:
            seconds = parse_duration(match.group(2))
        except DurationError as error:
            checker.add(where, str(error))
            continue
        if seconds <= 0:
            checker.add(where, f"must be more than zero seconds, got {shown_value(item)}")
            continue
        kind: IntervalKind = "run" if match.group(1).lower() == "run" else "walk"
        if not out and kind == "walk":
            checker.add(where, "start with a run; the warmup walk already comes before it")
        elif out and out[-1].kind == kind:
            checker.add(where, f"two {kind}s in a row; join them into one")
        out.append(Interval(kind, seconds))
    return tuple(out)
