"""The documents a client receives: the toolkit downloads and the assessment report.

Every generated DOCX and XLSX is opened with python-docx or openpyxl and checked for what a
client would see (page size, header and footer fields, styles, formulas, validation bounds,
conditional formats). LibreOffice headless then converts every document to PDF and
recalculates every workbook, so the worked examples' computed cells are checked against the
values their templates state.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import once_per_run
from docx import Document
from docx.shared import Mm, RGBColor
from helpers import workspace, write_tree

from generator.cli import main
from generator.loader import load
from generator.outputs.formats.documents import download, file_name
from generator.outputs.formats.toolkit_workbook import formula_text

ROOT = Path(__file__).resolve().parent.parent
SOFFICE = shutil.which("soffice")
needs_office = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (soffice); .ci/run installs Debian's "
    "libreoffice-writer-nogui and libreoffice-calc-nogui",
)
LETTER = """\
documents:
  paper: Letter
  prepared_by: Jane Doe, Example Consulting
  company: Example Consulting Ltd
  colour: "#7A1F5C"
  logo: brand/logo.png
"""


@pytest.fixture(scope="module")
def library():
    return load(ROOT).templates


@pytest.fixture(scope="session")
def downloads(tmp_path_factory):
    """Every template's download, written once for the whole run (read them, change none)."""
    def make(folder):
        for template in load(ROOT).templates.values():
            (folder / file_name(template)).write_bytes(download(template))
        return folder

    return once_per_run(tmp_path_factory, "downloads", make)


def _mm(length) -> float:
    return round(length / Mm(1), 1)


def _fields(part) -> str:
    return " ".join(t.text for t in part._element.iter() if t.tag.endswith("}instrText"))


def test_every_word_template_has_the_shared_page_set_up(library, downloads):
    for template in (t for t in library.values() if t.format == "docx"):
        doc = Document(downloads / file_name(template))
        section = doc.sections[0]
        assert (_mm(section.page_width), _mm(section.page_height)) == (210.0, 297.0)
        assert template.title in section.header.paragraphs[0].text
        assert "PAGE" in _fields(section.footer) and "NUMPAGES" in _fields(section.footer)
        names = {s.name for s in doc.styles}
        assert {"Guidance", "PMO Table"} <= names
        props = doc.core_properties
        assert props.title == template.title and props.author != "pmo"
        assert props.created is None, "a template has no date of its own"
        for table in doc.tables:
            assert table.style.name == "PMO Table"
            first = table.rows[0]._tr
            assert first.trPr is not None and first.trPr.find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
            ) is not None, f"{template.id}: the header row does not repeat"


def test_table_headers_are_what_the_source_says(library, downloads):
    doc = Document(downloads / "pmo-charter.docx")
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["Decision or activity", "Role of the office (advise, assure, require or decide)",
            "Accountable decision-maker"] in headers


def test_guidance_keeps_bullets_whole_and_bold(downloads):
    doc = Document(downloads / "health-check.docx")
    bullet = next(p for p in doc.paragraphs if p.text.startswith("Turning it into"))
    assert bullet.style.name == "List Bullet"
    assert bullet.text.endswith("once a review feels punitive.")
    assert bullet.runs[0].text == "Turning it into an audit of blame." and bullet.runs[0].bold


