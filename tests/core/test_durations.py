"""Durations as people write them, and back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmup_tui.common.durations import (
    MAX_SECONDS,
    DurationError,
    describe_duration,
    format_clock,
    format_duration,
    parse_duration,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30s", 30.0),
        ("1m30s", 90.0),
        ("2m", 120.0),
        ("1h", 3600.0),
        ("1h5m30s", 3930.0),
        ("1.5s", 1.5),
        ("45", 45.0),
        (" 2M ", 120.0),
        ("1m 30s", 90.0),
        (30, 30.0),
        (2.5, 2.5),
        ("-5s", -5.0),  # read, so that validation can say it must be above zero
        # the words people type
        ("45 seconds", 45.0),
        ("1 min", 60.0),
        ("2 minutes", 120.0),
        ("1 minute 30 seconds", 90.0),
        ("1 minute and 30 seconds", 90.0),
        ("1 min, 30 sec", 90.0),
        ("1h 5m", 3900.0),
        ("1 hour", 3600.0),
        ("2 Hours 1 Second", 7201.0),
        ("90s", 90.0),
        ("1.5 minutes", 90.0),
    ],
)
def test_parse_accepts_written_forms(text: object, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("ten", '"ten" is not a duration'),
        ("1m30", '"1m30" is not a duration'),
        ("5x", '"5x" is not a duration'),
        ("", '"" is not a duration'),
        ("1h1h", "repeats or misorders"),
        ("5 parsecs", '"5 parsecs" is not a duration: "parsecs" is not a unit'),
        ("1 minute 30", '"1 minute 30" is not a duration'),
        ("30 seconds and", "is not a duration"),
        ("1 min 2 minutes", "repeats or misorders"),
        ("30 seconds 1 minute", "repeats or misorders"),
        ("30s1m", "repeats or misorders"),
        (True, "expected a duration"),
        ([30], "expected a duration"),
        ({"s": 1}, "expected a duration"),
        (float("nan"), "finite"),
        (float("inf"), "at most 12 hours, got inf"),
        (10**400, "at most 12 hours, got a number over 15 digits long"),
        ("9" * 400 + "s", "at most 12 hours"),
        ("inf", '"inf" is not a duration'),
        # Only ASCII digits, in the documented forms: Python's float() takes all of these.
        ("1_000", '"1_000" is not a duration; write it like'),
        ("1e3", '"1e3" is not a duration'),
        ("\u0661\u0660s", "is not a duration"),
        ("\uff11\uff10", "is not a duration"),
        ("1\u00a0m", r'"1\\xa0m" is not a duration'),
        ("+5", r'"\+5" is not a duration'),
        (".5s", '".5s" is not a duration'),
        ("\x1b]0;X\x07", r'"\\x1b]0;X\\x07" is not a duration'),
    ],
)
def test_parse_refuses_other_values(value: object, fragment: str) -> None:
    with pytest.raises(DurationError, match=fragment):
        parse_duration(value)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(30, "30s"), (90, "1m30s"), (120, "2m"), (3600, "1h"), (3930, "1h5m30s"), (0, "0s"),
     (1.5, "1.5s"), (90.25, "90.25s")],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


@given(st.floats(min_value=0, max_value=MAX_SECONDS, allow_nan=False, allow_infinity=False))
def test_format_then_parse_gives_the_same_float(seconds: float) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


@given(st.integers(min_value=0, max_value=MAX_SECONDS))
def test_words_then_parse_gives_the_same_seconds(seconds: int) -> None:
    # describe_duration's words ("1 min 30 s") are read back as written
    assert parse_duration(describe_duration(seconds)) == seconds


def test_every_refusal_is_one_line() -> None:
    for text in ("5 parsecs", "1m30", "ten", "30s1m"):
        with pytest.raises(DurationError) as caught:
            parse_duration(text)
        assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("seconds", "face"),
    [(75, "1:15"), (3725, "1:02:05"), (0, "0:00"), (-3, "0:00"), (59.2, "1:00"),
     (59.0, "0:59"), (0.01, "0:01")],
)
def test_format_clock_rounds_up_like_a_countdown(seconds: float, face: str) -> None:
    assert format_clock(seconds) == face


@pytest.mark.parametrize(("seconds", "words"), [(90, "1 min 30 s"), (120, "2 min"), (45, "45 s")])
def test_describe_duration(seconds: float, words: str) -> None:
    assert describe_duration(seconds) == words
