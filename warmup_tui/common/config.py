"""The user's settings: a commented TOML file in the config folder, checked like routines.

A bad file never stops the app: each bad value is reported in one line and its default
is used instead; good values in the same file still apply.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from warmup_tui.common import paths
from warmup_tui.common.checker import Checker
from warmup_tui.common.durations import DurationError, format_duration, parse_duration
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.safe_write import write_new
from warmup_tui.common.toml_lines import key_lines, parse_toml
from warmup_tui.common.user_file import exists, read_user_text
from warmup_tui.common.value_text import shown_value


@dataclass(frozen=True)
class SoundSettings:
    volume: float = 0.8
    mute: bool = False
    pips: bool = True
    halfway: bool = True
    reps: bool = True
    metronome: bool = False
    wake: float = 0.0
    """Seconds of near-silence played before a cue that follows silence (0: none)."""


@dataclass(frozen=True)
class VoiceSettings:
    enabled: bool = True
    engine: str = "auto"
    voice: str = "en"
    rate: int = 165


@dataclass(frozen=True)
class TrainingSettings:
    weekly_goal: int = 4
    cadence: int = 170
    programme: str = "build-to-30"
    units: str = "km"
    warmup: str = "pre-run"
    min_run_minutes: int = 5
    after_run: str = "after-run"
    """The routine offered at the end of a run; empty: none."""


@dataclass(frozen=True)
class CoachingSettings:
    """Pain-monitoring limits on the 0-10 scale (Silbernagel et al. 2007); see
    DEFAULT_CONFIG for what each one means and warmup_tui/coaching/rules.py for their use."""

    progress_up_to: int = 2
    hold_up_to: int = 5
    morning_up_to: int = 2
    rising_runs: int = 3
    rest_days: int = 2


@dataclass(frozen=True)
class Settings:
    sound: SoundSettings = field(default_factory=SoundSettings)
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    training: TrainingSettings = field(default_factory=TrainingSettings)
    coaching: CoachingSettings = field(default_factory=CoachingSettings)


DEFAULT_CONFIG = """\
# warmup-tui settings. Delete a line to go back to its default.
# The app checks this file on start; a bad value is reported and its default used.

[sound]
volume = 0.8        # 0.0 (silent) to 1.0 (full)
mute = false        # true: no sound at all (the m key toggles it during a session)
pips = true         # 3-2-1 pips before each change
halfway = true      # a cue halfway through long holds and runs
reps = true         # a soft tick on each paced rep
metronome = false   # cadence clicks during run intervals (c toggles it)
wake = "0s"         # Bluetooth headphones that miss a cue's start: try "0.3s" (up to "2s")

[voice]
enabled = true      # speak each step's name when a speech engine is installed
engine = "auto"     # auto, piper, espeak, say or none; auto: the first one installed
voice = "en"        # espeak-ng voice name (espeak-ng --voices lists them)
rate = 165          # words per minute, 80 to 400

[training]
weekly_goal = 4     # runs a week that count as meeting the goal
cadence = 170       # metronome steps per minute, 120 to 220
programme = "build-to-30"   # the programme `warmup today` follows, by name or path
units = "km"        # distances and paces in history: "km" or "mi"
warmup = "pre-run"  # the routine `warmup today` runs before the run, by name or path
min_run_minutes = 5 # a session without a programme counts as a run from this much running
after_run = "after-run"     # the routine offered when a run ends (calf care); "" offers none