def test_every_workbook_computes_checks_and_colours(library, downloads):
    for template in (t for t in library.values() if t.format == "xlsx"):
        book = openpyxl.load_workbook(downloads / file_name(template))
        assert book.properties.creator != "pmo"
        with zipfile.ZipFile(downloads / file_name(template)) as z:
            assert b"dcterms:created" not in z.read("docProps/core.xml"), "no invented date"
        for spec in template.sheets:
            sheet = book[spec.name]
            last = 1 + len(spec.examples) + spec.rows
            assert sheet.freeze_panes in ("A2", "B2")
            assert sheet.print_title_rows == "$1:$1"
            assert sheet.page_setup.paperSize == 9  # A4
            rules = {str(r.sqref): r for r in sheet.data_validations.dataValidation}
            formats = {str(r.sqref) for r in sheet.conditional_formatting}
            for index, column in enumerate(spec.columns, start=1):
                letter = openpyxl.utils.get_column_letter(index)
                cells = [sheet.cell(row, index).value for row in range(2, last + 1)]
                where = f"{template.id}/{spec.name}/{column.name}"
                if column.formula:
                    assert all(isinstance(v, str) and v.startswith("=") for v in cells), where
                    continue
                assert not any(isinstance(v, str) and v.startswith("=") for v in cells), where
                rule = rules.get(f"{letter}2:{letter}{last}")
                if column.choices or column.kind != "text":
                    assert rule is not None, f"{where}: no validation"
                    assert "1000000000" not in str(rule.formula1), where
                if column.min is not None and column.max is not None:
                    assert (float(rule.formula1), float(rule.formula2)) == (column.min,
                                                                            column.max), where
                if column.highlight or {"Red", "Amber", "Green"} <= set(column.choices):
                    assert f"{letter}2:{letter}{last}" in formats, f"{where}: not coloured"


def test_computed_columns_the_issue_names(library):
    raid = library["raid-log"].sheets[0]
    score = next(c for c in raid.columns if c.name == "Score")
    assert "LEFT({Likelihood},1)" in score.formula and "LEFT({Impact},1)" in score.formula
    ranking = next(s for s in library["prioritisation-scorecard"].sheets if s.name == "Ranking")
    assert {c.name for c in ranking.columns if c.formula} == {"Total score", "Rank"}


def test_formula_references_become_cells(library):
    from generator.outputs.formats.toolkit_workbook import Layout

    template = library["prioritisation-scorecard"]
    layouts = {s.name: Layout(s, len(s.examples)) for s in template.sheets}
    ranking = layouts["Ranking"]
    total = next(c for c in ranking.sheet.columns if c.name == "Total score")
    text = formula_text(total.formula, 7, ranking, layouts)
    assert "SUMIF('Scores'!$A$2:$A$161,A7,'Scores'!$F$2:$F$161)" in text


def test_typed_text_that_looks_like_a_formula_stays_text(tmp_path):
    root = workspace(tmp_path, {"library/templates/log.yaml": TEMPLATE.replace(
        '["A-1", "2", "4"]', '["=HYPERLINK(\\"http://x\\")", "2", "4"]')})
    template = load(root).templates["log"]
    sheet = openpyxl.load_workbook(io.BytesIO(download(template)))["Log"]
    assert sheet["A2"].value.startswith("=HYPERLINK") and sheet["A2"].data_type == "s"
    assert sheet["C2"].value == "=IF(B2=\"\",\"\",B2*2)"


TEMPLATE = """\
id: log
title: A log
format: xlsx
summary: A log.
purpose: For tests.
guidance: Fill it in.
sheets:
  - name: Log
    rows: 5
    columns:
      - {name: Ref}
      - {name: Count, kind: integer, min: 1, max: 9}
      - {name: Double, kind: integer, formula: '=IF({Count}="","",{Count}*2)'}
    examples:
      - ["A-1", "2", "4"]
"""


