"""What a filled-in form or a survey export says, cell by cell, before anything is checked.

The readers (`xlsx_import`, `csv_import`) only find cells and say where they are; `importing`
decides what the cells mean. Every cell keeps its location, so that a problem with it can be
reported as one line naming the file, row, column and question.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import Location

DETAIL_KEYS = ("organisation", "round", "respondent", "role", "date")
EVIDENCE, NOTES = "evidence", "notes"


@dataclass(frozen=True)
class Cell:
    """One non-empty value and where it was read."""

    value: Any
    """Text as typed, or a `datetime.date` for a date a spreadsheet stored as one."""
    location: Location

    @property
    def text(self) -> str:
        return self.value.isoformat() if isinstance(self.value, dt.date) else str(self.value)


@dataclass
class Submission:
    """One respondent's answers as read: a workbook, or one row of a survey export."""

    source: Location
    """The record as a whole: where to report what is missing from it."""
    details: dict[str, Cell] = field(default_factory=dict)
    """By `DETAIL_KEYS` entry; only the details given."""
    answers: dict[str, dict[str, dict[str, Cell]]] = field(default_factory=dict)
    """Questionnaire id → question id → field → cell; a field is a view id (`current`,
    `target`), `evidence` or `notes`."""
    versions: dict[str, str] = field(default_factory=dict)
    """The version of each questionnaire the form was made from."""
    places: dict[str, Location] = field(default_factory=dict)
    """Where each detail would be, given or not, for reporting a missing one."""

    def add(self, questionnaire: str, question: str, name: str, cell: Cell) -> None:
        self.answers.setdefault(questionnaire, {}).setdefault(question, {})[name] = cell


def cell_text(value: Any) -> Any:
    """A spreadsheet value as text (dates stay dates); None for an empty cell. A formula
    gives its text, as typed: evidence such as `=HYPERLINK(...)` must not be lost."""
    value = getattr(value, "text", value)  # array formulas
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value if isinstance(value, dt.date) else value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


def sheet_ref(title: str, coordinate: str) -> str:
    """A cell reference as a spreadsheet writes it: `'P3O maturity'!F14`."""
    return "'" + title.replace("'", "''") + "'!" + coordinate
