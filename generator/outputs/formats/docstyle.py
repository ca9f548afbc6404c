"""One page set-up and one style for every document a client receives.

The assessment report and the toolkit's Word documents start from `new_document`; the
workbooks take their page set-up and header colours from `sheet_print_setup` and
`header_style`. A change of branding (`workspace.yaml`) therefore reaches all of them.
Output is byte-identical for identical input: dates come from the caller, never the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from ...branding import Branding
from .markdown_text import Block, Run

FONT = "Calibri"
"""Word's body font; LibreOffice shows its metric twin, Carlito, or a close sans serif."""
PAPER_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
MARGINS_MM = {"top": 24, "bottom": 20, "left": 20, "right": 20}
TEXT = RGBColor(0x26, 0x26, 0x26)
GREY = RGBColor(0x59, 0x59, 0x59)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
TABLE_STYLE = "PMO Table"
TABLE_STYLE_ID = "PMOTable"
GUIDANCE_STYLE = "Guidance"
"""Grey italic help text in templates: a style, so that it can be found and removed at once."""
XLSX_PAPER = {"A4": 9, "Letter": 1}
"""openpyxl's paper size codes."""


def text_width_mm(paper: str, landscape: bool = False) -> float:
    width, height = PAPER_MM[paper]
    return (height if landscape else width) - MARGINS_MM["left"] - MARGINS_MM["right"]


# --- Word ------------------------------------------------------------------------------------

def new_document(
    b: Branding,
    *,
    title: str,
    header: str,
    subject: str = "",
    keywords: str = "",
    category: str = "",
    date: dt.date | None = None,
) -> DocxDocument:
    """An empty document with the shared page set-up, styles, header, footer and properties.

    `header` runs along the top of every page (e.g. `Northwind Bank · Confidential`); the
    footer names the firm and numbers the pages. `date` becomes the created and modified
    dates; without one the document carries none (a template has no date of its own).
    """
    doc = Document()
    _page(doc, b.paper)
    _styles(doc, b)
    _header_footer(doc, b, header)
    _properties(doc, b, title, subject, keywords, category, date)
    return doc


def _page(doc: DocxDocument, paper: str) -> None:
    section = doc.sections[0]
    width, height = PAPER_MM[paper]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance = section.footer_distance = Mm(10)


