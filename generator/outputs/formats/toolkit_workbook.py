"""A workbook template: a guidance sheet, then each sheet with its worked examples and rows.

Every sheet has a frozen, filterable header row in the shared style, print set-up (landscape
where wide, the header row repeated), real validation bounds, conditional formatting of RAG
and score columns, and formulas in its computed columns. Worked example rows come first,
marked as examples, with the same formulas as the blank rows below them. Formulas only ever
come from the template's source: typed text that looks like one stays text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...branding import Branding
from ...formulas import REFERENCE, parts
from ...models import Column, Sheet, Template
from ...spreadsheet import new_workbook, to_bytes, write
from .docstyle import header_style, sheet_print_setup
from .markdown_text import blocks

RAG = {
    "Green": "C6EFCE", "On track": "C6EFCE", "Achieved": "C6EFCE", "Delivered": "C6EFCE",
    "Realised": "C6EFCE", "Validated": "C6EFCE", "Resolved": "C6EFCE",
    "Amber": "FFEB9C", "At risk": "FFEB9C",
    "Red": "FFC7CE", "Off track": "FFC7CE", "Missed": "FFC7CE", "Late": "FFC7CE",
    "Proved false": "FFC7CE",
}
"""Choice words with a RAG meaning, and the fill Excel uses for good, neutral and bad."""
RAG_FONTS = {"C6EFCE": "006100", "FFEB9C": "9C5700", "FFC7CE": "9C0006"}
EXAMPLE_FILL = "F2F2F2"
COMPUTED_FILL = "EEF3F8"
FIRST_DATE, LAST_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
GUIDE_WIDTH = 72
"""Characters: the guidance sheet's one column fits a portrait page at full size."""
LANDSCAPE_FROM = 110
"""Sheets whose columns add up to more characters than this print landscape."""
SCALES = {"higher-is-better": ("F8696B", "FFEB84", "63BE7B"),
          "higher-is-worse": ("63BE7B", "FFEB84", "F8696B")}


@dataclass(frozen=True)
class Layout:
    """Where a sheet's rows are: header, examples, blank rows, then the total row (if any)."""

    sheet: Sheet
    examples: int

    @property
    def first(self) -> int:
        return 2

    @property
    def last(self) -> int:
        return 1 + self.examples + self.sheet.rows

    @property
    def total_row(self) -> int | None:
        return self.last + 1 if any(c.total for c in self.sheet.columns) else None

    def letter(self, name: str) -> str:
        index = next(i for i, c in enumerate(self.sheet.columns) if c.name == name)
        return get_column_letter(index + 1)


def xlsx_bytes(template: Template, branding: Branding | None = None) -> bytes:
    b = branding or Branding()
    book = new_workbook(b.author)
    book.properties.title = template.title
    book.properties.subject = template.summary
    book.properties.category = "PMO toolkit"
    layouts = {s.name: Layout(s, len(s.examples)) for s in template.sheets}
    _guide(book, template, b)
    lists: Worksheet | None = None
    for sheet_spec in template.sheets:
        lists = _sheet(book, template, layouts[sheet_spec.name], layouts, b, lists)
    if lists is not None:
        lists.sheet_state = "hidden"
    return to_bytes(book)


def formula_text(formula: str, row: int, layout: Layout, layouts: dict[str, Layout]) -> str:
    """A column's formula for `row`, with each `{...}` reference resolved to cells."""
    def resolve(match: re.Match[str]) -> str:
        sheet, mark, name = parts(match.group(1))
        if sheet is None and not mark:
            return f"{layout.letter(name)}{row}"
        target = layouts[sheet] if sheet else layout
        letter = target.letter(name)
        prefix = f"'{sheet}'!" if sheet else ""
        return f"{prefix}${letter}${target.first}:${letter}${target.last}"

    return REFERENCE.sub(resolve, formula)