@pytest.mark.parametrize(("change", "expected"), [
    ("{Count}*2", "sheets[0].columns[2].formula: unknown column 'Cout' in {Cout} "
                  "(sheet 'Log'); did you mean 'Count'?"),
    ("{Other!Count}", "sheets[0].columns[2].formula: unknown sheet 'Other' in "
                      "{Other!Count}"),
])
def test_formula_mistakes_are_reported_with_their_line(tmp_path, capsys, change, expected):
    bad = TEMPLATE.replace("{Count}*2", change.replace("{Count}*2", "{Cout}*2"))
    root = workspace(tmp_path, {"library/templates/log.yaml": bad})
    assert main(["-w", str(root), "validate"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert any(line.endswith(expected) and "log.yaml:13:48: error: " in line
               for line in lines), lines


def test_a_header_split_at_its_commas_is_an_error(tmp_path, capsys):
    bad = TEMPLATE.replace("- {name: Ref}", "- {name: Ref (a}\n      - {name: b)}")
    root = workspace(tmp_path, {"library/templates/log.yaml": bad})
    assert main(["-w", str(root), "validate"]) == 1
    err = capsys.readouterr().err
    assert "library/templates/log.yaml:11:16: error: sheets[0].columns[0].name: 'Ref (a' has " \
        "an unclosed bracket" in err, err


@pytest.mark.parametrize(("settings", "expected"), [
    ("documents:\n  paper: A5\n",
     "workspace.yaml:2:10: error: documents.paper: "),
    ("documents:\n  colour: blue\n",
     "workspace.yaml:2:11: error: documents.colour: "),
    ("site:\n  report_documents: some\n",
     "workspace.yaml:2:21: error: site.report_documents: "),
    ("documents:\n  logo: brand/missing.png\n",
     "workspace.yaml:2:9: error: documents.logo: no file 'brand/missing.png' in the "
     "workspace; give a PNG or JPEG file's path"),
    ("documents:\n  logo: organisation.txt\n",
     "workspace.yaml:2:9: error: documents.logo: 'organisation.txt' is not a PNG or JPEG "
     "image; save the logo as one of those"),
])
def test_bad_settings_are_reported_with_their_line(tmp_path, capsys, settings, expected):
    root = workspace(tmp_path, {"workspace.yaml": settings, "organisation.txt": "text"})
    assert main(["-w", str(root), "validate"]) == 1
    err = capsys.readouterr().err
    assert expected in err, err


def _logo() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (122, 31, 92)).save(buffer, format="PNG")
    return buffer.getvalue()


DOCUMENT = """\
id: memo
title: A memo
format: docx
summary: A memo.
purpose: For tests.
guidance: Write it.
sections:
  - heading: Body
    table: {columns: [Who, "What (a, b or c)"], rows: 2}
"""


def test_branding_reaches_every_document(tmp_path):
    root = workspace(tmp_path, {"workspace.yaml": LETTER, "brand/logo.png": _logo(),
                                "library/templates/log.yaml": TEMPLATE,
                                "library/templates/memo.yaml": DOCUMENT})
    ws = load(root)
    assert ws.branding.paper == "Letter" and ws.branding.logo_type == "png"
    data = download(ws.templates["memo"], ws.branding)
    doc = Document(io.BytesIO(data))
    section = doc.sections[0]
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (8.5,
                                                                                         11.0)
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor(0x7A, 0x1F, 0x5C)
    assert "Example Consulting Ltd" in section.footer.paragraphs[0].text
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"<Company>Example Consulting Ltd</Company>" in z.read("docProps/app.xml")
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["Who", "What (a, b or c)"]
    book = openpyxl.load_workbook(io.BytesIO(download(ws.templates["log"], ws.branding)))
    assert book["Log"].page_setup.paperSize == 1
    assert book["Log"]["A1"].fill.fgColor.rgb.endswith("7A1F5C")
    assert book.properties.creator == "Jane Doe, Example Consulting"


# --- the report ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def sample(tmp_path_factory):
    """The sample workspace, branded, with both reports of two organisations written, made
    once for the whole run. Read it; a test that runs a command in it (which writes caches
    and sites) takes `sample_copy`."""
    def make(folder):
        root = folder / "ws"
        assert main(["init", str(root), "--with-samples"]) == 0
        write_tree(root, {"workspace.yaml": LETTER.replace("Letter", "A4"),
                          "brand/logo.png": _logo()})
        out = root / "out"
        for org in ("northwind-bank", "brightside-agency"):
            for fmt in ("docx", "pdf"):
                assert main(["-w", str(root), "report", org, "--format", fmt, "--out",
                             str(out / f"{org}.{fmt}")]) == 0
        return root

    return once_per_run(tmp_path_factory, "report-sample", make)


@pytest.fixture
def sample_copy(sample, tmp_path):
    """A copy of `sample` of the test's own, to run commands in."""
    return Path(shutil.copytree(sample, tmp_path / "ws", symlinks=True))


def test_report_docx_is_an_editable_word_document(sample):
    doc = Document(sample / "out" / "northwind-bank.docx")
    section = doc.sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == (210.0, 297.0)
    assert section.header.paragraphs[0].text.startswith("Northwind Bank · Confidential")
    assert "PAGE" in _fields(section.footer) and "NUMPAGES" in _fields(section.footer)
    assert "TOC" in _fields(doc)
    props = doc.core_properties
    round_date = dt.datetime(2025, 11, 13, tzinfo=dt.UTC)
    assert props.created == round_date == props.modified  # the round's date, not a placeholder
    assert props.author == "Jane Doe, Example Consulting"
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:7] == ["Executive summary", "Maturity by perspective",
                            "PMO type and operating model", "Disagreements to settle",
                            "The office's services", "Improvement roadmap",
                            "The trend over rounds"]
    assert "Appendix: method and every criterion" in headings
    method = " ".join(p.text for p in doc.paragraphs[[p.text for p in doc.paragraphs].index(
        "How the results were worked out"):])
    assert "four questionnaires" in method and "Services." in method
    assert "Portfolio, programme and project." in method
    assert "registered trade marks of AXELOS Limited" in method
    assert not any("P3O maturity" in p.text for p in doc.paragraphs)
    assert {p.text for p in doc.paragraphs if p.style.name == "Heading 2"} >= {
        "The first 90 days", "The plan by quarter"}
    assert any(p.style.name == "Caption" for p in doc.paragraphs)
    with zipfile.ZipFile(sample / "out" / "northwind-bank.docx") as z:
        pictures = [n for n in z.namelist() if n.startswith("word/media/")]
        assert len(pictures) >= 7  # six charts and the logo
        from PIL import Image

        sizes = [Image.open(io.BytesIO(z.read(n))).size for n in pictures]
        assert max(w for w, _ in sizes) >= 1400  # charts at print resolution


