"""Write workbooks that open cleanly in Excel and LibreOffice and never run a formula.

openpyxl stores any text starting with `=` as a formula. Free text from answers could start
with `=`, `+`, `-` or `@` (formula injection), so such cells are forced to text and marked
with Excel's quote prefix; numbers and dates keep their types.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .cells import FORMULA_STARTS

HEADER_FILL = PatternFill("solid", fgColor="DDE4F0")
_DATES = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def new_workbook(creator: str = "") -> Workbook:
    """An empty workbook; `creator` is its author property (none by default)."""
    book = Workbook()
    book.remove(book.worksheets[0])
    book.properties.creator = creator
    book.properties.lastModifiedBy = creator or None
    return book


def add_sheet(
    book: Workbook,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[int] | None = None,
) -> Worksheet:
    """A sheet with a bold, frozen, filterable header row and safe cells."""
    sheet: Worksheet = book.create_sheet(title)
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in rows:
        sheet.append([None] * len(header))
        for column, value in enumerate(row, start=1):
            write(sheet.cell(sheet.max_row, column), value)
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for column, width in enumerate(widths or [18] * len(header), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    return sheet


def write(cell: Any, value: Any) -> None:
    """Set a cell; text that a spreadsheet would read as a formula stays text."""
    if isinstance(value, dt.datetime):
        value = value.date()
    cell.value = value
    if isinstance(value, str):
        cell.alignment = Alignment(vertical="top", wrap_text=len(value) > 40)
        if value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"


def to_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue())


def stable_zip(data: bytes) -> bytes:
    """The same archive with fixed entry timestamps: zip entries otherwise carry the time
    they were written, and identical input must give identical files. A workbook's
    created and modified dates are dropped (openpyxl would write the clock's)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        workbook = "xl/workbook.xml" in source.namelist()
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml" and workbook:
                # openpyxl stamps the time of saving: a workbook carries no date instead
                data = _DATES.sub(b"", data)
            target.writestr(entry, data)
    return out.getvalue()