def _guide(book: Workbook, template: Template, b: Branding) -> None:
    sheet = book.create_sheet("How to use")
    sheet.column_dimensions["A"].width = GUIDE_WIDTH
    _, fill, _, _ = header_style(b)
    rows: list[tuple[str, str]] = [(template.title, "title"), (template.summary, "summary"),
                                   ("", "")]
    for markdown in (template.purpose, template.guidance):
        for block in blocks(markdown):
            rows.append(("• " + block.text if block.kind != "paragraph" else block.text, ""))
        rows.append(("", ""))
    rows.append(("The sheets", "heading"))
    for spec in template.sheets:
        rows.append((f"{spec.name}: {spec.description}".rstrip(": "), ""))
        computed = [c.name for c in spec.columns if c.formula]
        if computed:
            rows.append((f"    Calculated for you (shaded, do not type over): "
                         f"{', '.join(computed)}.", ""))
    rows += [("", ""), ("Rows in grey italics at the top of a sheet are worked examples: "
                        "read them, then replace or delete them.", "")]
    for number, (text, kind) in enumerate(rows, start=1):
        cell = sheet.cell(number, 1)
        write(cell, text)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.row_dimensions[number].height = 30 if kind == "title" else _height(text,
                                                                                   GUIDE_WIDTH)
        if kind == "title":
            cell.font, cell.fill = Font(bold=True, size=16, color="FFFFFF"), fill
        elif kind == "summary":
            cell.font = Font(italic=True, size=11)
        elif kind == "heading":
            cell.font = Font(bold=True, size=12, color=b.hex)
    sheet_print_setup(sheet, b, title=template.title, landscape=False, title_rows=None)


def _sheet(book: Workbook, template: Template, layout: Layout, layouts: dict[str, Layout],
           b: Branding, lists: Worksheet | None) -> Worksheet | None:
    spec = layout.sheet
    sheet = book.create_sheet(spec.name)
    font, fill, alignment, border = header_style(b)
    for index, column in enumerate(spec.columns, start=1):
        cell = sheet.cell(1, index, column.name)
        cell.font, cell.fill, cell.alignment, cell.border = font, fill, alignment, border
        sheet.column_dimensions[get_column_letter(index)].width = column.width
        note = column.guidance + (" Calculated by a formula." if column.formula else "")
        if note.strip():
            cell.comment = Comment(note.strip(), b.author or "Template", width=300, height=120)
    sheet.row_dimensions[1].height = 30
    for offset, example in enumerate(spec.examples):
        _example_row(sheet, layout, layouts, layout.first + offset, example)
    for row in range(layout.first + layout.examples, layout.last + 1):
        for index, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(row, index)
            _format(cell, column)
            if column.formula:
                cell.value = formula_text(column.formula, row, layout, layouts)
    _total_row(sheet, layout)
    for index, column in enumerate(spec.columns, start=1):
        lists = _checks(book, sheet, layout, index, column, lists)
    last_letter = get_column_letter(len(spec.columns))
    sheet.freeze_panes = "B2" if spec.columns[0].width <= 14 else "A2"
    sheet.auto_filter.ref = f"A1:{last_letter}{layout.last}"
    wide = sum(c.width for c in spec.columns) > LANDSCAPE_FROM
    sheet_print_setup(sheet, b, title=template.title, landscape=wide)
    return lists


def _example_row(sheet: Worksheet, layout: Layout, layouts: dict[str, Layout], row: int,
                 values: Sequence[str]) -> None:
    grey = Font(italic=True, color="595959")
    for index, column in enumerate(layout.sheet.columns, start=1):
        cell = sheet.cell(row, index)
        _format(cell, column)
        if column.formula:
            cell.value = formula_text(column.formula, row, layout, layouts)
        else:
            write(cell, _typed(values[index - 1] if index <= len(values) else "", column))
            cell.alignment = ALIGN[column.width >= 20]
        cell.font = grey
        if not column.formula:
            cell.fill = PatternFill("solid", fgColor=EXAMPLE_FILL)
    sheet.row_dimensions[row].height = max(
        _height(str(value or ""), column.width) for value, column in zip(
            values, layout.sheet.columns, strict=False))
    sheet.cell(row, 1).comment = Comment("Worked example: replace or delete this row.",
                                         "Template", width=220, height=40)