def test_report_pdf_is_reproducible_and_complete(sample_copy, tmp_path):
    first = (sample_copy / "out" / "northwind-bank.pdf").read_bytes()
    assert first.startswith(b"%PDF")
    again = tmp_path / "again.pdf"
    assert main(["-w", str(sample_copy), "report", "northwind-bank", "--format", "pdf", "--out",
                 str(again)]) == 0
    assert again.read_bytes() == first
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(again), "-"], check=True,
                              capture_output=True, text=True).stdout
        for part in ("Northwind Bank", "Executive summary", "The first 90 days",
                     "Benefits tracking", "Improve first",
                     "Page 2 of", "Jane Doe, Example Consulting", "Confidential"):
            assert part in text, part


def test_report_shows_the_portfolio_programme_and_project_view(sample):
    doc = Document(sample / "out" / "northwind-bank.docx")
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    at = headings.index("Maturity by perspective")
    assert headings[at + 1] == "Portfolio, programme and project"
    table, gaps = [t for t in doc.tables if t.rows[0].cells[0].text == "View"]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["View", "Score", "Change", "Criteria", "Level 2", "Level 3", "Level 4",
                       "Level 5"]
    assert [r[0] for r in rows[1:]] == ["Portfolio", "Programme", "Project", "Office (PMO)"]
    assert rows[3][3:] == ["30", "21/21", "2/3", "0/6", "—"]
    assert any(p.text.startswith("Project management is strongest") for p in doc.paragraphs)
    facts = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert facts["Portfolio, programme, project"] == (
        "Project management is strongest (3.4); the office, portfolio management and programme "
        "management are level and weakest (2.7–2.8).")
    assert [c.text for c in gaps.rows[0].cells] == ["View", "Falls short at",
                                                    "Not yet met at that level"]
    assert [r[1] for r in rows[1:]] == ["2.7", "2.7", "3.4", "2.8"]  # one decimal: 3.0, not 3
    first_gaps = {row.cells[0].text: row.cells[2].text for row in gaps.rows[1:]}
    assert first_gaps["Project"] == "STK-3-3 (partly)"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(sample / "out" / "northwind-bank.pdf"),
                               "-"], check=True, capture_output=True, text=True).stdout
        assert "Portfolio, programme and project" in text and "Office (PMO)" in text


