"""The session's cue: a sentence over two lines at most, broken where the lines come out
even, so the second line never holds one stranded word ("adapt")."""

from __future__ import annotations

from warmup_tui.ui.widgets.text_line import TextLine


def _greedy(words: list[str], width: int) -> list[str]:
    """Words packed onto lines of at most ``width`` as a plain word wrap does (a word
    longer than that gets a line to itself)."""
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def balanced_lines(text: str, width: int) -> list[str]:
    """``text`` in as few lines as a ``width``-wide wrap needs, but as even as they can be:
    wrapped at the narrowest width that needs no more lines."""
    words = text.split()
    if width <= 0 or len(text) <= width or len(words) < 2:
        return [text]
    needed = len(_greedy(words, width))
    # A wrap never needs more lines at a greater width, so the narrowest width that still
    # needs only ``needed`` lines can be found by halving.
    low, high = max(len(word) for word in words), width
    while low < high:
        middle = (low + high) // 2
        if len(_greedy(words, middle)) <= needed:
            high = middle
        else:
            low = middle + 1
    return _greedy(words, low)


class CueLine(TextLine):
    """A :class:`TextLine` that breaks its text into balanced lines for its width, and
    again when the width changes."""

    def __init__(self, text: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(text, id=id, classes=classes)
        self._sentence = text

    def show(self, text: str) -> None:
        self._sentence = text
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        # TextLine.show skips the update when the broken text is what is shown already.
        super().show("\n".join(balanced_lines(self._sentence, self.content_size.width)))

    @property
    def shown(self) -> str:
        return self._sentence
