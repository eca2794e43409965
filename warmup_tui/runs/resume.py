"""Offering to resume a session that was cut off (crash, closed terminal, power loss).

A row left "running" by a process that is gone is a session that was cut off. The newest
one is offered, at the segment it was in (a rest or side switch moves on to what follows
it); older ones, previews at ``--speed``, and any cut off more than :data:`OFFER_FOR` ago,
are simply recorded as stopped. Sessions still running in another live instance are left alone.

Which timeline a row ran is asked of a ``timeline_for`` function: by default the routine is
found again in the library; a front end that also runs programme sessions passes one that
rebuilds those (this package sits below the programme modules and does not import them).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warmup_tui.common.problems import ProblemsError
from warmup_tui.common.processes import pid_alive as pid_alive  # where callers know it
from warmup_tui.engine.timeline import Segment, build_timeline
from warmup_tui.engine.wording import short_title
from warmup_tui.log.db import LogUnavailable, Notice, default_path
from warmup_tui.log.recorder import LogRecorder
from warmup_tui.log.rows import SessionRow
from warmup_tui.log.sqlite_errors import disk_reason
from warmup_tui.log.store import TrainingLog
from warmup_tui.routines.library import Library
from warmup_tui.runs.plan import PlannedRun

OFFER_FOR = 12 * 3600.0  # seconds; a warmup cut off longer ago than this is not worth resuming

resume_title = short_title  # the resume question's wording, by the name callers know

TimelineFor = Callable[[SessionRow], list[Segment] | None]
"""The segments a logged session ran, as they are today; None when they cannot be had."""


@dataclass(frozen=True)
class ResumeOffer:
    """A cut-off session that can be picked up again."""

    session: SessionRow
    start_index: int
    segments: tuple[Segment, ...]

    @property
    def routine_id(self) -> str:
        return self.session.routine_id

    @property
    def segment(self) -> Segment:
        return self.segments[self.start_index]

    @property
    def step(self) -> str:
        return self.segment.step

    @property
    def side(self) -> str | None:
        return self.segment.side

    @property
    def question(self) -> str:
        """'Resume First steps at Walk 2 of 8?' (see :func:`resume_question`)."""
        return resume_question(self.session, self.segment)


_PROGRAMME_SESSION = re.compile(r"w([0-9]+)s([0-9]+)")


def resume_question(row: SessionRow, segment: Segment) -> str:
    """The offer in names a runner knows, never file ids: "Resume Build to 30 — week 1,
    session 2 — at Run 3 of 8?", "Resume First steps at Walk 2 of 8?"."""
    name = row.routine_name or row.routine_id
    where = resume_title(segment)
    found = _PROGRAMME_SESSION.fullmatch(row.programme_session or "")
    if found:
        title = f"week {found.group(1)}, session {found.group(2)}"
        # logged as "Build to 30, week 1, session 2" (TodayPlan.session_run)
        programme = name.removesuffix(f", {title}")
        return f"Resume {programme} — {title} — at {where}?"
    return f"Resume {name} at {where}?"


_TIMELINES_KEPT = 64  # sessions come grouped by routine, newest first: a few cover most


def stop_points(timeline_for: TimelineFor) -> Callable[[SessionRow], str | None]:
    """Where a stopped or cut-off session stopped, in the offer's words ("Run 3 of 8"), for
    history; None when it was completed or its routine can no longer be found there."""
    timelines: dict[tuple[str, str | None, str | None], list[Segment] | None] = {}

    def where(row: SessionRow) -> str | None:
        if row.last_index is None or row.status == "completed":
            return None
        key = (row.routine_id, row.routine_path, row.programme_session)
        if key not in timelines:
            if len(timelines) >= _TIMELINES_KEPT:  # the oldest goes: a long log may name
                del timelines[next(iter(timelines))]  # thousands of routine files
            timelines[key] = timeline_for(row)
        segments = timelines[key]
        index = _same_place(segments, row) if segments else None
        return None if segments is None or index is None else resume_title(segments[index])

    return where


def offer_in_front_of(offer: ResumeOffer | None, asked_for: str | None
                      ) -> ResumeOffer | None:
    """The cut-off session to offer before starting what the runner asked for.

    ``asked_for`` is the id of a routine asked for by name (``warmup run NAME``); None is
    home or Today, which offer any cut-off session. A named routine is offered only a
    cut-off session of its own: another routine's never stands in its way (that one is
    left as it is, and offered on home next time)."""
    if offer is None or asked_for is None:
        return offer
    return offer if offer.routine_id == asked_for else None


@dataclass(frozen=True)
class ResumePlan:
    """What a front end needs to start ``Session(segments, clock, start_index=...)`` and
    to log it as the continuation of the cut-off session."""

    routine_id: str
    routine_name: str
    routine_path: str | None
    segments: list[Segment]
    start_index: int
    programme_id: str | None
    programme_session: str | None
    resumed_from: int

    def recorder(self, **options: Any) -> LogRecorder:
        """A LogRecorder for the resumed session (options as for LogRecorder)."""
        return LogRecorder(self.routine_id, self.segments, routine_name=self.routine_name,
                           routine_path=self.routine_path, programme_id=self.programme_id,
                           programme_session=self.programme_session,
                           resumed_from=self.resumed_from, **options)

    def planned_run(self, name: str | None = None) -> PlannedRun:
        """The rest of the session as a run to queue (``name`` overrides the logged one)."""
        return PlannedRun(self.routine_id, name or self.routine_name, tuple(self.segments),
                          programme_id=self.programme_id,
                          programme_session=self.programme_session,
                          start_index=self.start_index, resumed_from=self.resumed_from)


