"""``warmup export program --ics``: the sessions left as calendar events, read back with
the icalendar library."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.export.conftest import Warmup, complete_programme_session
from warmup_tui.export.training_days import BadDays, parse_days, run_dates
from warmup_tui.programme.files import resolve_programme

PROGRAMME = resolve_programme("build-to-30")
MONDAY = "2026-12-07"


def _events(path: Path) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [{"uid": str(e["uid"]), "summary": str(e["summary"]),
             "start": e.decoded("dtstart"), "end": e.decoded("dtend"),
             "description": str(e["description"]), "sequence": int(e["sequence"])}
            for e in calendar.walk("VEVENT")]


def test_the_rest_of_the_plan_on_the_chosen_days(warmup: Warmup, work: Path) -> None:
    complete_programme_session("w1s1", datetime.now().astimezone())
    done = warmup("export", "program", "--ics", "plan.ics", "--days", "mon,wed,fri,sat",
                  "--at", "06:30", "--from", MONDAY)
    assert done.returncode == 0, done.stderr
    events = _events(work / "plan.ics")
    left = PROGRAMME.sessions()[1:]
    assert len(events) == len(left) == 35
    assert events[0]["summary"] == "Week 1, session 2: run 1 min / walk 90 s × 8"
    assert events[0]["start"] == datetime(2026, 12, 7, 6, 30)  # floating: local time
    assert [e["start"].weekday() for e in events[:5]] == [0, 2, 4, 5, 0]  # type: ignore[union-attr]
    for event, session in zip(events, left, strict=True):
        assert event["end"] - event["start"] == timedelta(  # type: ignore[operator]
            seconds=session.total_seconds())
        assert event["uid"] == f"build-to-30-{session.key}@warmup-tui"
    week2 = next(e for e in events if str(e["summary"]).startswith("Week 2"))
    assert PROGRAMME.weeks[1].note in str(week2["description"]).replace("\n", " ")
    days = sorted(e["start"].date() for e in events)  # type: ignore[union-attr]
    assert not any(days[i + 2] - days[i] == timedelta(days=2) for i in range(len(days) - 2))


def test_exporting_again_keeps_each_sessions_uid(warmup: Warmup, work: Path) -> None:
    assert warmup("export", "program", "--ics", "a.ics", "--from", MONDAY).returncode == 0
    later = warmup("export", "program", "--ics", "b.ics", "--from", "2026-12-21",
                   "--days", "tue,thu,sat")
    assert later.returncode == 0, later.stderr
    first, second = _events(work / "a.ics"), _events(work / "b.ics")
    assert [e["uid"] for e in first] == [e["uid"] for e in second]
    assert len({e["uid"] for e in first}) == len(first)
    assert first[0]["start"] != second[0]["start"]
    assert second[0]["sequence"] >= first[0]["sequence"]  # type: ignore[operator]


def test_a_finished_programme_writes_no_calendar(warmup: Warmup, work: Path) -> None:
    complete_programme_session(PROGRAMME.sessions()[-1].key, datetime.now().astimezone())
    done = warmup("export", "program", "--ics", "plan.ics")
    assert done.returncode == 0 and "no sessions left" in done.stdout
    assert not (work / "plan.ics").exists()


@pytest.mark.parametrize("days", ["fri,sat,sun", "sun,mon,tue", "mon,tue,thu,fri,sat",
                                  "mon,tue,wed,thu,fri,sat,sun"])
def test_three_days_in_a_row_are_refused_across_the_weekend_too(days: str) -> None:
    with pytest.raises(BadDays, match="three days in a row"):
        parse_days(days)


def test_days_in_any_order_and_spelling() -> None:
    assert parse_days("Sat, monday,WED,fri") == (0, 2, 4, 5)
    dates = list(run_dates(date(2026, 12, 9), (0, 2, 4, 5), 5))
    assert [d.isoformat() for d in dates] == [
        "2026-12-09", "2026-12-11", "2026-12-12", "2026-12-14", "2026-12-16"]
