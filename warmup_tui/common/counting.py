"""Counting in words: "1 problem", "2 problems", "0 of 1 session", "1 of 4 runs"."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """'1 problem', '0 problems', '3 problems' (nouns that take an s)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def count_of(done: int, total: int, noun: str) -> str:
    """'0 of 1 session', '2 of 4 sessions': the noun agrees with the total."""
    return f"{done} of {counted(total, noun)}"
