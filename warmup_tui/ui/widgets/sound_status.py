"""A small, steady note of what the ear will hear: sound off, cadence clicks on, voice off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from warmup_tui.ui.widgets.text_line import TextLine

if TYPE_CHECKING:  # loaded with the sounds, after the first frame
    from warmup_tui.runs.sound_status import SoundStatus


def describe(status: SoundStatus, has_runs: bool) -> str:
    """'Sound off'; else 'Clicks on' (where there are runs to click to) and 'Voice off',
    joined by a dot; '' when everything is as expected (sound and voice on, no clicks)."""
    if status.muted:
        return "Sound off"
    parts = []
    if status.clicks and has_runs:
        parts.append("Clicks on")
    if not status.voice:
        parts.append("Voice off")
    return " · ".join(parts)


class SoundIndicator(TextLine):
    """Shows :func:`describe` of the sound status; hidden when there is nothing to say."""

    DEFAULT_CSS = """
    SoundIndicator { width: auto; color: $text-muted; margin: 0 0 0 2; }
    """

    def show_status(self, status: SoundStatus, has_runs: bool) -> None:
        self.show(describe(status, has_runs))
