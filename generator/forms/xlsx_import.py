"""Read a workbook made by `pmo export-form` and filled in, into one `Submission`.

Sheets are found by their hidden marker column, not by name or position (see `workbook`), and
columns by their headers, so a renamed sheet or a column made wider still reads. Only the
cells meant to be typed in are read: details, answers, evidence and notes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import Location, Problem
from ..models import Questionnaire
from .submissions import DETAIL_KEYS, Cell, Submission, cell_text, sheet_ref
from .workbook import DETAILS_SHEET, MARKER, columns

NEW_FORM = "copy the answers into a new form from 'pmo export-form'"


def read_form(
    path: Path, questionnaires: Mapping[str, Questionnaire]
) -> tuple[list[Submission], list[Problem]]:
    """The submission in the workbook at `path`, and every problem found reading it."""
    try:
        book = load_workbook(path)  # formulas as typed: what the respondent entered
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not an .xlsx file"
        return [], [
            Problem(
                Location(path),
                f"cannot read the workbook ({reason}); save it in "
                "Excel Workbook (.xlsx) format and try again",
            )
        ]
    problems: list[Problem] = []
    submission = Submission(source=Location(path))
    found = {"details": 0, "questionnaire": 0}
    for sheet in book.worksheets:
        marker = _marker(sheet)
        if marker is None:
            continue
        column, words = marker
        if words[:1] == ["details"]:
            found["details"] += 1
            _read_details(path, sheet, column, submission)
        elif words[:1] == ["questionnaire"] and len(words) == 3:
            found["questionnaire"] += 1
            problems += _read_answers(
                path, sheet, column, words[1], words[2], questionnaires, submission
            )
    if not found["details"] or not found["questionnaire"]:
        missing = (
            f"no '{DETAILS_SHEET}' sheet" if not found["details"] else "no questionnaire sheet"
        )
        problems.append(
            Problem(Location(path), f"{missing}; is this a form made by 'pmo export-form'?")
        )
        return [], problems
    return [submission], problems


def _marker(sheet: Worksheet) -> tuple[int, list[str]] | None:
    """The column of the sheet's marker and the words after `pmo-form`, if it has one."""
    for cell in sheet[1]:
        if isinstance(cell.value, str) and cell.value.startswith(MARKER + " "):
            return cell.column, cell.value.split()[1:]
    return None


def _location(path: Path, sheet: Worksheet, row: int, column: int, what: str) -> Location:
    ref = sheet_ref(sheet.title, f"{get_column_letter(column)}{row}")
    return Location(path, row, column, f"{ref} ({what})")


def _read_details(path: Path, sheet: Worksheet, marker: int, submission: Submission) -> None:
    for row in range(2, sheet.max_row + 1):
        key = sheet.cell(row, marker).value
        if not isinstance(key, str) or key not in DETAIL_KEYS:
            continue
        location = _location(path, sheet, row, 2, key)
        submission.places[key] = location
        value = cell_text(sheet.cell(row, 2).value)
        if value is not None:
            submission.details[key] = Cell(value, location)


def _read_answers(
    path: Path,
    sheet: Worksheet,
    marker: int,
    qid: str,
    version: str,
    questionnaires: Mapping[str, Questionnaire],
    submission: Submission,
) -> list[Problem]:
    q = questionnaires.get(qid)
    fields, message = _fields(sheet, q, qid, version, questionnaires)
    if q is None or message:
        return [Problem(_location(path, sheet, 1, marker, qid), message)]
    submission.versions[qid] = version
    problems = []
    for row in range(2, sheet.max_row + 1):
        question_id = sheet.cell(row, marker).value
        if question_id is None:
            problems += _unattributed(path, sheet, row, marker, fields)
            continue
        for name, number in fields.items():
            value = cell_text(sheet.cell(row, number).value)
            if value is None:
                continue
            location = _location(path, sheet, row, number, str(question_id))
            if str(question_id) in q.questions:
                submission.add(qid, str(question_id), name, Cell(value, location))
            else:
                problems.append(
                    Problem(
                        location,
                        f"question {question_id} is no longer in questionnaire '{qid}'; {NEW_FORM}",
                    )
                )
    return problems


def _unattributed(path: Path, sheet: Worksheet, row: int, marker: int, fields: dict[str, int]
                  ) -> list[Problem]:
    """A row with answers but no question id (its hidden cell was cleared): an error, since
    the answers cannot be attributed and must not be lost without a word."""
    for number in fields.values():
        if cell_text(sheet.cell(row, number).value) is not None:
            hidden = get_column_letter(marker)
            return [Problem(
                _location(path, sheet, row, number, f"row {row}"),
                f"the answer has no question id: the hidden cell {hidden}{row} that names the "
                f"question was cleared, so the answer cannot be attributed; {NEW_FORM}",
            )]
    return []


def _fields(
    sheet: Worksheet,
    q: Questionnaire | None,
    qid: str,
    version: str,
    questionnaires: Mapping[str, Questionnaire],
) -> tuple[dict[str, int], str]:
    """The column number of each field to read (view ids, evidence, notes), or why the sheet
    cannot be read."""
    if q is None:
        return {}, (
            f"the sheet answers questionnaire '{qid}', which this workspace does not "
            f"have; expected one of: {', '.join(questionnaires)}"
        )
    if version.split(".")[0] != q.major:
        return {}, (
            f"the form was made for version {version} of '{qid}', but the questionnaire "
            f"is now version {q.version}, which asks different questions; {NEW_FORM}"
        )
    headers = {_header(cell.value): cell.column for cell in sheet[1] if cell.value is not None}
    fields = {}
    for column in columns(q):
        if column.editable and _header(column.header) not in headers:
            return {}, (
                f"the sheet has no column '{column.header}' in row 1; the form's "
                f"layout was changed: {NEW_FORM}"
            )
        if column.editable:
            fields[column.key.removeprefix("view:")] = headers[_header(column.header)]
    return fields, ""


def _header(value: Any) -> str:
    return " ".join(str(value).split()).casefold()
