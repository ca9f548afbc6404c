"""The assessment report a client receives, as a Word document and a PDF (`pmo report`).

`report_doc` assembles the report from the scores and the roadmap; `report_bytes` lays it
out in either format. `report_files` makes both for the site, cached by a hash of everything
that goes into them, as the charts are, so a build renders only the reports whose inputs
changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from ...branding import Branding
from ...files import write_atomic
from ...workspace import Workspace, titles_of
from ..charts.jobs import ChartJob, draw_all
from ..site.pages import report_charts
from ..site.report import OrgReport
from .docx_writer import report_docx
from .model import ReportDoc, build_report
from .pdf_writer import raster_pages, report_pdf

VERSION = "2"
"""Bump when the report's content or layout changes, to invalidate cached documents."""
FORMATS = ("docx", "pdf")
DPI = 200
"""Charts in the Word document: print resolution (the PDF has them as vectors)."""


def report_doc(ws: Workspace, r: OrgReport) -> ReportDoc:
    titles = titles_of(ws)
    charts = {job.path.removesuffix(".svg"): (job.kind, job.args)
              for job in report_charts(ws, r, titles, "")}
    return build_report(ws, r, titles, charts)


def write_report(ws: Workspace, org: str, round_id: str | None, fmt: str
                 ) -> tuple[str, bytes]:
    """`pmo report`: the default file name and the bytes of one organisation's report."""
    from ...errors import GeneratorError
    from ...models.ids import MATURITY_ID
    from ...planning import roadmap_for
    from ...scoring import score_workspace
    from ..site.report import org_report

    tables = score_workspace(ws)
    ws.organisation(org)
    plan = None
    if MATURITY_ID in ws.questionnaires and ws.actions:
        try:
            plan = roadmap_for(ws, tables, org, round_id)
        except GeneratorError:  # no maturity answers in that round: a report without a plan
            plan = None
    doc = report_doc(ws, org_report(ws, tables, org, plan, round_id))
    svgs = draw_charts(doc, ws.root / ".pmo-cache" / "charts")
    return file_name(doc, fmt), report_bytes(doc, ws.branding, fmt, svgs)


def file_name(report: ReportDoc, fmt: str) -> str:
    return f"{report.org_id}-{report.round}-report.{fmt}"


def report_bytes(report: ReportDoc, branding: Branding, fmt: str,
                 svgs: dict[str, bytes] | None = None) -> bytes:
    """The report in `fmt` (`docx` or `pdf`); `svgs` are its charts as drawn for the site
    (drawn here when not given)."""
    svgs = svgs if svgs is not None else draw_charts(report)
    if fmt == "docx":
        return report_docx(report, branding, rasterise(svgs))
    return report_pdf(report, branding, svgs)


def draw_charts(report: ReportDoc, cache: Path | None = None) -> dict[str, bytes]:
    """Each chart of the report as SVG, from the site's chart cache where it is there."""
    jobs = [ChartJob(c.name, c.kind, c.args) for c in report.charts]
    return draw_all(jobs, cache).charts


def rasterise(svgs: dict[str, bytes]) -> dict[str, bytes]:
    """Charts as PNG at print resolution, for Word; rendered by Typst (resvg), which is
    several times faster than drawing them again with matplotlib at that resolution."""
    return dict(zip(svgs, raster_pages(list(svgs.values()), DPI), strict=True))


def cache_key(report: ReportDoc, branding: Branding) -> str:
    tools = "|".join(version(p) for p in ("python-docx", "typst", "matplotlib"))
    text = f"{VERSION}|{tools}|{branding.key}|{report!r}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def report_files(reports: Iterable[tuple[ReportDoc, dict[str, bytes]]], branding: Branding,
                 cache: Path | None) -> tuple[dict[str, dict[str, bytes]], int]:
    """Both formats of every report (given with its charts' SVGs) by organisation id, from
    the cache where possible; and how many reports were rendered."""
    out: dict[str, dict[str, bytes]] = {}
    missing: list[tuple[ReportDoc, dict[str, bytes]]] = []
    for report, svgs in reports:
        key = cache_key(report, branding)
        found = {fmt: cache / f"{key}.{fmt}" for fmt in FORMATS} if cache else {}
        if found and all(path.is_file() for path in found.values()):
            out[report.org_id] = {fmt: path.read_bytes() for fmt, path in found.items()}
        else:
            missing.append((report, svgs))
    # one after another: Typst's own threads do not survive a fork, so a forked worker that
    # compiles after its parent has compiled waits for them for ever (and spawned workers
    # cost a second each to start)
    made = [_both((report, svgs, branding)) for report, svgs in missing]
    for (report, _), files in zip(missing, made, strict=True):
        out[report.org_id] = files
        if cache is not None:
            key = cache_key(report, branding)
            for fmt, data in files.items():
                write_atomic(cache / f"{key}.{fmt}", data)
    return out, len(missing)


def _both(job: tuple[ReportDoc, dict[str, bytes], Branding]) -> dict[str, bytes]:
    report, svgs, branding = job
    return {fmt: report_bytes(report, branding, fmt, svgs) for fmt in FORMATS}


__all__ = ["FORMATS", "ReportDoc", "file_name", "report_bytes", "report_doc", "report_files",
           "write_report"]