def _height(text: str, width: int) -> float:
    """A row height (points) that shows `text` wrapped in a column `width` characters wide:
    spreadsheets do not size rows by themselves when they print a file they did not save."""
    lines = sum(max(1, -(-len(part) // max(width - 2, 1))) for part in text.split("\n"))
    return 15.0 * max(lines, 1)


def _typed(text: str, column: Column) -> object:
    """An example's text as the cell value its column expects (a date, a number)."""
    if not text:
        return None
    if column.kind == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    if column.kind in ("number", "integer"):
        try:
            value = float(text)
        except ValueError:
            return text
        return int(value) if value.is_integer() else value
    return text


NUMBER_FORMATS = {"date": "yyyy-mm-dd", "integer": "0", "number": "#,##0.##"}
ALIGN = {wrap: Alignment(vertical="top", wrap_text=wrap) for wrap in (False, True)}
"""Shared style objects: openpyxl compares every new one with those it has, which is slow
over thousands of cells."""
COMPUTED = PatternFill("solid", fgColor=COMPUTED_FILL)


def _format(cell: Cell | MergedCell, column: Column) -> None:
    if column.kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[column.kind]
    cell.alignment = ALIGN[column.width >= 20]
    if column.formula:
        cell.fill = COMPUTED


def _total_row(sheet: Worksheet, layout: Layout) -> None:
    row = layout.total_row
    if row is None:
        return
    bold, line = Font(bold=True), Border(top=Side(style="medium", color="595959"))
    for index, column in enumerate(layout.sheet.columns, start=1):
        cell = sheet.cell(row, index)
        cell.border, cell.font = line, bold
        letter = get_column_letter(index)
        if column.total:
            cell.value = f"=SUM({letter}{layout.first}:{letter}{layout.last})"
            _format(cell, column)
            cell.font = bold
    first = sheet.cell(row, 1)
    if not layout.sheet.columns[0].total:
        first.value = "Total"


def _checks(book: Workbook, sheet: Worksheet, layout: Layout, index: int, column: Column,
            lists: Worksheet | None) -> Worksheet | None:
    """Validation and conditional formatting of one column's rows."""
    letter = get_column_letter(index)
    cells = f"{letter}{layout.first}:{letter}{layout.last}"
    rule = None
    if column.formula:
        pass  # computed: nothing to type, nothing to check
    elif column.choices:
        lists = lists or book.create_sheet("Lists")
        rule = DataValidation(type="list", formula1=_choice_range(lists, column.choices),
                              allow_blank=True)
        rule.error = f"Choose one of: {', '.join(column.choices)}"
    elif column.kind == "date":
        rule = DataValidation(type="date", operator="between", allow_blank=True,
                              formula1=_serial(FIRST_DATE), formula2=_serial(LAST_DATE))
        rule.error = "Enter a date, such as 2026-03-31."
    elif column.kind in ("number", "integer"):
        rule = _number_rule(column, f"{letter}{layout.first}")
    if rule is not None:
        rule.showErrorMessage = True
        rule.errorTitle = column.name[:32]
        sheet.add_data_validation(rule)
        rule.add(cells)
    fills = {choice: RAG[choice] for choice in column.choices if choice in RAG}
    for choice, colour in fills.items():
        sheet.conditional_formatting.add(cells, CellIsRule(
            operator="equal", formula=[_quoted(choice)],
            fill=PatternFill("solid", fgColor=colour, bgColor=colour),
            font=Font(color=RAG_FONTS[colour])))
    if column.highlight and column.min is not None and column.max is not None:
        low, mid, high = SCALES[column.highlight]
        sheet.conditional_formatting.add(cells, ColorScaleRule(
            start_type="num", start_value=column.min, start_color=low,
            mid_type="num", mid_value=(column.min + column.max) / 2, mid_color=mid,
            end_type="num", end_value=column.max, end_color=high))
    return lists


def _number_rule(column: Column, first_cell: str) -> DataValidation:
    kind: Literal["whole", "decimal"] = "whole" if column.kind == "integer" else "decimal"
    low, high = column.min, column.max
    words = "a whole number" if kind == "whole" else "a number"
    if low is not None and high is not None:
        rule = DataValidation(type=kind, operator="between", allow_blank=True,
                              formula1=_num(low), formula2=_num(high))
        rule.error = f"Enter {words} from {_num(low)} to {_num(high)}."
    elif low is not None:
        rule = DataValidation(type=kind, operator="greaterThanOrEqual", allow_blank=True,
                              formula1=_num(low))
        rule.error = f"Enter {words} of {_num(low)} or more."
    elif high is not None:
        rule = DataValidation(type=kind, operator="lessThanOrEqual", allow_blank=True,
                              formula1=_num(high))
        rule.error = f"Enter {words} of {_num(high)} or less."
    else:  # no bounds that mean anything: accept any number, and only numbers
        rule = DataValidation(type="custom", allow_blank=True,
                              formula1=f"ISNUMBER({first_cell})")
        rule.error = f"Enter {words}."
    return rule


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _serial(day: dt.date) -> str:
    """A date as the day number spreadsheets store (1900 date system)."""
    return str((day - dt.date(1899, 12, 30)).days)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _choice_range(lists: Worksheet, choices: list[str]) -> str:
    """Write a drop-down's choices in a column of the hidden Lists sheet; return its range.

    A range, not an inline list: Excel limits inline lists to 255 characters."""
    column = lists.max_column + 1 if lists["A1"].value is not None else 1
    letter = get_column_letter(column)
    for row, choice in enumerate(choices, start=1):
        write(lists.cell(row, column), choice)
    return f"Lists!${letter}$1:${letter}${len(choices)}"
