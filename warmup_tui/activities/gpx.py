"""Activities from GPX tracks, read with gpxpy. A GPX file is a track, not always a
workout: it needs a time on every point, and usually names no sport."""

from __future__ import annotations

import contextlib
import itertools
from datetime import UTC, datetime

import gpxpy
import gpxpy.gpx

from warmup_tui.activities.model import (
    Activity,
    NotAnActivity,
    refuse_too_early,
    sport_name,
)


def read_gpx(text: str) -> Activity:
    """The tracks of a GPX file as one activity."""
    try:
        gpx = gpxpy.parse(text)
    except gpxpy.gpx.GPXException as error:
        raise NotAnActivity(f"is a damaged or cut-short GPX file ({_first_line(error)})"
                            ) from None
    points = [point for track in gpx.tracks for segment in track.segments
              for point in segment.points]
    if not points:
        raise NotAnActivity("is a GPX file with no track points (a route or waypoints only?)")
    if any(point.time is None for point in points):
        raise NotAnActivity("is a GPX track whose points carry no times, so it says "
                            "nothing about when or how long you ran")
    start, end = _aware(points[0].time), _aware(points[-1].time)
    refuse_too_early(min(_aware(point.time) for point in points))
    if any(_aware(a.time) > _aware(b.time) for a, b in itertools.pairwise(points)):
        raise NotAnActivity("has impossible times: its points go back in time")
    moving = gpx.get_moving_data()
    moving_seconds = float(moving.moving_time) if moving and moving.moving_time else 0.0
    return Activity(
        format="GPX",
        sport=sport_name(gpx.tracks[0].type),
        start=start,
        elapsed_seconds=(end - start).total_seconds(),
        moving_seconds=moving_seconds or (end - start).total_seconds(),
        distance_m=gpx.length_2d() or None,
        avg_heart_rate=_heart_rate(points),
    )


def _aware(moment: datetime | None) -> datetime:
    assert moment is not None  # checked above
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0][:80] if str(error) else type(error).__name__


def _heart_rate(points: list[gpxpy.gpx.GPXTrackPoint]) -> int | None:
    """The average of Garmin's TrackPointExtension ``hr`` values, where the file has them."""
    rates: list[float] = []
    for point in points:
        for extension in point.extensions:
            for element in extension.iter():
                if element.tag.rsplit("}", 1)[-1] == "hr" and element.text:
                    with contextlib.suppress(ValueError):
                        rates.append(float(element.text))
    return round(sum(rates) / len(rates)) if rates else None
