"""`pmo report`: an organisation's assessment report as DOCX or PDF."""

from __future__ import annotations

from pathlib import Path

import click

from .shared import (
    ID,
    State,
    format_option,
    strict_option,
    verbose_option,
)


@click.command()
@click.argument("org", type=ID)
@click.option("--round", "round_id", type=ID, help="The round to report on (default: the latest).")
@format_option("docx", "pdf")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write it (default: ORG-ROUND-report.docx or .pdf in this folder).",
)
@strict_option
@verbose_option
@click.pass_obj
def report(state: State, org: str, round_id: str | None, fmt: str, out: Path | None,
           strict: bool) -> None:
    """Write the assessment report of an organisation as a Word document or a PDF.

    A management report: cover, executive summary, maturity by perspective with the radar
    and the criteria holding each back, PMO type and operating model, the disagreements to
    settle, the roadmap (Gantt chart, first 90 days, plan by quarter), the trend, and an
    appendix with the method and every criterion's answers and evidence. Paper size, colour,
    logo and "prepared by" come from workspace.yaml. The site offers both files on each
    organisation's report page.

    \b
    Example:
      pmo report northwind-bank
      pmo report northwind-bank --format pdf --out report.pdf
      pmo report northwind-bank --round 2024-h2
    """
    from ..errors import display_path
    from ..files import write_atomic
    from ..outputs.report import write_report

    ws = state.load(strict=strict)
    path, data = write_report(ws, org, round_id, fmt)
    target = out or Path(path)
    write_atomic(target, data)
    click.echo(f"Wrote {display_path(target)} ({len(data) / 1e6:.1f} MB)")
