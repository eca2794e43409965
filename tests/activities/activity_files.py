"""Activity files written by the tests: FIT with Garmin's own encoder, GPX with gpxpy,
TCX with the standard library's XML; and the real files in ``../shared/samples/``."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime, timedelta
from pathlib import Path

import gpxpy.gpx
import pytest
from garmin_fit_sdk import Encoder, Profile

REPO = Path(__file__).resolve().parents[2]
START = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)  # a Monday morning


def samples() -> Path:
    """The shared sample files, beside the clone (CI) or beside the worktrees' folder."""
    for folder in (REPO.parent, REPO.parent.parent):
        found = folder / "shared" / "samples"
        if found.is_dir():
            return found
    pytest.fail("../shared/samples/ is missing: the real activity files are not there")


def fit_activity(path: Path, *, start: datetime = START, elapsed: float = 1900.0,
                 moving: float = 1800.0, distance: float | None = 5000.0,
                 sport: str = "running", file_type: str = "activity",
                 heart_rate: int | None = 150, strides: int | None = 82) -> Path:
    encoder = Encoder()
    numbers = Profile["mesg_num"]
    encoder.on_mesg(numbers["FILE_ID"], {"type": file_type, "manufacturer": "development",
                                         "product": 0, "time_created": start,
                                         "serial_number": 1234})
    session: dict[str, object] = {
        "timestamp": start + timedelta(seconds=elapsed), "start_time": start,
        "total_elapsed_time": elapsed, "total_timer_time": moving, "sport": sport}
    for key, value in (("total_distance", distance), ("avg_heart_rate", heart_rate),
                       ("avg_cadence", strides)):
        if value is not None:
            session[key] = value
    encoder.on_mesg(numbers["SESSION"], session)
    path.write_bytes(encoder.close())
    return path


def gpx_activity(path: Path, *, start: datetime = START, minutes: int = 30,
                 sport: str | None = None, times: bool = True) -> Path:
    """A straight track north, one point every 10 s at about 3 m/s."""
    gpx = gpxpy.gpx.GPX()
    track = gpxpy.gpx.GPXTrack()
    track.type = sport
    segment = gpxpy.gpx.GPXTrackSegment()
    for step in range(minutes * 6 + 1):
        segment.points.append(gpxpy.gpx.GPXTrackPoint(
            latitude=52.0 + step * 30 / 111_000, longitude=4.0,
            time=start + timedelta(seconds=10 * step) if times else None))
    track.segments.append(segment)
    gpx.tracks.append(track)
    path.write_text(gpx.to_xml(), encoding="utf-8")
    return path


_TCX = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"


def tcx_activity(path: Path, *, start: datetime = START, laps: int = 2,
                 lap_seconds: float = 900.0, lap_metres: float = 2500.0,
                 sport: str = "Running", heart_rate: int = 148) -> Path:
    root = ElementTree.Element(f"{{{_TCX}}}TrainingCenterDatabase")
    activity = ElementTree.SubElement(ElementTree.SubElement(root, f"{{{_TCX}}}Activities"),
                                      f"{{{_TCX}}}Activity", Sport=sport)
    ElementTree.SubElement(activity, f"{{{_TCX}}}Id").text = _stamp(start)
    for number in range(laps):
        began = start + timedelta(seconds=number * lap_seconds)
        lap = ElementTree.SubElement(activity, f"{{{_TCX}}}Lap", StartTime=_stamp(began))
        ElementTree.SubElement(lap, f"{{{_TCX}}}TotalTimeSeconds").text = str(lap_seconds)
        ElementTree.SubElement(lap, f"{{{_TCX}}}DistanceMeters").text = str(lap_metres)
        rate = ElementTree.SubElement(lap, f"{{{_TCX}}}AverageHeartRateBpm")
        ElementTree.SubElement(rate, f"{{{_TCX}}}Value").text = str(heart_rate)
        track = ElementTree.SubElement(lap, f"{{{_TCX}}}Track")
        for moment in (began, began + timedelta(seconds=lap_seconds)):
            point = ElementTree.SubElement(track, f"{{{_TCX}}}Trackpoint")
            ElementTree.SubElement(point, f"{{{_TCX}}}Time").text = _stamp(moment)
    ElementTree.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
