"""The assessment report a client receives, as a Word document and a PDF (`pmo report`).

`report_doc` assembles the report from the scores and the roadmap; `report_bytes` lays it
out in either format. `report_files` makes both for the site, cached by a hash of everything
that goes into them, as the charts are, so a build renders only the reports whose inputs
changed.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from ..branding import Branding
from ..charts import render
from ..charts.jobs import FIGURES
from ..files import write_atomic
from ..site.pages import report_charts, titles_of
from ..site.report import OrgReport
from ..workspace import Workspace
from .docx_writer import report_docx
from .model import ReportDoc, build_report
from .pdf_writer import report_pdf

VERSION = "1"
"""Bump when the report's content or layout changes, to invalidate cached documents."""
FORMATS = ("docx", "pdf")
DPI = 200
"""Charts in the documents: print resolution."""
PARALLEL_FROM = 3


def report_doc(ws: Workspace, r: OrgReport) -> ReportDoc:
    titles = titles_of(ws)
    charts = {job.path.removesuffix(".svg"): (job.kind, job.args)
              for job in report_charts(ws, r, titles, "")}
    return build_report(ws, r, titles, charts)


def write_report(ws: Workspace, org: str, round_id: str | None, fmt: str
                 ) -> tuple[str, bytes]:
    """`pmo report`: the default file name and the bytes of one organisation's report."""
    from ..checks.actions import MATURITY_ID
    from ..errors import GeneratorError
    from ..planning import roadmap_for
    from ..scoring import score_workspace
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
    return file_name(doc, fmt), report_bytes(doc, ws.branding, fmt)


def file_name(report: ReportDoc, fmt: str) -> str:
    return f"{report.org_id}-{report.round}-report.{fmt}"


def report_bytes(report: ReportDoc, branding: Branding, fmt: str,
                 images: dict[str, bytes] | None = None) -> bytes:
    """The report in `fmt` (`docx` or `pdf`)."""
    images = images if images is not None else draw_charts(report)
    if fmt == "docx":
        return report_docx(report, branding, images)
    return report_pdf(report, branding, images)


def draw_charts(report: ReportDoc) -> dict[str, bytes]:
    """Each chart of the report as a PNG at print resolution."""
    return {c.name: render(FIGURES[c.kind](*c.args), "png", dpi=DPI) for c in report.charts}


def cache_key(report: ReportDoc, branding: Branding) -> str:
    tools = "|".join(version(p) for p in ("python-docx", "typst", "matplotlib"))
    text = f"{VERSION}|{tools}|{branding.key}|{report!r}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def report_files(reports: Iterable[ReportDoc], branding: Branding, cache: Path | None
                 ) -> tuple[dict[str, dict[str, bytes]], int]:
    """Both formats of every report by organisation id, from the cache where possible; and
    how many reports were rendered."""
    out: dict[str, dict[str, bytes]] = {}
    missing: list[ReportDoc] = []
    for report in reports:
        key = cache_key(report, branding)
        found = {fmt: cache / f"{key}.{fmt}" for fmt in FORMATS} if cache else {}
        if found and all(path.is_file() for path in found.values()):
            out[report.org_id] = {fmt: path.read_bytes() for fmt, path in found.items()}
        else:
            missing.append(report)
    jobs = [(report, branding) for report in missing]
    workers = min(os.cpu_count() or 1, len(jobs))
    if len(jobs) >= PARALLEL_FROM and workers > 1:
        context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with context.Pool(workers) as pool:
            made = pool.map(_both, jobs, chunksize=1)
    else:
        made = [_both(job) for job in jobs]
    for report, files in zip(missing, made, strict=True):
        out[report.org_id] = files
        if cache is not None:
            key = cache_key(report, branding)
            for fmt, data in files.items():
                write_atomic(cache / f"{key}.{fmt}", data)
    return out, len(missing)


def _both(job: tuple[ReportDoc, Branding]) -> dict[str, bytes]:
    report, branding = job
    images = draw_charts(report)
    return {fmt: report_bytes(report, branding, fmt, images) for fmt in FORMATS}


__all__ = ["FORMATS", "ReportDoc", "file_name", "report_bytes", "report_doc", "report_files",
           "write_report"]
