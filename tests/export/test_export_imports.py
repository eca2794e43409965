"""``warmup export`` loads no Textual, and each format loads only its own library."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_headless_imports import loaded_by


@pytest.mark.parametrize(("args", "library", "not_loaded"), [
    (("export", "next", "--text"), None, {"garmin_fit_sdk", "icalendar"}),
    (("export", "pre-run", "--fit", "x.fit"), "garmin_fit_sdk", {"icalendar"}),
    (("export", "program", "--ics", "x.ics"), "icalendar", {"garmin_fit_sdk"}),
])
def test_export_loads_its_own_format_only(tmp_path: Path, args: tuple[str, ...],
                                          library: str | None, not_loaded: set[str]) -> None:
    code, modules = loaded_by(tmp_path, *args)
    assert code == 0
    roots = {name.split(".")[0] for name in modules}
    assert "warmup_tui" in roots and "textual" not in roots
    assert library is None or library in roots
    assert not roots & not_loaded