def library_timeline(library: Library | None = None) -> TimelineFor:
    """The default ``timeline_for``: the row's routine, from its file when that is still
    there, else by id in ``library``."""
    chosen = library or Library()

    def timeline_for(row: SessionRow) -> list[Segment] | None:
        ref: str | Path = row.routine_id
        if row.routine_path and Path(row.routine_path).is_file():
            ref = Path(row.routine_path)
        try:
            entry = chosen.resolve(ref)
        except ProblemsError:
            return None
        return build_timeline(entry.routine) if entry.routine is not None else None

    return timeline_for


def pending_resume(
    log: TrainingLog | None = None,
    *,
    library: Library | None = None,
    timeline_for: TimelineFor | None = None,
    on_notice: Notice | None = None,
    now: float | None = None,
    is_alive: Callable[[int], bool] = pid_alive,
) -> ResumeOffer | None:
    """The cut-off session to offer, if any; tidies up the ones not worth offering.
    ``timeline_for`` rebuilds a row's segments (default: :func:`library_timeline`).
    Never raises: with no usable log there is simply nothing to offer."""
    rebuild = timeline_for or library_timeline(library)
    try:
        with _log_or(log, on_notice) as opened:
            return _find(opened, rebuild, now or time.time(), is_alive)
    except (LogUnavailable, sqlite3.Error):
        return None


def decline(offer: ResumeOffer, log: TrainingLog | None = None) -> None:
    """Record the cut-off session as stopped, so it is not offered again."""
    try:
        with _log_or(log, None) as opened:
            opened.close_running(offer.session.id, offer.session.updated_at)
    except (LogUnavailable, sqlite3.Error):
        pass


class ResumeRefused(Exception):
    """The log could not record the cut-off session as taken up (a full disk, say): it
    stays as it was, offered again at the next start. The message says why."""


def accept(offer: ResumeOffer, log: TrainingLog | None = None) -> ResumePlan | None:
    """Close the cut-off session and hand over what is needed to carry on from it.
    None if another instance took it first; :class:`ResumeRefused` when the log cannot
    take the change (resumed anyway, the session would be offered again)."""
    try:
        with _log_or(log, None) as opened:
            if not opened.close_running(offer.session.id, offer.session.updated_at):
                return None
    except LogUnavailable as error:
        raise ResumeRefused(str(error)) from error
    except sqlite3.Error as error:
        raise ResumeRefused(f"the training log cannot be written: "
                            f"{disk_reason(error, log.path if log else default_path())}"
                            ) from error
    row = offer.session
    return ResumePlan(row.routine_id, row.routine_name, row.routine_path, list(offer.segments),
                      offer.start_index, row.programme_id, row.programme_session, row.id)


def _find(log: TrainingLog, timeline_for: TimelineFor, now: float,
          is_alive: Callable[[int], bool]) -> ResumeOffer | None:
    cut_off = [row for row in log.running() if row.pid != os.getpid()
               and not (row.pid is not None and is_alive(row.pid)
                        and now - row.updated_at < OFFER_FOR)]
    offer = None
    for row in cut_off:  # newest first: only the newest is worth offering
        if offer is None and now - row.updated_at < OFFER_FOR:
            offer = _offer_for(row, timeline_for)
            if offer is not None:
                continue
        log.close_running(row.id, row.updated_at)
    return offer


def _offer_for(row: SessionRow, timeline_for: TimelineFor) -> ResumeOffer | None:
    if row.last_index is None:
        return None  # cut off in the get-ready: nothing was done yet
    if row.is_preview:
        # A sped-up look at a routine: resumed at real speed it would count as a session
        # the runner never did.
        return None
    segments = timeline_for(row)
    if not segments:
        return None
    index = _same_place(segments, row)
    if index is None:
        return None
    while segments[index].kind in ("rest", "switch") and index + 1 < len(segments):
        index += 1
    return ResumeOffer(row, index, tuple(segments))


def _same_place(segments: list[Segment], row: SessionRow) -> int | None:
    """The recorded segment in today's timeline, found again if the routine was edited."""
    assert row.last_index is not None
    def matches(seg: Segment) -> bool:
        return seg.step == row.last_step and seg.side == row.last_side

    if row.last_index < len(segments) and matches(segments[row.last_index]):
        return row.last_index
    return next((seg.index for seg in segments if matches(seg)), None)


@contextlib.contextmanager
def _log_or(log: TrainingLog | None, on_notice: Notice | None) -> Iterator[TrainingLog]:
    """Use the given log, or open the default one for the length of the block."""
    if log is not None:
        yield log
        return
    opened = TrainingLog.open(on_notice=on_notice)
    try:
        yield opened
    finally:
        opened.close()
