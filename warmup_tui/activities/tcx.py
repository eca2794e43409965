"""Activities from TCX files (Garmin's Training Center XML), read with the standard
library's XML parser."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from datetime import UTC, datetime

from warmup_tui.activities.model import Activity, NotAnActivity, sport_name

_NS = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"
_EXT = "{http://www.garmin.com/xmlschemas/ActivityExtension/v2}"


def read_tcx(data: bytes) -> Activity:
    """The first activity in a TCX file, from its laps."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise NotAnActivity(f"is a damaged or cut-short TCX file ({error})") from None
    activity = root.find(f"{_NS}Activities/{_NS}Activity")
    if activity is None:
        raise NotAnActivity("is a TCX file with no activity in it (a course or a workout?)")
    laps = activity.findall(f"{_NS}Lap")
    if not laps:
        raise NotAnActivity("is a TCX activity with no laps in it")
    start = _time(laps[0].get("StartTime") or activity.findtext(f"{_NS}Id"))
    times = [_time(text) for text in _texts(activity, f".//{_NS}Trackpoint/{_NS}Time")]
    moving = sum(_float(lap.findtext(f"{_NS}TotalTimeSeconds")) or 0.0 for lap in laps)
    end = max(times, default=None)
    elapsed = (end - start).total_seconds() if end is not None and end > start else moving
    return Activity(
        format="TCX",
        sport=sport_name(activity.get("Sport")),
        start=start,
        elapsed_seconds=max(elapsed, moving),
        moving_seconds=moving,
        distance_m=_sum(_float(lap.findtext(f"{_NS}DistanceMeters")) for lap in laps),
        avg_heart_rate=_weighted_heart_rate(laps),
        avg_cadence=_cadence(activity),
    )


def _texts(element: ElementTree.Element, path: str) -> list[str]:
    return [found.text for found in element.findall(path) if found.text]


def _time(text: str | None) -> datetime:
    if not text:
        raise NotAnActivity("is a TCX activity without a start time")
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise NotAnActivity(f"has a time that is not a time: {text.strip()[:40]!r}") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _float(text: str | None) -> float | None:
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and value == value else None


def _sum(values: Iterable[float | None]) -> float | None:
    found = [value for value in values if value is not None]
    return sum(found) if found else None


def _weighted_heart_rate(laps: list[ElementTree.Element]) -> int | None:
    """The laps' average heart rates, each weighted by the lap's time."""
    total = weight = 0.0
    for lap in laps:
        rate = _float(lap.findtext(f"{_NS}AverageHeartRateBpm/{_NS}Value"))
        seconds = _float(lap.findtext(f"{_NS}TotalTimeSeconds")) or 0.0
        if rate is not None and seconds > 0:
            total += rate * seconds
            weight += seconds
    return round(total / weight) if weight else None


def _cadence(activity: ElementTree.Element) -> int | None:
    """Garmin's extension counts a run's cadence in strides (one foot): doubled to steps."""
    values = [_float(text) for text in _texts(activity, f".//{_NS}Trackpoint//{_EXT}RunCadence")]
    strides = [value for value in values if value]
    return round(2 * sum(strides) / len(strides)) if strides else None
