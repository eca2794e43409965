"""The audio tests' ALSA file capture, for ``warmup doctor --play``."""

from tests.audio.conftest import capture

__all__ = ["capture"]
