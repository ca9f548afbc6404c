"""`pmo export-form`: an Excel workbook in which to answer the questionnaires.

The first sheet, "How to fill in", holds the respondent's details and short instructions;
then comes one sheet per questionnaire, one row per question, with the answers to pick from
drop-down lists (kept on a hidden sheet, so that long lists work). Sheets are protected
without a password so that only the yellow cells can be typed in, and the workbook's
structure is protected so that sheets are not added, moved or deleted by accident.

Every sheet `pmo import` reads carries a hidden marker column: its first cell names the sheet's
part (`pmo-form details`, or `pmo-form questionnaire ID VERSION`), and each row below holds the
question id (or detail) of its row. The importer finds its sheets by these markers, so a
renamed sheet still imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..models import Questionnaire
from ..spreadsheet import HEADER_FILL, new_workbook, to_bytes, write
from .questions import choices, guidance, plain, rule_in_words, view_headers

MARKER = "pmo-form"
DETAILS_SHEET = "How to fill in"
LISTS_SHEET = "Lists"
ANSWER_FILL = PatternFill("solid", fgColor="FFF4CC")
UNLOCKED = Protection(locked=False)
TOP = Alignment(vertical="top", wrap_text=True)

DETAILS: tuple[tuple[str, str, str], ...] = (
    ("organisation", "Organisation", "The organisation's id, such as example-co."),
    ("round", "Round", "The assessment round's id, such as 2026-h1."),
    (
        "respondent",
        "Respondent id",
        "A short id for you, such as alice or r03; use the same one in every round.",
    ),
    ("role", "Role", "Your role, such as PMO lead, Sponsor or Project manager."),
    ("date", "Date", "The day you answered, as YYYY-MM-DD."),
)
DETAILS_ROW = 4
"""The row of the first detail on the first sheet."""

STEPS = (
    "Fill in your details in the yellow cells above (some may be filled in for you already).",
    "Each questionnaire has a sheet of its own: see the tabs at the bottom of the window. "
    "Answer each question in its yellow cell by choosing from the cell's drop-down list.",
    "Where a questionnaire has two answer columns, such as the office you have today and "
    "the office you need, answer in both.",
    "Read the guidance next to each question. Choose Not applicable only when the practice "
    "cannot apply to the organisation, and Don't know when you cannot tell; do not guess. "
    "In the services survey, choose Not applicable for satisfaction if you have not used the "
    "service, and still rate its importance.",
    "Some questions are asked only after certain answers to earlier ones: the Shown when "
    "column says when. Leave such a question empty when its rule does not hold.",
    "Where there are Evidence and Notes columns, note the documents or records that back "
    "your answer, and anything else the assessor should know. Where there is a Comments "
    "column, say what should change about the service: comments are quoted word for word, "
    "without names, in the report.",
    "You may leave questions empty and come back to them. Keep the layout as it is: the "
    "sheets are protected (without a password) so that the answers can be read back.",
    "Save the file in Excel format (.xlsx) and return it to whoever sent it to you.",
)


@dataclass(frozen=True)
class Details:
    """The respondent details to fill in for the respondent; empty ones are left to them."""

    organisation: str = ""
    round: str = ""
    respondent: str = ""
    role: str = ""
    rounds: tuple[str, ...] = ()
    """The organisation's rounds, offered as a drop-down list when known."""


@dataclass(frozen=True)
class Column:
    """One column of a questionnaire sheet; `key` is `view:<id>` for an answer column."""

    key: str
    header: str
    width: int

    @property
    def editable(self) -> bool:
        return self.key.startswith("view:") or self.key in ("evidence", "notes")


