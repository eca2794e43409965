"""What screens use of the app's state, handed to them when they are made, so that no
screen has to look attributes up on ``self.app``."""

from __future__ import annotations

from dataclasses import dataclass

from warmup_tui.common.config import Settings
from warmup_tui.routines.library import Library


@dataclass(frozen=True)
class AppServices:
    """The routines (bundled and the user's) and the settings the app runs with."""

    library: Library
    settings: Settings
