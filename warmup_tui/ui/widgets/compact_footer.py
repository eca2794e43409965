"""Textual's compact footer, its keys compact from the start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer


class CompactFooter(Footer):
    """``Footer(compact=True)`` whose keys are made with the compact class rather than
    given it once mounted: each would be styled a second time before the first frame."""

    def __init__(self) -> None:
        super().__init__(compact=True)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            widget.add_class("-compact", update=False)  # as Footer.compact gives it
            yield widget