def columns(q: Questionnaire) -> tuple[Column, ...]:
    """The visible columns of a questionnaire's sheet, left to right."""
    maturity = q.kind == "maturity"
    out = [Column("id", "Id", 10), Column("section", "Perspective" if maturity else "Section", 24)]
    out += [Column("level", "Level", 7)] if maturity else []
    out += [Column("question", "Question", 60), Column("guidance", "Guidance", 60)]
    out += [Column("rule", "Shown when", 36)] if q.conditions else []
    out += [Column(f"view:{view}", header, 28) for view, header in view_headers(q).items()]
    out += [Column("evidence", "Evidence", 40), Column("notes", "Notes", 32)] if maturity else []
    out += [Column("notes", "Comments", 40)] if q.kind == "services" else []
    return tuple(out)


def questionnaire_marker(q: Questionnaire, version: str | None = None) -> str:
    return f"{MARKER} questionnaire {q.id} {version or q.version}"


def sheet_titles(questionnaires: Sequence[Questionnaire]) -> dict[str, str]:
    """A distinct, valid sheet title for each questionnaire, from its title."""
    taken = {DETAILS_SHEET.casefold(), LISTS_SHEET.casefold()}
    out = {}
    for q in questionnaires:
        base = "".join(c for c in q.title if c not in "[]:*?/\\'").strip()[:28] or q.id[:28]
        title, n = base, 1
        while title.casefold() in taken:
            n += 1
            title = f"{base} ({n})"
        taken.add(title.casefold())
        out[q.id] = title
    return out


def form_workbook(questionnaires: Sequence[Questionnaire], details: Details) -> bytes:
    """The workbook, as bytes; identical input gives identical bytes."""
    book = new_workbook()
    titles = sheet_titles(questionnaires)
    lists = _Lists(book.create_sheet(LISTS_SHEET))
    _details_sheet(book.create_sheet(DETAILS_SHEET, 0), questionnaires, titles, details, lists)
    for q in questionnaires:
        _questionnaire_sheet(book.create_sheet(titles[q.id]), q, lists)
    lists.sheet.sheet_state = "hidden"
    _protect(lists.sheet)
    book.move_sheet(lists.sheet, offset=len(book.sheetnames) - 1 - book.index(lists.sheet))
    book.active = 0
    book.security = WorkbookProtection(lockStructure=True)
    return to_bytes(book)


class _Lists:
    """The hidden sheet of drop-down lists: one column per distinct list, reused."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.refs: dict[tuple[str, ...], str] = {}

    def ref(self, labels: Sequence[str]) -> str:
        key = tuple(labels)
        if key not in self.refs:
            letter = get_column_letter(len(self.refs) + 1)
            for row, label in enumerate(key, start=1):
                write(self.sheet[f"{letter}{row}"], label)
            self.refs[key] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(key)}"
        return self.refs[key]


DETAILS_MARKER = 4
"""The hidden column of the first sheet that names each detail's row."""


