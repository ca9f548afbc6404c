"""The building blocks of a report document, which the Word and PDF writers lay out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..formats.markdown_text import Run


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1
    """1 for a chapter, 2 and 3 below it."""
    new_page: bool = True
    """A chapter starts a new page unless this is false (for short ones)."""


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    style: str = ""
    """`` for body text, `note` for small grey text."""


@dataclass(frozen=True)
class Items:
    entries: tuple[tuple[Run, ...], ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    """Relative column widths."""
    right: tuple[int, ...] = ()
    """Columns aligned right (numbers)."""


@dataclass(frozen=True)
class Chart:
    name: str
    kind: str
    args: tuple[Any, ...]
    caption: str
    width: float = 1.0
    """Share of the text width."""


@dataclass(frozen=True)
class Facts:
    """Label and value pairs, shown as a two-column summary."""

    rows: tuple[tuple[str, str], ...]


Block = Heading | Para | Items | Table | Chart | Facts


def text(*parts: str | Run) -> Para:
    """A paragraph from plain strings and runs."""
    return Para(tuple(Run(p) if isinstance(p, str) else p for p in parts))


def bold(value: str) -> Run:
    return Run(value, bold=True)




def led_by(owner: str) -> str:
    """A role inside a sentence: `PMO lead` → `the PMO lead`, `Risk manager` → `the risk
    manager`, `Line managers` → `line managers`."""
    first, _, rest = owner.partition(" ")
    if not first.isupper():
        first = first[:1].lower() + first[1:]
    role = f"{first} {rest}".strip()
    return role if role.endswith("s") and not role.endswith("ss") else f"the {role}"
