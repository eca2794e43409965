"""A tiny block-letter font: digits, ':' and capitals drawn on a grid 5 pixels tall.

Written here rather than taken from a library: a figlet-style package brings hundreds of
fonts we would not use, and none scales by whole terminal cells to fill the space a
screen has. Thirty-odd bitmaps are easier to read and test than a dependency.

Pure functions only (no Textual), so the layout and the choice of size are tested alone.
A pixel is ``#`` in a bitmap; it is drawn as full blocks (``█``) ``x`` cells wide and
``y`` cells tall, or, for words, as half blocks so a letter takes three rows.
"""

from __future__ import annotations

from dataclasses import dataclass

HEIGHT = 5
"""Pixel rows of every glyph."""
GAP = 1
"""Blank pixel columns between two glyphs."""

_DIGITS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
}

# M, N and W are wider: squeezed into three columns they read as H.
_LETTERS: dict[str, tuple[str, ...]] = {
    "A": (".#.", "#.#", "###", "#.#", "#.#"),
    "B": ("##.", "#.#", "##.", "#.#", "##."),
    "C": (".##", "#..", "#..", "#..", ".##"),
    "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"),
    "F": ("###", "#..", "##.", "#..", "#.."),
    "G": (".##", "#..", "#.#", "#.#", ".##"),
    "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "J": ("..#", "..#", "..#", "#.#", ".#."),
    "K": ("#.#", "#.#", "##.", "#.#", "#.#"),
    "L": ("#..", "#..", "#..", "#..", "###"),
    "M": ("#...#", "##.##", "#.#.#", "#...#", "#...#"),
    "N": ("#..#", "##.#", "#.##", "#..#", "#..#"),
    "O": (".#.", "#.#", "#.#", "#.#", ".#."),
    "P": ("##.", "#.#", "##.", "#..", "#.."),
    "Q": (".#.", "#.#", "#.#", "##.", ".##"),
    "R": ("##.", "#.#", "##.", "#.#", "#.#"),
    "S": (".##", "#..", ".#.", "..#", "##."),
    "T": ("###", ".#.", ".#.", ".#.", ".#."),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"),
    "V": ("#.#", "#.#", "#.#", "#.#", ".#."),
    "W": ("#...#", "#...#", "#.#.#", "##.##", "#...#"),
    "X": ("#.#", "#.#", ".#.", "#.#", "#.#"),
    "Y": ("#.#", "#.#", ".#.", ".#.", ".#."),
    "Z": ("###", "..#", ".#.", "#..", "###"),
    " ": ("..", "..", "..", "..", ".."),
    "-": ("...", "...", "###", "...", "..."),
    "'": ("#", "#", ".", ".", "."),
    ".": (".", ".", ".", ".", "#"),
    "/": ("..#", "..#", ".#.", "#..", "#.."),
}

GLYPHS: dict[str, tuple[str, ...]] = {**_DIGITS, **_LETTERS}

FULL = "█"
# Two stacked pixels per cell: (top, bottom) -> character.
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): FULL}


@dataclass(frozen=True)
class Scale:
    """How many cells one pixel takes: ``x`` across, ``y`` down."""

    x: int
    y: int


def drawable(text: str) -> bool:
    """Whether every character of ``text`` has a glyph (and there is something to draw)."""
    return bool(text) and all(char in GLYPHS for char in text)


def pixel_width(text: str) -> int:
    """Width of ``text`` in pixels, gaps included."""
    return sum(len(GLYPHS[char][0]) for char in text) + GAP * max(0, len(text) - 1)


def pixel_rows(text: str) -> list[str]:
    """The ``HEIGHT`` rows of ``text`` as ``#`` and ``.``, glyphs side by side."""
    gap = "." * GAP
    return [gap.join(GLYPHS[char][row] for char in text) for row in range(HEIGHT)]


def render_blocks(text: str, scale: Scale) -> list[str]:
    """``text`` in full blocks, each pixel ``scale.x`` cells wide and ``scale.y`` tall."""
    lines: list[str] = []
    for row in pixel_rows(text):
        line = "".join((FULL if pixel == "#" else " ") * scale.x for pixel in row)
        lines.extend([line] * scale.y)
    return lines


def render_half(text: str) -> list[str]:
    """``text`` in half blocks: one cell per pixel across, two pixels per cell down, so a
    five-pixel glyph takes three rows."""
    rows = [*pixel_rows(text), "." * pixel_width(text)]  # pad to an even count
    pairs = zip(rows[0::2], rows[1::2], strict=True)
    return ["".join(_HALVES[top == "#", bottom == "#"]
                    for top, bottom in zip(upper, lower, strict=True)) for upper, lower in pairs]


HALF_ROWS = (HEIGHT + 1) // 2
"""Rows a word drawn by :func:`render_half` takes."""


def fit_scale(text: str, width: int, height: int) -> Scale | None:
    """The largest whole-cell scale at which ``text`` fits ``width`` x ``height`` cells.

    Pixels are twice as wide as tall (a terminal cell is about twice as tall as wide), so
    the digits keep their shape; when even that does not fit, one cell per pixel is tried.
    None when nothing fits (the caller shows plain text).
    """
    if not drawable(text):
        return None
    across = pixel_width(text)
    largest = min(width // (2 * across), height // HEIGHT)
    if largest >= 1:
        return Scale(2 * largest, largest)
    if across <= width and height >= HEIGHT:
        return Scale(1, 1)
    return None