def _details_sheet(
    sheet: Worksheet,
    questionnaires: Sequence[Questionnaire],
    titles: dict[str, str],
    details: Details,
    lists: _Lists,
) -> None:
    sheet["A1"] = "PMO assessment form"
    sheet["A1"].font = Font(bold=True, size=14)
    _text(
        sheet,
        2,
        "Your answers are read back by the pmo tool, so please keep this "
        "workbook's layout as it is.",
    )
    _details(sheet, details, lists)
    row = DETAILS_ROW + len(DETAILS) + 1
    _heading(sheet, row, "How to fill in")
    for number, step in enumerate(STEPS, start=1):
        sheet.cell(row + number, 1, number).alignment = Alignment(vertical="top")
        _text(sheet, row + number, step)
    row += len(STEPS) + 2
    _heading(sheet, row, "The questionnaires")
    for q in questionnaires:
        row += 1
        write(sheet.cell(row, 1), titles[q.id])
        sheet.cell(row, 1).alignment = TOP
        _text(sheet, row, "\n\n".join(plain(t) for t in (q.description, q.instructions) if t))
    sheet.cell(1, DETAILS_MARKER, f"{MARKER} details")
    for letter, width in zip("ABC", (18, 90, 48), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.column_dimensions[get_column_letter(DETAILS_MARKER)].hidden = True
    _protect(sheet)


def _details(sheet: Worksheet, details: Details, lists: _Lists) -> None:
    """The respondent's details: label, cell to fill in, hint, and the hidden key."""
    _heading(sheet, DETAILS_ROW - 1, "Your details")
    given = {
        "organisation": details.organisation,
        "round": details.round,
        "respondent": details.respondent,
        "role": details.role,
    }
    for offset, (key, label, hint) in enumerate(DETAILS):
        row = DETAILS_ROW + offset
        sheet.cell(row, 1, label).font = Font(bold=True)
        cell = sheet.cell(row, 2)
        write(cell, given.get(key) or None)
        cell.fill, cell.protection = ANSWER_FILL, UNLOCKED
        if key == "date":
            cell.number_format = "yyyy-mm-dd"
        if key == "round" and details.rounds:
            _validation(sheet, lists.ref(details.rounds), [cell.coordinate])
        write(sheet.cell(row, 3), hint)
        sheet.cell(row, 3).font = Font(italic=True, color="666666")
        sheet.cell(row, DETAILS_MARKER, key)


def _heading(sheet: Worksheet, row: int, text: str) -> None:
    sheet.cell(row, 1, text).font = Font(bold=True, size=12)


def _text(sheet: Worksheet, row: int, text: str) -> None:
    write(sheet.cell(row, 2), text)
    sheet.cell(row, 2).alignment = TOP


def _questionnaire_sheet(sheet: Worksheet, q: Questionnaire, lists: _Lists) -> None:
    layout = columns(q)
    marker = len(layout) + 1
    for number, column in enumerate(layout, start=1):
        cell = sheet.cell(1, number, column.header)
        cell.font, cell.fill, cell.alignment = Font(bold=True), HEADER_FILL, TOP
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.cell(1, marker, questionnaire_marker(q))
    sheet.column_dimensions[get_column_letter(marker)].hidden = True
    answer_cells: dict[str, list[str]] = {}
    row = 1
    for section in q.sections:
        for question in section.questions:
            row += 1
            values = {
                "id": question.id,
                "section": section.title,
                "level": question.level,
                "question": question.text,
                "guidance": guidance(q, question),
                "rule": rule_in_words(q, question),
            }
            for number, column in enumerate(layout, start=1):
                answer = sheet.cell(row, number)
                write(answer, values.get(column.key))
                answer.alignment = TOP
                if column.editable:
                    answer.fill, answer.protection = ANSWER_FILL, UNLOCKED
                    if column.key.startswith("view:") and question.type == "choice":
                        labels = [c.label for c in choices(q, question)]
                        answer_cells.setdefault(lists.ref(labels), []).append(answer.coordinate)
            sheet.cell(row, marker, question.id)
    for ref, cells in answer_cells.items():
        _validation(sheet, ref, cells)
    sheet.freeze_panes = "B2"
    _protect(sheet)


def _validation(sheet: Worksheet, ref: str, cells: Iterable[str]) -> None:
    check = DataValidation(
        type="list",
        formula1=ref,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Not one of the answers",
        error="Choose an answer from the cell's list, or leave the cell empty.",
    )
    for cell_range in _ranges(cells):
        check.add(cell_range)
    sheet.add_data_validation(check)


def _ranges(cells: Iterable[str]) -> list[str]:
    """Cells as ranges of consecutive rows in a column: `F2:F107` rather than 106 cells."""
    spans: list[list[Any]] = []
    for letter, row in sorted(coordinate_from_string(c) for c in cells):
        if spans and spans[-1][0] == letter and spans[-1][2] == row - 1:
            spans[-1][2] = row
        else:
            spans.append([letter, row, row])
    return [f"{c}{a}" if a == b else f"{c}{a}:{c}{b}" for c, a, b in spans]


def _protect(sheet: Worksheet) -> None:
    """Protect the sheet without a password; widths and heights may still be changed."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
