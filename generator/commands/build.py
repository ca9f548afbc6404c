"""`pmo build`: the site, with a progress display."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from .shared import (
    ID,
    State,
    strict_option,
    verbose_option,
)


@click.command()
@click.option("--org", type=ID, help="Build a client site with only this organisation's reports.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to put the site (default: site/, or site-ORG/ with --org).",
)
@click.option("--full", is_flag=True,
              help="Render every page again, ignoring the page cache and the last build.")
@strict_option
@verbose_option
@click.pass_obj
def build(state: State, org: str | None, out: Path | None, full: bool, strict: bool) -> None:
    """Build the site: standards, self-assessment, toolkit, lessons and reports.

    Loads and scores everything, plans the roadmaps, renders the pages into build/ (the
    browser draws their charts), then runs `mkdocs build --strict`. The new site replaces
    the old one only if the build succeeds; a rebuild renders again only the organisations
    whose files changed, and MkDocs only the pages that changed. With --org, the site
    contains that organisation's reports, as pages and as DOCX and PDF, and no other
    organisation's name, data or free text (an anonymised benchmark appears when at least
    five organisations have been assessed). The workspace's own site offers the documents
    only with `site: {report_documents: all}` in workspace.yaml.

    \b
    Example:
      pmo build
      pmo build --org northwind-bank --out /tmp/northwind-bank-site
    """
    from ..pipeline import build as run_build

    with _progress() as progress:
        report = run_build(state.root(), org=org, out=out, strict=strict, full=full,
                           progress=progress)
    if state.verbose:
        state.warn(report.problems)
    click.echo(report.summary())


@contextlib.contextmanager
def _progress() -> Iterator[Any]:
    """A progress display on a terminal; plain stage lines otherwise."""
    from ..pipeline import Progress

    if not sys.stderr.isatty():

        class Lines(Progress):
            def stage(self, name: str, total: int | None = None) -> None:
                click.echo(f"{name}…", err=True)

        yield Lines()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    bar = Bar(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
              TimeElapsedColumn(), transient=True)

    class Shown(Progress):
        task: Any = None

        def stage(self, name: str, total: int | None = None) -> None:
            if self.task is not None:
                bar.update(self.task, completed=bar.tasks[self.task].total or 1)
            self.task = bar.add_task(name, total=total or 1)

        def advance(self, steps: int = 1) -> None:
            if self.task is not None:
                bar.advance(self.task, steps)

    with bar:
        yield Shown()
