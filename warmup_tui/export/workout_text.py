"""A workout as plain text in the syntax intervals.icu (and planners like it) read: a
line per step, "- NAME TIME", under a heading; the run-walk block under "Main set Nx".

    Week 2, session 3: run 90 s / walk 2 min × 6

    Warmup
    - Warmup walk 5m

    Main set 6x
    - Run 1m30s
    - Walk 2m

    Cooldown
    - Cooldown walk 5m

The text before a step's time is its cue there, so the names are kept to letters and
words: a digit or "%" in a name would be read as a time or a target.
"""

from __future__ import annotations

import re

from warmup_tui.common.durations import format_duration
from warmup_tui.export.workout_plan import Item, Repeat, Workout, WorkStep

_NOT_A_WORD = re.compile(r"[^A-Za-z ,:'-]+")
_SPACES = re.compile(r" {2,}")


def workout_text(workout: Workout, title: str) -> str:
    """The workout as text for pasting, headed by ``title``."""
    sections: list[list[str]] = [[title]]
    for heading, items in _sections(workout):
        lines = [heading]
        for item in items:
            if isinstance(item, Repeat):
                lines[0] = f"{heading} {item.times}x"
                lines.extend(_line(step) for step in item.steps)
            else:
                lines.append(_line(item))
        sections.append(lines)
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def _sections(workout: Workout) -> list[tuple[str, list[Item]]]:
    """Warmup, main set (a repeat is a section to itself), cooldown, in order."""
    out: list[tuple[str, list[Item]]] = []
    for item in workout.items:
        heading = _heading(item)
        if isinstance(item, Repeat) or not out or out[-1][0] != heading \
                or isinstance(out[-1][1][-1], Repeat):
            out.append((heading, [item]))
        else:
            out[-1][1].append(item)
    return out


def _heading(item: Item) -> str:
    if isinstance(item, WorkStep) and item.intensity == "warmup":
        return "Warmup"
    if isinstance(item, WorkStep) and item.intensity == "cooldown":
        return "Cooldown"
    return "Main set"


def _line(step: WorkStep) -> str:
    return f"- {cue_text(step.name)} {format_duration(step.seconds)}"


def cue_text(name: str) -> str:
    """``name`` as a cue the planner will not misread: "Monster walk, left: 10 reps"
    becomes "Monster walk, left: ten reps"."""
    spelled = re.sub(r"[0-9]+", lambda found: _number_word(int(found.group())), name)
    return _SPACES.sub(" ", _NOT_A_WORD.sub(" ", spelled)).strip(" ,:-") or "Step"


_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen", "twenty")


def _number_word(number: int) -> str:
    return _WORDS[number] if number < len(_WORDS) else "many"
