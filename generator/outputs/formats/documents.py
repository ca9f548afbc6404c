"""Template downloads: a Word document or an Excel workbook from a template's YAML source.

The same `Template` also renders the template's page, so the page and the download cannot
drift apart. Both take the shared page set-up and style of `docstyle` (the report's too), and
are byte-identical for identical input (no clock, normalised zip).
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK

from ...branding import Branding
from ...models import Template
from .docstyle import (
    GUIDANCE_STYLE,
    add_blocks,
    add_paragraph,
    add_table,
    new_document,
    text_width_mm,
)
from .markdown_text import Block, Run, blocks
from .toolkit_workbook import xlsx_bytes

CATEGORY = "PMO toolkit"


def download(template: Template, branding: Branding | None = None) -> bytes:
    """The template's download, in its format, in the workspace's branding."""
    branding = branding or Branding()
    if template.format == "docx":
        return docx_bytes(template, branding)
    return xlsx_bytes(template, branding)


def file_name(template: Template) -> str:
    return f"{template.id}.{template.format}"


def docx_bytes(template: Template, branding: Branding | None = None) -> bytes:
    from .docstyle import document_bytes

    b = branding or Branding()
    doc = new_document(b, title=template.title, subject=template.summary, header=template.title,
                       keywords=", ".join(template.perspectives), category=CATEGORY)
    doc.add_paragraph(template.title, style="Title")
    doc.add_paragraph(template.summary, style="Subtitle")
    doc.add_heading("How to use this template", level=1)
    add_blocks(doc, blocks(template.purpose), style=GUIDANCE_STYLE)
    add_blocks(doc, blocks(template.guidance), style=GUIDANCE_STYLE)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    for section in template.sections:
        add_paragraph(doc, "Heading1", section.heading)
        add_blocks(doc, blocks(section.guidance), style=GUIDANCE_STYLE)
        prompts = [Block("bullet", (Run(p),)) for p in section.prompts]
        add_blocks(doc, prompts, style=GUIDANCE_STYLE)
        if section.table is not None:
            _table(doc, section.table.columns, section.table.rows, b.paper)
        add_paragraph(doc)
    return document_bytes(doc)


def _table(doc: DocxDocument, columns: list[str], rows: int, paper: str) -> None:
    """A blank table to fill in, its columns sized by how much their headings say."""
    weights = [max(8, min(len(name), 40)) for name in columns]
    width = text_width_mm(paper)
    add_table(doc, columns, [[""] * len(columns) for _ in range(rows)],
              widths_mm=[width * w / sum(weights) for w in weights])


__all__ = ["docx_bytes", "download", "file_name", "xlsx_bytes"]
