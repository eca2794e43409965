"""The session screen's classes by the terminal's size, which its CSS lays out by."""

from __future__ import annotations

from textual.app import App

# (at least so many cells, class); Textual's HORIZONTAL/VERTICAL_BREAKPOINTS as well.
WIDTH_CLASSES = [(0, "-slim"), (50, "-narrow"), (70, "-wide")]
HEIGHT_CLASSES = [(0, "-tiny"), (16, "-short"), (24, "-tall")]


def _breakpoint(cells: int, classes: list[tuple[int, str]]) -> str:
    """The class of the largest breakpoint ``cells`` reaches, as Textual picks it."""
    return max(breakpoint for breakpoint in classes if cells >= breakpoint[0])[1]


def size_classes(app: App[object] | None) -> list[str]:
    """The classes for ``app``'s size now, which Textual would add on the screen's first
    resize: set from the start, its widgets are styled once rather than all over again
    just before the first frame. None outside an app: Textual adds them as usual."""
    if app is None:
        return []
    width, height = app.size
    return [_breakpoint(width, WIDTH_CLASSES), _breakpoint(height, HEIGHT_CLASSES)]