[coaching]
# How calf soreness steers the plan, on a 0-10 scale (0 none, 10 the worst you can imagine).
# From the pain-monitoring model of Silbernagel et al. 2007 (Am J Sports Med 35:897-906):
# pain during a run may reach 5 if it has settled by the next morning and does not grow
# from week to week.
progress_up_to = 2  # calves during the run up to this, settled next morning: go on
hold_up_to = 5      # up to this, settled next morning: repeat the level; above: ease back
morning_up_to = 2   # next morning up to this counts as settled; above it: ease back
rising_runs = 3     # scores rising over this many runs in a row: ease back
rest_days = 2       # rest days to take before easing back a week
"""

_BOUNDS: dict[str, tuple[float, float]] = {
    "sound.volume": (0.0, 1.0),
    "voice.rate": (80, 400),
    "training.weekly_goal": (1, 14),
    "training.cadence": (120, 220),
    "coaching.progress_up_to": (0, 10),
    "coaching.hold_up_to": (0, 10),
    "coaching.morning_up_to": (0, 10),
    "coaching.rising_runs": (2, 10),
    "coaching.rest_days": (0, 7),
    "training.min_run_minutes": (0, 180),
}
# Settings written as a duration ("0.3s"), with their bounds in seconds.
_DURATION_BOUNDS: dict[str, tuple[float, float]] = {"sound.wake": (0.0, 2.0)}
ENGINE_CHOICES = ("auto", "piper", "espeak", "say", "none")
# Text settings that take one of a few words.
_CHOICES: dict[str, tuple[str, ...]] = {"training.units": ("km", "mi"),
                                        "voice.engine": ENGINE_CHOICES}
# Text settings where an empty string means "none".
_MAY_BE_EMPTY = ("training.after_run",)


def _one_of(choices: tuple[str, ...]) -> str:
    if len(choices) == 2:
        return " or ".join(map(repr, choices))
    return "one of " + ", ".join(choices)


def config_path() -> Path:
    return paths.config_dir() / "config.toml"


def load_settings(
    path: Path | None = None, *, create: bool = True
) -> tuple[Settings, list[Problem]]:
    """Settings from the config file, creating a commented default one when there is none."""
    path = path or config_path()
    defaults = Settings()
    if not exists(path):  # a link counts, even a broken one: it is never replaced
        if create:
            with contextlib.suppress(OSError):  # a read-only home still gets the defaults
                write_new(path, DEFAULT_CONFIG)
        return defaults, []
    shown = display_path(path)
    try:
        text = read_user_text(path, "settings file")
        data = parse_toml(text, shown)
    except ProblemsError as error:
        # The same FILE:LINE form as a broken routine, plus what happens next.
        return defaults, [replace(p, message=f"{p.message}; using default settings")
                          for p in error.problems]
    checker = Checker(shown, key_lines(text))
    checker.unknown_keys(data, ("sound", "voice", "training", "coaching"), "")
    sections = {
        "sound": defaults.sound, "voice": defaults.voice, "training": defaults.training,
        "coaching": defaults.coaching,
    }
    built = {name: _section(data.get(name), name, base, checker)
             for name, base in sections.items()}
    return Settings(**built), checker.problems


def _section(raw: Any, name: str, base: Any, checker: Checker) -> Any:
    if raw is None:
        return base
    if not isinstance(raw, dict):
        checker.add(name, "expected a [table]; using defaults for it")
        return base
    allowed = tuple(base.__dataclass_fields__)
    checker.unknown_keys(raw, allowed, name)
    changes: dict[str, Any] = {}
    for key in allowed:
        if key not in raw:
            continue
        path = f"{name}.{key}"
        value = _checked(raw[key], getattr(base, key), path, checker)
        if value is not None:
            changes[key] = value
    return replace(base, **changes)


def _checked(value: Any, default: Any, path: str, checker: Checker) -> Any:
    if path in _DURATION_BOUNDS:
        return _checked_duration(value, default, path, checker)
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        checker.add(path, f"expected true or false, got {shown_value(value)}; "
                    f"using {shown_value(default)}")
        return None
    if isinstance(default, int | float):
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        whole = isinstance(default, int)
        if not numeric or (whole and not isinstance(value, int)):
            kind = "a whole number" if whole else "a number"
            checker.add(path, f"expected {kind}, got {shown_value(value)}; using {default}")
            return None
        low, high = _BOUNDS.get(path, (float("-inf"), float("inf")))
        if not low <= value <= high:
            checker.add(path, f"expected {low:g} to {high:g}, got {shown_value(value)}; "
                        f"using {default}")
            return None
        return float(value) if not whole else value
    choices = _CHOICES.get(path)
    if choices is not None:
        if value in choices:
            return value
        checker.add(path, f"expected {_one_of(choices)}, got {shown_value(value)}; "
                    f"using {default!r}")
        return None
    if isinstance(value, str) and (value.strip() or path in _MAY_BE_EMPTY):
        return value
    checker.add(path, f"expected text, got {shown_value(value)}; using {default!r}")
    return None


def _checked_duration(value: Any, default: float, path: str, checker: Checker) -> float | None:
    low, high = _DURATION_BOUNDS[path]
    try:
        seconds = parse_duration(value)
    except DurationError as error:
        checker.add(path, f"{error}; using {format_duration(default)}")
        return None
    if not low <= seconds <= high:
        checker.add(path, f"expected {format_duration(low)} to {format_duration(high)}, "
                    f"got {shown_value(value)}; using {format_duration(default)}")
        return None
    return seconds
