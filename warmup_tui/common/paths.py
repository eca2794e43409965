"""Where the app's files live: bundled data, and the user's config, data and cache folders."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "warmup-tui"
_PACKAGE = Path(__file__).resolve().parent.parent  # the warmup_tui package


def bundled_dir(kind: str) -> Path:
    """The folder of bundled ``routines`` or ``sounds``.

    An installed wheel carries them inside the package; a source checkout keeps them
    at the top of the repository.
    """
    inside = _PACKAGE / "_bundled" / kind
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / kind


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_routines_dir() -> Path:
    return config_dir() / "routines"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
