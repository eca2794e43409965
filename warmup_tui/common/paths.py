"""Where the app's files live: bundled data, and the user's config, data and cache folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from warmup_tui.common.problems import Problem, ProblemsError

APP_NAME = "warmup-tui"
# Where the XDG base directory spec puts each kind of file when its variable is not set.
_XDG = {"config": ("XDG_CONFIG_HOME", ".config"), "data": ("XDG_DATA_HOME", ".local/share"),
        "cache": ("XDG_CACHE_HOME", ".cache")}
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
    return _user_dir("config")


def user_routines_dir() -> Path:
    return config_dir() / "routines"


def data_dir() -> Path:
    return _user_dir("data")


def cache_dir() -> Path:
    return _user_dir("cache")


def _user_dir(kind: str) -> Path:
    """The app's folder of ``kind`` files. On Linux and the BSDs: an ``XDG_*`` variable is
    used only when it holds an absolute path, as the XDG spec says (a relative one would
    scatter files wherever the app was started), and the home folder stands in otherwise."""
    if sys.platform in ("win32", "darwin"):
        return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, appauthor=False))
    variable, under_home = _XDG[kind]
    value = os.environ.get(variable, "")
    base = Path(value) if os.path.isabs(value) else home() / under_home
    return base / APP_NAME


def home() -> Path:
    """HOME when it is an absolute path, else the account's home folder from the system
    (what a login shell would set). Never a relative or empty path: that would put the
    user's files under whatever folder the app was started in, or under /."""
    value = os.environ.get("HOME", "")
    if os.path.isabs(value):
        return Path(value)
    import pwd  # not on Windows, which never comes here

    try:
        account_home = pwd.getpwuid(os.getuid()).pw_dir
    except KeyError:
        account_home = ""
    if os.path.isabs(account_home):
        return Path(account_home)
    raise ProblemsError([Problem("HOME", "is not set to a folder and this account has no "
                                 "home folder; set HOME (or the XDG_* folders)")])