def _styles(doc: DocxDocument, b: Branding) -> None:
    styles = doc.styles
    accent = RGBColor.from_string(b.hex)
    normal = styles["Normal"]
    _font(normal, FONT, 10.5, TEXT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    for level, size, before in ((1, 16, 18), (2, 13, 14), (3, 11, 10)):
        style = styles[f"Heading {level}"]
        _font(style, FONT, size, accent)
        style.font.bold = True
        style.font.italic = False
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    _font(styles["Title"], FONT, 26, accent)
    title_format = styles["Title"].element.get_or_add_pPr()
    for border in title_format.findall(qn("w:pBdr")):  # the default template underlines it
        title_format.remove(border)
    _font(styles["Subtitle"], FONT, 14, GREY)
    styles["Subtitle"].font.italic = False
    caption = styles["Caption"]
    _font(caption, FONT, 9, GREY)
    caption.font.bold = False
    caption.font.italic = True
    caption.paragraph_format.space_after = Pt(10)
    for name in ("List Bullet", "List Bullet 2", "List Number"):
        styles[name].paragraph_format.space_after = Pt(3)
    guidance = styles.add_style(GUIDANCE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    guidance.base_style = normal
    guidance.font.italic = True
    guidance.font.color.rgb = GREY
    guidance.hidden = False
    guidance.quick_style = True
    _table_style(doc, b)


def _font(style: CharacterStyle, name: str, size: float, colour: RGBColor) -> None:
    font = style.font
    font.name = name
    font.size = Pt(size)
    font.color.rgb = colour
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)


def _table_style(doc: DocxDocument, b: Branding) -> None:
    """A real Word table style: light grid, the header row in the accent colour."""
    xml = f"""
    <w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="{TABLE_STYLE_ID}">
      <w:name w:val="{TABLE_STYLE}"/>
      <w:basedOn w:val="TableNormal"/>
      <w:uiPriority w:val="40"/>
      <w:qFormat/>
      <w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>
      <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
      <w:tblPr>
        <w:tblBorders>
          <w:top w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>
          <w:left w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>
          <w:bottom w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>
          <w:right w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>
          <w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>
          <w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>
        </w:tblBorders>
        <w:tblCellMar>
          <w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>
          <w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>
        </w:tblCellMar>
      </w:tblPr>
      <w:tblStylePr w:type="firstRow">
        <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
        <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{b.hex}"/></w:tcPr>
      </w:tblStylePr>
    </w:style>"""
    doc.styles.element.append(parse_xml(xml))


def _header_footer(doc: DocxDocument, b: Branding, header: str) -> None:
    section = doc.sections[0]
    width = Mm(text_width_mm(b.paper))
    top = section.header.paragraphs[0]
    top.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    _small(top.add_run(header))
    if b.logo:
        top.add_run("\t").add_picture(io.BytesIO(b.logo), height=Mm(8))
    bottom = section.footer.paragraphs[0]
    bottom.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    _small(bottom.add_run(b.company or b.prepared_by))
    _small(bottom.add_run("\tPage "))
    add_field(bottom, "PAGE", "1")
    _small(bottom.add_run(" of "))
    add_field(bottom, "NUMPAGES", "1")


def _small(run: DocxRun) -> None:
    run.font.size = Pt(8)
    run.font.color.rgb = GREY


def add_field(paragraph: Paragraph, code: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES, TOC...) with the text shown until Word updates it."""
    def char(kind: str) -> None:
        run = paragraph.add_run()
        _small(run)
        run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))

    char("begin")
    run = paragraph.add_run()
    _small(run)
    run._r.append(parse_xml(
        f'<w:instrText {nsdecls("w")} xml:space="preserve"> {code} </w:instrText>'))
    char("separate")
    _small(paragraph.add_run(shown))
    char("end")


def add_contents(doc: DocxDocument, levels: str = "1-2") -> None:
    """A table of contents field, which Word fills in on opening (the document asks it to)."""
    paragraph = doc.add_paragraph()
    add_field(paragraph, f'TOC \\o "{levels}" \\h \\z \\u',
              "Update this field (F9) to show the table of contents.")
    for run in paragraph.runs:
        run.font.size = Pt(10.5)
    settings = doc.settings.element
    settings.append(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'))


def _properties(doc: DocxDocument, b: Branding, title: str, subject: str, keywords: str,
                category: str, date: dt.date | None) -> None:
    props = doc.core_properties
    # Word's core properties hold at most 255 characters each
    props.title, props.subject = _short(title), _short(subject)
    props.keywords, props.category = _short(keywords), _short(category)
    props.author = props.last_modified_by = b.author
    props.comments = ""
    props.revision = 1
    stamp = dt.datetime(date.year, date.month, date.day) if date else None
    element = props._element
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for old in element.findall(qn(tag)):
            element.remove(old)
    if stamp is not None:
        props.created = props.modified = stamp
    _company(doc, b.company)


def _short(text: str) -> str:
    return text if len(text) <= 255 else text[:254].rsplit(" ", 1)[0] + "…"


def _company(doc: DocxDocument, company: str) -> None:
    """Set the `Company` extended property (docProps/app.xml), which python-docx has no API
    for, and drop the default template's thumbnail of an empty page."""
    package = doc.part.package
    for rel in list(package.rels.values()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package.rels.pop(rel.rId)
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            text = part.blob.decode("utf-8")
            value = (company.replace("&", "&amp;").replace("<", "&lt;")
                     .replace(">", "&gt;"))
            text = re.sub(r"<Company>.*?</Company>|<Company/>", "", text)
            text = text.replace("</Properties>", f"<Company>{value}</Company></Properties>")
            text = re.sub(r"<Template>.*?</Template>", "<Template>Normal.dotm</Template>", text)
            part._blob = text.encode("utf-8")


def add_paragraph(doc: DocxDocument, style_id: str | None = None, text: str = ""
                  ) -> Paragraph:
    """A paragraph in the style with this id (`Heading1`, `ListBullet`...). python-docx
    looks a style up by name with an XPath query on every use, which costs seconds in a long
    report; the id is set directly instead."""
    paragraph = doc.add_paragraph(text)
    if style_id:
        paragraph._p.style = style_id
    return paragraph


def add_runs(paragraph: Paragraph, runs: Sequence[Run]) -> None:
    for piece in runs:
        run = paragraph.add_run(piece.text)
        run.bold = piece.bold or None
        run.italic = piece.italic or None
        if piece.code:
            run.font.name = "Consolas"


def add_blocks(doc: DocxDocument, items: Sequence[Block], style: str | None = None) -> None:
    """Markdown blocks as paragraphs and list items; `style` for the plain paragraphs."""
    ids: dict[str | None, str | None] = {"Guidance": "Guidance", None: None}
    for block in items:
        name: str | None
        if block.kind == "bullet":
            name = "ListBullet2" if block.depth else "ListBullet"
        elif block.kind == "number":
            name = "ListNumber"
        else:
            name = ids[style]
        paragraph = add_paragraph(doc, name)
        add_runs(paragraph, block.runs)
        if style == GUIDANCE_STYLE and block.kind != "paragraph":
            for run in paragraph.runs:
                run.italic = True
                run.font.color.rgb = GREY


def add_table(doc: DocxDocument, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths_mm: Sequence[float] | None = None,
              right: Sequence[int] = ()) -> DocxTable:
    """A table in the shared style: the header row repeats on every page and no row splits
    across pages. `right` lists the columns aligned right (numbers)."""
    table: DocxTable = doc.add_table(rows=1 + len(rows), cols=len(header))
    table._tbl.tblPr.style = TABLE_STYLE_ID  # by id: see add_paragraph
    for i, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
        if i == 0:
            properties.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    for column, text in enumerate(header):
        run = table.rows[0].cells[column].paragraphs[0].add_run(text)
        # also as direct formatting: LibreOffice ignores a table style's header-row font
        run.bold = True
        run.font.color.rgb = WHITE
    for r, values in enumerate(rows, start=1):
        cells = table.rows[r].cells
        for column, value in enumerate(values):
            cells[column].text = value
    for column in right:
        for row in table.rows:
            row.cells[column].paragraphs[0].alignment = 2  # right
    if widths_mm:
        table.autofit = False
        # the grid is what LibreOffice lays out by; the cells' widths are what Word shows
        for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
            column.w = Mm(width)
        for column, width in enumerate(widths_mm):
            for row in table.rows:
                row.cells[column].width = Mm(width)
    return table


def document_bytes(doc: DocxDocument) -> bytes:
    from ...spreadsheet import stable_zip

    buffer = io.BytesIO()
    doc.save(buffer)
    return stable_zip(buffer.getvalue())


# --- Excel -----------------------------------------------------------------------------------

def header_style(b: Branding) -> tuple[Font, PatternFill, Alignment, Border]:
    """The header row of every sheet: white bold text on the accent colour."""
    return (
        Font(bold=True, color="FFFFFF"),
        PatternFill("solid", fgColor=b.hex),
        Alignment(vertical="top", wrap_text=True),
        Border(bottom=Side(style="thin", color=b.hex)),
    )


def sheet_print_setup(sheet: Worksheet, b: Branding, *, title: str, landscape: bool,
                      title_rows: str | None = "1:1") -> None:
    """Paper, orientation, fit to the page width, repeated header row, header and footer."""
    sheet.page_setup.paperSize = XLSX_PAPER[b.paper]
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    fit = sheet.sheet_properties.pageSetUpPr
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert fit is not None and header is not None and footer is not None  # openpyxl makes all
    fit.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top, sheet.page_margins.bottom = 0.8, 0.7
    if title_rows:
        sheet.print_title_rows = title_rows
    header.left.text = _escape_header(title) + " · &A"
    header.left.size = 8
    footer.left.text = _escape_header(b.company or b.prepared_by)
    footer.left.size = 8
    footer.right.text = "Page &P of &N"
    footer.right.size = 8


def _escape_header(text: str) -> str:
    """Excel header codes start with `&`: a literal ampersand is written twice."""
    return text.replace("&", "&&")
