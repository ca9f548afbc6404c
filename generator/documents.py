"""Template downloads: a Word document or an Excel workbook from a template's YAML source.

The same `Template` also renders the template's page, so the page and the download cannot
drift apart. Output is byte-identical for identical input (fixed timestamps, normalised zip).
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .models import Template
from .spreadsheet import FIXED_TIME, add_sheet, new_workbook, stable_zip, to_bytes

GUIDANCE_COLOUR = RGBColor(0x59, 0x59, 0x59)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MARKUP = re.compile(r"(\*\*|__|`)")


def download(template: Template) -> bytes:
    """The template's download, in its format."""
    return docx_bytes(template) if template.format == "docx" else xlsx_bytes(template)


def file_name(template: Template) -> str:
    return f"{template.id}.{template.format}"


def plain(markdown: str) -> list[tuple[str, bool]]:
    """Markdown as (paragraph text, is a bullet) pairs, without markup: enough for guidance."""
    out = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        for line in block.splitlines() if re.match(r"\s*[-*] ", block) else [block]:
            bullet = bool(re.match(r"\s*[-*] ", line))
            text = re.sub(r"^\s*[-*] ", "", line) if bullet else " ".join(line.split())
            text = _MARKUP.sub("", _LINK.sub(r"\1", text)).strip()
            if text:
                out.append((text, bullet))
    return out


def docx_bytes(template: Template) -> bytes:
    doc = Document()
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = template.title, "pmo", "pmo"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    doc.styles["Normal"].font.size = Pt(10.5)
    # python-docx looks a style name up with XPath on every use: look each up once
    bullet_style, grid = doc.styles["List Bullet"], doc.styles["Table Grid"]
    doc.add_heading(template.title, level=0)
    doc.add_paragraph(template.summary)
    _guidance(doc, "How to use this template", template.purpose + "\n\n" + template.guidance,
              bullet_style)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    for section in template.sections:
        doc.add_heading(section.heading, level=1)
        if section.guidance:
            for text, bullet in plain(section.guidance):
                _grey(doc.add_paragraph(style=bullet_style if bullet else None), text)
        for prompt in section.prompts:
            _grey(doc.add_paragraph(style=bullet_style), prompt)
        if section.table is not None:
            table = doc.add_table(rows=section.table.rows + 1, cols=len(section.table.columns))
            table.style = grid
            for cell, name in zip(table.rows[0].cells, section.table.columns, strict=True):
                cell.text = name
                cell.paragraphs[0].runs[0].bold = True
        doc.add_paragraph("")
    buffer = io.BytesIO()
    doc.save(buffer)
    return stable_zip(buffer.getvalue())


def xlsx_bytes(template: Template) -> bytes:
    book = new_workbook()
    lines = [[template.title], [template.summary], []]
    lines += [[text if not bullet else f"• {text}"] for text, bullet in
              plain(template.purpose + "\n\n" + template.guidance)]
    about = add_sheet(book, "How to use", ["About this template"], lines, widths=[110])
    about["A2"].font = Font(bold=True, size=13)
    for row in about.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    lists = None
    for sheet_spec in template.sheets:
        header = [c.name for c in sheet_spec.columns]
        sheet = add_sheet(book, sheet_spec.name, header, [], widths=[c.width for c in
                                                                   sheet_spec.columns])
        last = sheet_spec.rows + 1
        for index, column in enumerate(sheet_spec.columns, start=1):
            letter = get_column_letter(index)
            if column.guidance:
                sheet.cell(1, index).comment = Comment(column.guidance, "pmo")
            cells = f"{letter}2:{letter}{last}"
            if column.choices:
                lists = lists or book.create_sheet("Lists")
                formula = _choice_range(lists, column.choices)
                rule = DataValidation(type="list", formula1=formula, allow_blank=True)
                rule.error = f"Choose one of: {', '.join(column.choices)}"
                rule.showErrorMessage = True
                sheet.add_data_validation(rule)
                rule.add(cells)
            elif column.kind == "date":
                for row in range(2, last + 1):
                    sheet.cell(row, index).number_format = "yyyy-mm-dd"
            elif column.kind == "number":
                rule = DataValidation(type="decimal", operator="greaterThanOrEqual",
                                      formula1="-1000000000", allow_blank=True)
                rule.error = "Enter a number."
                rule.showErrorMessage = True
                sheet.add_data_validation(rule)
                rule.add(cells)
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"
    if lists is not None:
        lists.sheet_state = "hidden"
    return to_bytes(book)


def _choice_range(lists: Worksheet, choices: list[str]) -> str:
    """Write a drop-down's choices in a column of the hidden Lists sheet; return its range.

    A range, not an inline list: Excel limits inline lists to 255 characters."""
    column = lists.max_column + 1 if lists["A1"].value is not None else 1
    letter = get_column_letter(column)
    for row, choice in enumerate(choices, start=1):
        lists.cell(row, column).value = choice
    return f"Lists!${letter}$1:${letter}${len(choices)}"


def _guidance(doc: DocxDocument, heading: str, markdown: str, bullet_style: object) -> None:
    doc.add_heading(heading, level=1)
    for text, bullet in plain(markdown):
        doc.add_paragraph(text, style=bullet_style if bullet else None)  # type: ignore[arg-type]


def _grey(paragraph: Paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.italic = True
    run.font.color.rgb = GUIDANCE_COLOUR
