"""The report as a PDF, laid out by Typst (the `typst` package from PyPI).

Typst was chosen over WeasyPrint: it compiles this report in well under a second where
WeasyPrint took over a second for a small page, it needs no system library (WeasyPrint needs
the system's Pango), repeats table headers and keeps rows whole natively, and gives
byte-identical files when the document date is fixed. The text goes to Typst as JSON data,
never as markup, so nothing a respondent wrote can be read as a Typst command. The fonts are
matplotlib's bundled DejaVu family, with system fonts ignored, so every machine lays out the
same pages.
"""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import matplotlib
import typst

from ...branding import Branding
from ..formats.docstyle import MARGINS_MM
from .blocks import Chart, Facts, Heading, Items, Para, Table
from .docx_writer import CONFIDENTIAL
from .model import ReportDoc

PAPER = {"A4": "a4", "Letter": "us-letter"}
FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def report_pdf(report: ReportDoc, b: Branding, images: dict[str, bytes]) -> bytes:
    """The PDF; `images` holds each chart's SVG by name (vector graphics: sharp in print)."""
    source = (resources.files(__package__) / "report.typ").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="pmo-report-") as folder:
        root = Path(folder)
        for name, data in images.items():
            (root / f"{name}.svg").write_bytes(data)
        if b.logo:
            (root / f"logo.{b.logo_type}").write_bytes(b.logo)
        (root / "data.json").write_text(json.dumps(_data(report, b, images), ensure_ascii=False),
                                        encoding="utf-8")
        (root / "report.typ").write_text(source, encoding="utf-8")
        pdf = _compile(root / "report.typ", "pdf")
        assert isinstance(pdf, bytes)  # a PDF is one file whatever its pages
        return pdf


def raster_pages(svgs: list[bytes], ppi: int) -> list[bytes]:
    """Each SVG as a PNG of its own size at `ppi`, rendered in one Typst run."""
    if not svgs:
        return []
    with tempfile.TemporaryDirectory(prefix="pmo-charts-") as folder:
        root = Path(folder)
        lines = ["#set page(width: auto, height: auto, margin: 0pt)"]
        for i, data in enumerate(svgs):
            (root / f"{i}.svg").write_bytes(data)
            lines.append(("#pagebreak()\n" if i else "") + f'#image("{i}.svg")')
        (root / "charts.typ").write_text("\n".join(lines) + "\n", encoding="utf-8")
        pages = _compile(root / "charts.typ", "png", ppi)
    return pages if isinstance(pages, list) else [pages]


def _compile(path: Path, fmt: Literal["pdf", "png"], ppi: int | None = None
             ) -> bytes | list[bytes]:
    """Typst's output: one PDF, or a PNG per page (a list only when there are several)."""
    output: bytes | list[bytes] = typst.compile(
        str(path), root=str(path.parent), format=fmt, ppi=ppi, font_paths=[str(FONTS)],
        ignore_system_fonts=True)
    return output


def _data(report: ReportDoc, b: Branding, images: dict[str, bytes]) -> dict[str, Any]:
    return {
        "title": report.title,
        "org": report.org_name,
        "subtitle": report.subtitle,
        "round": report.round_text,
        "date": [report.date.year, report.date.month, report.date.day],
        "date_text": f"{report.date:%-d %B %Y}",
        "prepared_for": report.prepared_for,
        "prepared_by": b.prepared_by or b.company,
        "author": b.author,
        "footer": b.company or b.prepared_by,
        "confidential": CONFIDENTIAL,
        "colour": b.colour,
        "paper": PAPER[b.paper],
        "margins": MARGINS_MM,
        "logo": f"logo.{b.logo_type}" if b.logo else "",
        "blocks": [_block(block) for block in report.blocks
                   if not isinstance(block, Chart) or block.name in images],
    }


def _block(block: object) -> dict[str, Any]:
    if isinstance(block, Heading):
        return {"type": "heading", "text": block.text, "level": block.level,
                "new_page": block.new_page}
    if isinstance(block, Para):
        return {"type": "para", "runs": _runs(block.runs), "style": block.style}
    if isinstance(block, Items):
        return {"type": "items", "entries": [_runs(e) for e in block.entries],
                "numbered": block.numbered}
    if isinstance(block, Table):
        return {"type": "table", "header": list(block.header),
                "rows": [list(r) for r in block.rows], "widths": list(block.widths),
                "right": list(block.right)}
    if isinstance(block, Facts):
        return {"type": "facts", "rows": [list(r) for r in block.rows]}
    if isinstance(block, Chart):
        return {"type": "chart", "file": f"{block.name}.svg", "caption": block.caption,
                "width": block.width}
    raise TypeError(f"no PDF layout for {type(block).__name__}")


def _runs(runs: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [{"text": r.text, "bold": r.bold, "italic": r.italic} for r in runs]
