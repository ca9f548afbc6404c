"""Small helpers for the words of messages."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`1 organisation`, `2 organisations`, `1,200 answers`."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
