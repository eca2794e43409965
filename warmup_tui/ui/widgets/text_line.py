"""A one-line text widget that ignores updates that would not change what it shows."""

from __future__ import annotations

from textual.widgets import Static

from warmup_tui.ui.plain_text import plain


class TextLine(Static):
    """Static text with a cheap ``show`` that skips identical updates, and hides when empty.

    The text is shown literally (never as markup) with its control characters written out:
    the session screen's lines carry step names and cues from the routine file."""

    DEFAULT_CSS = """
    TextLine { width: 1fr; height: auto; }
    TextLine.-empty { display: none; }
    """

    def __init__(self, text: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(plain(text), id=id, classes=classes, markup=False)
        self._shown = text
        # Not mounted yet: styled once as it mounts (with update, Textual styles it now too).
        self.set_class(not text, "-empty", update=False)

    def show(self, text: str) -> None:
        if text == self._shown:
            return
        # Text of the same length takes the same room (the once-a-second "0:05 done" line),
        # and so does any text in a line whose size the stylesheet fixes (the session's
        # lines at a segment start): the screen need not be laid out again, only this
        # line is repainted.
        content = plain(text)
        same_size = len(content) == len(plain(self._shown)) and "\n" not in text
        self._shown = text
        self.set_class(not text, "-empty")
        self.update(content, layout=not (same_size or self._fixed_size()))

    def _fixed_size(self) -> bool:
        width, height = self.styles.width, self.styles.height
        return (width is not None and height is not None
                and not width.is_auto and not height.is_auto)

    @property
    def shown(self) -> str:
        return self._shown
