"""Where the runner is: next session, missed weeks, repeated weeks, skipping ahead."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.program.support import MONDAY, bundled, day
from warmup_tui.common.problems import ProblemsError
from warmup_tui.programme.progress import (
    Anchor,
    Completion,
    MemoryProgress,
    locate,
    repeat_week,
    skip_to,
)

PROGRAMME = bundled()


def _done(*keys: str, start: datetime = MONDAY, every: float = 1.5) -> list[Completion]:
    """Completions of ``keys`` in order, one every ``every`` days from ``start``."""
    return [(key, start + timedelta(days=every * n)) for n, key in enumerate(keys)]


def _next(completions: list[Completion], anchor: Anchor | None = None,
          now: datetime | None = None) -> str | None:
    position = locate(PROGRAMME, completions, anchor, now or day(30))
    return position.next.key if position.next else None


def test_a_new_runner_starts_at_week_one_session_one() -> None:
    position = locate(PROGRAMME, [], now=MONDAY)
    assert position.next is not None and position.next.key == "w1s1"
    assert (len(position.done), position.total, position.this_week) == (0, 36, 0)


def test_next_is_the_session_after_the_furthest_completed() -> None:
    assert _next(_done("w1s1", "w1s2", "w1s3")) == "w1s4"
    assert _next(_done("w1s1", "w1s2", "w1s3", "w1s4")) == "w2s1"


def test_a_missed_week_changes_nothing() -> None:
    # week 1 done in the first calendar week; nothing at all the week after
    first_week = _done("w1s1", "w1s2", "w1s3", "w1s4", every=1.5)
    later = day(16)  # the Wednesday two weeks on
    position = locate(PROGRAMME, first_week, now=later)
    assert position.next is not None and position.next.key == "w2s1"
    assert position.this_week == 0
    back = [*first_week, ("w2s1", later)]
    position = locate(PROGRAMME, back, now=later + timedelta(hours=2))
    assert position.next is not None and position.next.key == "w2s2"
    assert (len(position.done), position.this_week) == (5, 1)


def test_completions_in_any_order_and_repeats_count_once() -> None:
    completions = [("w3s2", day(10)), ("w1s1", day(1)), ("w1s1", day(2)), ("w2s4", day(12))]
    position = locate(PROGRAMME, completions, now=day(13))
    assert position.next is not None and position.next.key == "w3s3"
    assert position.done == {"w1s1", "w2s4", "w3s2"}


def test_unknown_session_keys_are_ignored() -> None:
    assert _next([("w99s1", day(1)), ("warmup", day(2)), ("w1s1", day(3))]) == "w1s2"


def test_this_week_counts_from_monday_midnight_in_local_time() -> None:
    sunday_night = MONDAY.replace(hour=23, minute=30) - timedelta(days=1)
    completions = [("w1s1", sunday_night), ("w1s2", MONDAY.replace(hour=0, minute=5)),
                   ("w1s3", day(3))]
    position = locate(PROGRAMME, completions, now=day(6, hour=22))
    assert position.this_week == 2


def test_repeat_a_week_after_finishing_it() -> None:
    week3 = _done(*(f"w{w}s{s}" for w in (1, 2, 3) for s in (1, 2, 3, 4)), every=1.0)
    now = day(13)
    position = locate(PROGRAMME, week3, now=now)
    assert position.next is not None and position.next.key == "w4s1"
    anchor = repeat_week(position, now)
    assert (anchor.session, anchor.reason) == ("w3s1", "repeat")
    assert _next(week3, anchor, now) == "w3s1"
    # doing the repeated week moves on through it, then on to week 4 as usual
    again = [*week3, ("w3s1", now + timedelta(hours=1)), ("w3s2", now + timedelta(days=2))]
    assert _next(again, anchor, now + timedelta(days=2)) == "w3s3"
    again += [("w3s3", now + timedelta(days=3)), ("w3s4", now + timedelta(days=4))]
    assert _next(again, anchor, now + timedelta(days=4)) == "w4s1"
    assert len(locate(PROGRAMME, again, anchor, now).done) == 12


def test_repeat_in_the_middle_of_a_week_goes_back_to_its_first_session() -> None:
    completions = _done("w1s1", "w1s2", "w1s3", "w1s4", "w2s1", "w2s2")
    position = locate(PROGRAMME, completions, now=day(12))
    assert repeat_week(position, day(12)).session == "w2s1"


def test_repeat_before_any_run_stays_at_week_one() -> None:
    position = locate(PROGRAMME, [], now=MONDAY)
    assert repeat_week(position, MONDAY).session == "w1s1"


def test_a_session_logged_in_the_same_instant_as_the_repeat_does_not_undo_it() -> None:
    # the log keeps completion times to the second; the anchor is set just after
    finished = [("w1s1", day(0)), ("w1s2", day(1))]
    anchor = Anchor("w1s1", day(1), "repeat")
    assert _next(finished, anchor, day(1)) == "w1s1"


def test_skip_ahead_and_carry_on_from_there() -> None:
    completions = _done("w1s1", "w1s2")
    now = day(4)
    anchor = skip_to(PROGRAMME, 5, now)
    assert (anchor.session, anchor.reason) == ("w5s1", "skip")
    assert _next(completions, anchor, now) == "w5s1"
    assert _next([*completions, ("w5s1", now + timedelta(hours=3))], anchor, now) == "w5s2"
    # a week's sessions done before a skip back do not drag the runner forward again
    back = skip_to(PROGRAMME, 1, now + timedelta(days=1))
    late = [*completions, ("w5s1", now + timedelta(hours=3))]
    assert _next(late, back, now + timedelta(days=1)) == "w1s1"


def test_skip_to_an_earlier_week_is_going_back() -> None:
    now = day(4)
    position = locate(PROGRAMME, _done("w1s1", "w1s2", "w1s3", "w1s4", "w2s1"), None, now)
    assert skip_to(PROGRAMME, 1, now, position).reason == "back"
    assert skip_to(PROGRAMME, 4, now, position).reason == "skip"


@pytest.mark.parametrize("week", [0, 10, -1])
def test_skip_to_a_week_that_does_not_exist_is_refused(week: int) -> None:
    with pytest.raises(ProblemsError) as caught:
        skip_to(PROGRAMME, week, MONDAY)
    assert str(caught.value) == (
        f"build-to-30: --skip-to: has weeks 1 to 9; there is no week {week}")


def test_an_anchor_at_a_session_the_file_no_longer_has_is_dropped() -> None:
    anchor = Anchor("w12s1", MONDAY, "skip")
    position = locate(PROGRAMME, _done("w1s1"), anchor, day(3))
    assert position.anchor is None
    assert position.next is not None and position.next.key == "w1s2"


def test_the_programme_is_finished_after_its_last_session() -> None:
    everything = _done(*(s.key for s in PROGRAMME.sessions()), every=1.75)
    position = locate(PROGRAMME, everything, now=day(70))
    assert position.finished and position.next is None
    assert len(position.done) == position.total == 36


def test_naive_times_are_read_as_local_time() -> None:
    naive = datetime(2024, 3, 5, 8, 0)
    aware = naive.astimezone()
    anchor = Anchor("w1s1", aware - timedelta(minutes=1), "repeat")
    assert _next([("w1s3", naive)], anchor, aware) == "w1s4"


def test_memory_progress_keeps_each_programme_apart_and_sorted() -> None:
    progress = MemoryProgress()
    progress.record("build-to-30", "w1s2", day(2))
    progress.record("other", "w3s1", day(1))
    progress.record("build-to-30", "w1s1", day(1))
    assert progress.completed_programme_sessions("build-to-30") == [
        ("w1s1", day(1)), ("w1s2", day(2))]
    assert progress.completed_programme_sessions("nothing") == []
