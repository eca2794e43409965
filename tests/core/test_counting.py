"""Counts read as words: one of a thing is singular, whatever the count before it."""

from __future__ import annotations

from datetime import date

from warmup_tui.common.counting import count_of, counted
from warmup_tui.log.report import summary_lines
from warmup_tui.log.stats import Progress, WeekStats


def test_one_problem_two_problems_no_problems() -> None:
    assert [counted(n, "problem") for n in (0, 1, 2)] == [
        "0 problems", "1 problem", "2 problems"]


def test_the_noun_agrees_with_the_total() -> None:
    assert count_of(0, 1, "session") == "0 of 1 session"
    assert count_of(1, 4, "programme session") == "1 of 4 programme sessions"


def test_a_goal_of_one_run_a_week_reads_as_one_run() -> None:
    week = WeekStats(start=date(2026, 3, 2), sessions=0, runs=0, run_seconds=0.0, goal=1)
    head = summary_lines(Progress(goal=1, weeks=[week], streak=0))[0]
    assert ": 0 of 1 run  " in head
