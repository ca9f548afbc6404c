"""The report as a Word document a consultant can edit: real styles, a contents field, the
shared page set-up, header and footer, and the charts as pictures at print resolution."""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt, RGBColor

from ...branding import Branding
from ..formats.docstyle import (
    GREY,
    add_contents,
    add_paragraph,
    add_runs,
    add_table,
    document_bytes,
    new_document,
    text_width_mm,
)
from .blocks import Chart, Facts, Heading, Items, Para, Table
from .model import ReportDoc

CONFIDENTIAL = ("Confidential: this report holds the organisation's assessment results and is "
                "for its management only.")


def report_docx(report: ReportDoc, b: Branding, images: dict[str, bytes]) -> bytes:
    """The Word document; `images` holds each chart's PNG by name."""
    doc = new_document(b, title=report.title, header=f"{report.org_name} · Confidential",
                       subject=report.subtitle, keywords="PMO, maturity, assessment, roadmap",
                       category="Assessment report", date=report.date)
    doc.sections[0].different_first_page_header_footer = True  # a bare cover
    _cover(doc, report, b)
    doc.add_paragraph("Contents", style="Title").runs[0].font.size = Pt(18)
    add_contents(doc)
    width = text_width_mm(b.paper)
    figure = 0
    for block in report.blocks:
        if isinstance(block, Heading):
            paragraph = add_paragraph(doc, f"Heading{block.level}", block.text)
            if block.level == 1 and block.new_page:
                paragraph.paragraph_format.page_break_before = True
        elif isinstance(block, Para):
            paragraph = add_paragraph(doc)
            add_runs(paragraph, block.runs)
            if block.style == "note":
                for run in paragraph.runs:
                    run.font.size, run.font.color.rgb = Pt(9), GREY
        elif isinstance(block, Items):
            style = "ListNumber" if block.numbered else "ListBullet"
            for entry in block.entries:
                add_runs(add_paragraph(doc, style), entry)
        elif isinstance(block, Table):
            total = sum(block.widths)
            add_table(doc, block.header, block.rows,
                      widths_mm=[width * w / total for w in block.widths], right=block.right)
            doc.add_paragraph().paragraph_format.space_after = Pt(2)
        elif isinstance(block, Facts):
            _facts(doc, block, width)
        elif isinstance(block, Chart) and block.name in images:
            figure += 1
            picture = doc.add_paragraph()
            picture.paragraph_format.keep_with_next = True
            picture.add_run().add_picture(io.BytesIO(images[block.name]),
                                          width=Mm(width * block.width))
            add_paragraph(doc, "Caption", f"Figure {figure}. {block.caption}")
    return document_bytes(doc)


def _cover(doc: DocxDocument, report: ReportDoc, b: Branding) -> None:
    if b.logo:
        doc.add_paragraph().add_run().add_picture(io.BytesIO(b.logo), height=Mm(18))
    spacer = doc.add_paragraph()
    spacer.paragraph_format.space_before = Pt(90)
    kicker = doc.add_paragraph().add_run("PMO ASSESSMENT REPORT")
    kicker.bold, kicker.font.size = True, Pt(11)
    kicker.font.color.rgb = RGBColor.from_string(b.hex)
    doc.add_paragraph(report.org_name, style="Title")
    doc.add_paragraph(report.subtitle, style="Subtitle")
    doc.add_paragraph(f"{report.round_text} · {report.date:%-d %B %Y}")
    gap = doc.add_paragraph()
    gap.paragraph_format.space_before = Pt(120)
    for label, value in (("Prepared for", report.prepared_for),
                         ("Prepared by", b.prepared_by or b.company)):
        if value:
            line = doc.add_paragraph()
            line.add_run(f"{label}: ").bold = True
            line.add_run(value)
    note = doc.add_paragraph().add_run(CONFIDENTIAL)
    note.italic, note.font.size, note.font.color.rgb = True, Pt(9), GREY
    note.add_break(WD_BREAK.PAGE)


def _facts(doc: DocxDocument, facts: Facts, width: float) -> None:
    table = add_table(doc, ("At a glance", ""), [list(row) for row in facts.rows],
                      widths_mm=[width * 0.28, width * 0.72])
    for row in table.rows[1:]:
        for run in row.cells[0].paragraphs[0].runs:
            run.bold = True
    doc.add_paragraph().paragraph_format.space_after = Pt(2)
