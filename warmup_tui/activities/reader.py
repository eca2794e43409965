"""One way in: :func:`read_activity` reads a FIT, TCX or GPX file, told apart by what
the file holds rather than by its name."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from warmup_tui.activities.fit import is_fit, read_fit
from warmup_tui.activities.gpx import read_gpx
from warmup_tui.activities.model import Activity, NotAnActivity, checked
from warmup_tui.activities.tcx import read_tcx
from warmup_tui.common.problems import Problem, ProblemsError, display_path
from warmup_tui.common.user_file import read_user_bytes

# A marathon recorded every second is about 3 MB of FIT and 15 MB of GPX or TCX.
MAX_ACTIVITY_BYTES = 64_000_000
_ROOT = re.compile(rb"<\s*(?:[A-Za-z_][\w.-]*:)?(TrainingCenterDatabase|gpx)[\s>/]")


def read_activity(path: Path, now: datetime | None = None) -> Activity:
    """The activity in ``path``, or :class:`ProblemsError` with one line saying why it
    holds none (not an activity file, damaged, cut short, impossible times)."""
    data = read_user_bytes(path, "FIT, TCX or GPX file", MAX_ACTIVITY_BYTES)
    try:
        return checked(_parse(data), now)
    except NotAnActivity as error:
        raise ProblemsError([Problem(display_path(path), str(error))]) from None


def _parse(data: bytes) -> Activity:
    if is_fit(data):
        return read_fit(data)
    found = _ROOT.search(data[:4096])
    if found is None:
        raise NotAnActivity("is not a FIT, TCX or GPX activity file")
    if found.group(1) == b"TrainingCenterDatabase":
        return read_tcx(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAnActivity("is a GPX file that is not UTF-8 text") from None
    return read_gpx(text)
