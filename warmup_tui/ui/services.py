"""What screens use of the app's state, handed to them when they are made, so that no
screen has to look attributes up on ``self.app``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # both load after home's first frame (see WarmupApp.library and .settings)
    from warmup_tui.common.config import Settings
    from warmup_tui.routines.library import Library


@dataclass(frozen=True)
class AppServices:
    """The routines (bundled and the user's) and the settings the app runs with."""

    library_of_app: Callable[[], Library]
    settings_of_app: Callable[[], Settings]

    @property
    def library(self) -> Library:
        """The app's library: asked for only once a screen reads routines, so that home is
        made without loading the routines' model and schema."""
        return self.library_of_app()

    @property
    def settings(self) -> Settings:
        """The app's settings, read on first use like the library."""
        return self.settings_of_app()
