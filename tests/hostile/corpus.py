"""A seeded generator of hostile routine, programme and config files.

Mutations of the bundled files (a value swapped for a huge, negative, wrongly typed or
oddly written one; control characters and escape sequences in text; truncation) plus the
classes of issue 11 (binary garbage, deep nesting, ``[`` in keys, duplicate and unknown
keys, huge ``sides`` x ``sets``). Same seed, same corpus: a failure names a case that can
be rebuilt with :func:`generate`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from warmup_tui.common.config import DEFAULT_CONFIG

REPO = Path(__file__).resolve().parents[2]
SEED = 11
Kind = Literal["routine", "programme", "config"]

ESCAPES = ("\\u001b]0;PWNED\\u0007", "\\u001b[2J", "\\u009b31m", "\\u001b]52;c;SGVsbG8=\\u0007",
           "a\\u0000b", "\\u202eevil")
NUMBERS = ("9" * 400, "-5", "0", "-0.0", "1e400", "nan", "inf", "-inf", "true", "1.0",
           "1_000", "0x7fffffff")
TEXTS = ('"1_000"', '"\u0661\u0660s"', '"\uff11\uff10s"', '"1e3"', '"1\u00a0m"', '"+5"',
         f'"{"9" * 400}s"', '"24h"', '""', '"   "')
WRONG_TYPES = ("[1, 2]", "{ a = 1 }", '["left"]', "1979-05-27")
_ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z_]+)(\s*=\s*)(.+?)\s*(#.*)?$")


@dataclass(frozen=True)
class Case:
    """One hostile file: what it is and its bytes."""

    name: str
    kind: Kind
    data: bytes


def generate(seed: int = SEED) -> list[Case]:
    """About sixty cases, the same ones for the same seed."""
    rng = random.Random(seed)
    sources: list[tuple[Kind, Path]] = [
        *(("routine", path) for path in sorted((REPO / "routines").glob("*.toml"))),
        ("programme", REPO / "routines" / "programmes" / "build-to-30.toml"),
    ]
    cases = [*_fixed_cases(), *_config_cases(rng)]
    for kind, path in sources:
        text = path.read_text(encoding="utf-8")
        for number in range(6):
            cases.append(_mutated(rng, kind, f"{path.stem}-{number}", text))
        cut = rng.randrange(1, len(text))
        cases.append(Case(f"{path.stem}-truncated", kind, text[:cut].encode()))
    return cases


def _mutated(rng: random.Random, kind: Kind, name: str, text: str) -> Case:
    """``text`` with the value of one randomly chosen ``key = value`` line replaced."""
    lines = text.splitlines()
    candidates = [i for i, line in enumerate(lines) if _ASSIGNMENT.match(line)]
    index = rng.choice(candidates)
    match = _ASSIGNMENT.match(lines[index])
    assert match is not None
    pool = rng.choice([NUMBERS, TEXTS, WRONG_TYPES, ESCAPES])
    value = rng.choice(pool)
    if pool is ESCAPES:
        value = f'"{value}"'
    lines[index] = f"{match.group(1)}{match.group(2)}{match.group(3)}{value}"
    return Case(f"{name}-{match.group(2)}", kind, "\n".join(lines).encode())


def _fixed_cases() -> list[Case]:
    step = '[[steps]]\nname = "Lift"\nduration = "1s"\n'
    sides = ", ".join(['"s"'] * 50_000)
    deep = "[" * 5000 + "]" * 5000
    return [
        Case("huge-sides-sets", "routine", (
            f'name = "Amp"\n[[steps]]\nname = "Lift"\nduration = 1\nsets = 100\n'
            f"sides = [{sides}]\n").encode()),
        Case("many-repeats", "routine",
             b'name = "R"\n[runwalk]\nrun = "12h"\nwalk = "12h"\nrepeats = 200\n'),
        Case("400-digit-rest", "routine", f'name = "R"\nrest = {"9" * 400}\n{step}'.encode()),
        Case("5000-digit-reps", "routine",
             f'name = "R"\n[[steps]]\nname = "A"\nreps = 1{"0" * 5000}\n'.encode()),
        Case("format-true", "routine", f'format = true\nname = "R"\n{step}'.encode()),
        Case("format-float", "programme",
             b'format = 1.0\nname = "P"\n[[weeks]]\n[[weeks.sessions]]\nrun = "1m"\nrepeats = 1\n'),
        Case("duplicate-key", "routine", f'name = "A"\nname = "B"\n{step}'.encode()),
        Case("unknown-keys", "routine", f'name = "A"\nspeed = 3\n{step}colour = "red"\n'.encode()),
        Case("bracket-key", "routine", f'name = "A"\n"[" = 1\n{step}'.encode()),
        Case("bracket-key-runwalk", "routine",
             b'name = "A"\n[runwalk]\nrun = "1s"\nrepeats = 1\n"\\u005b" = 1\n'),
        Case("deep-nesting", "routine", f'name = "A"\nx = {deep}\n{step}'.encode()),
        Case("escape-name", "routine",
             f'name = "\\u001b]0;PWNED\\u0007"\n{step}cue = "\\u009b2J"\n'.encode()),
        Case("binary-garbage", "routine", random.Random(SEED).randbytes(4000)),
        Case("nul-bytes", "programme", b"name = \"P\"\x00\x00\n[[weeks]]\n"),
        Case("empty", "routine", b""),
    ]


def _config_cases(rng: random.Random) -> list[Case]:
    cases = [
        Case("config-bracket-key", "config", b'[sound]\n"[" = 1\n'),
        Case("config-deep", "config", ("[sound]\nvolume = " + "[" * 5000 + "]" * 5000 + "\n")
             .encode()),
        Case("config-garbage", "config", random.Random(SEED + 1).randbytes(2000)),
    ]
    for number in range(5):
        case = _mutated(rng, "config", f"config-{number}", DEFAULT_CONFIG)
        cases.append(case)
    return cases
