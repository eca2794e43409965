"""The baseline for the benchmark: a Textual app that shows one label and does nothing else.

Whatever warmup's session screen costs above this is the cost of counting down.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

LABEL = "Minimal Textual app, idle"


class MinimalApp(App[None]):
    """One Static label; no timers, no bindings beyond Textual's own."""

    def compose(self) -> ComposeResult:
        yield Static(LABEL)


if __name__ == "__main__":
    MinimalApp().run()