def test_a_small_organisation_s_report_has_no_trend(sample):
    doc = Document(sample / "out" / "brightside-agency.docx")
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert "The trend over rounds" not in headings and "Executive summary" in headings
    assert any("first round assessed" in p.text for p in doc.paragraphs)


def test_a_client_build_carries_only_its_own_reports(sample_copy):
    assert main(["-w", str(sample_copy), "build", "--org", "brightside-agency"]) == 0
    site = sample_copy / "site-brightside-agency"
    found = sorted(p.name for p in (site / "assessments").rglob("*-report.*"))
    assert found == ["brightside-agency-2026-q1-report.docx",
                     "brightside-agency-2026-q1-report.pdf"]
    page = (site / "assessments/brightside-agency/index.html").read_text(encoding="utf-8")
    assert "downloads/brightside-agency-2026-q1-report.pdf" in page


def test_the_workspace_site_carries_every_report_when_asked(sample_copy):
    settings = sample_copy / "workspace.yaml"
    settings.write_text(settings.read_text() + "site:\n  report_documents: all\n")
    assert main(["-w", str(sample_copy), "build"]) == 0
    site = sample_copy / "site"
    found = sorted(p.name for p in (site / "assessments").rglob("*-report.pdf"))
    assert "northwind-bank-2025-h2-report.pdf" in found and len(found) >= 5
    page = (site / "assessments/northwind-bank/index.html").read_text(encoding="utf-8")
    assert "downloads/northwind-bank-2025-h2-report.pdf" in page


# --- LibreOffice -----------------------------------------------------------------------------

def _soffice(tmp_path: Path, fmt: str, files: list[Path]) -> Path:
    out = tmp_path / f"converted-{fmt}"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}",
                    "--convert-to", fmt, "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=600)
    return out


@needs_office
def test_libreoffice_converts_every_word_document(downloads, sample, tmp_path):
    files = [*sorted(downloads.glob("*.docx")), sample / "out" / "northwind-bank.docx"]
    out = _soffice(tmp_path, "pdf", files)
    for path in files:
        pdf = out / f"{path.stem}.pdf"
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), path.name


@needs_office
def test_libreoffice_recalculates_the_worked_examples(library, downloads, tmp_path):
    files = sorted(downloads.glob("*.xlsx"))
    out = _soffice(tmp_path, "xlsx", files)
    checked = 0
    for path in files:
        template = library[path.stem]
        book = openpyxl.load_workbook(out / path.name, data_only=True)
        for spec in template.sheets:
            sheet = book[spec.name]
            for row, example in enumerate(spec.examples, start=2):
                for index, column in enumerate(spec.columns, start=1):
                    if not column.formula:
                        continue
                    value = sheet.cell(row, index).value
                    expected = example[index - 1]
                    where = f"{template.id}/{spec.name}/{column.name} row {row}"
                    if expected == "":
                        assert value in (None, ""), where
                    else:
                        try:
                            assert value == pytest.approx(float(expected)), where
                        except ValueError:
                            assert value == expected, where
                    checked += 1
    assert checked >= 30
