"""The build, stage by stage: the only place that knows their order.

load → score → plan → render pages → draw the report documents' charts → make the documents →
write the docs folder → publish with MkDocs. (The site's own charts are drawn by the browser.)
Everything is computed in memory before anything is written; the site is swapped in only when
MkDocs has built it without a warning, so a failed build leaves the previous site as it was.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GeneratorError, Problem
from .files import write_atomic
from .loader import load
from .models.ids import MATURITY_ID
from .outputs.site.config import build_config
from .outputs.site.overview import OVERVIEW_PAGE
from .outputs.site.page_cache import Bundle, PageCache
from .outputs.site.pages import SiteFiles, render_site, report_file
from .outputs.site.publish import publish
from .outputs.site.writer import sync
from .planning import Roadmap, roadmaps_for
from .scoring import ScoreTables, answered_rounds, score_workspace
from .scoring.benchmark import benchmark_of
from .workspace import Workspace

STAGES = ("load", "score", "plan", "render", "charts", "documents", "write", "publish")
"""The build's stages, in order (a test pins it)."""


class Progress:
    """Receives the build's progress; the CLI shows it, tests and libraries ignore it."""

    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, steps: int = 1) -> None: ...


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for its closing line."""

    site: Path
    pages: int
    files: int
    charts: int
    """Charts of the report documents (the site's own are drawn by the browser)."""
    drawn: int
    written: int
    warnings: int
    seconds: float
    stages: tuple[str, ...]
    timings: dict[str, float]
    mode: str = "full"
    """How MkDocs brought the site up to date: `full`, `incremental` or `unchanged`."""
    rendered: int = 0
    """Pages MkDocs rendered."""
    problems: tuple[Problem, ...] = ()
    """The input files' warnings (a build stops at an error)."""

    def summary(self) -> str:
        cached = self.charts - self.drawn
        charts = (f", {self.charts:,} report charts ({self.drawn:,} drawn, {cached:,} from the "
                  "cache)" if self.charts else "")
        return (
            f"Built {self.pages:,} pages{charts} and {self.files - self.pages:,} other "
            f"files in {self.seconds:.1f} s{self._warned()}{self._how()}: {self.site}"
        )

    def _warned(self) -> str:
        """MkDocs' own warnings stop a build; the inputs' warnings do not, so say so."""
        if not self.warnings:
            return ", no warnings"
        return (f", with {self.warnings} input warning{'s' * (self.warnings != 1)} "
                "('pmo validate' lists them)")

    def _how(self) -> str:
        if self.mode == "unchanged":
            return "; nothing changed, the site was left as it was"
        if self.mode == "incremental":
            return f"; {self.rendered:,} changed page{'s' * (self.rendered != 1)} re-rendered"
        return ""


@dataclass(frozen=True)
class Prepared:
    """A docs folder written and ready for MkDocs."""

    ws: Workspace
    build_dir: Path
    files: dict[str, bytes]
    charts: int
    drawn: int
    written: int
    stages: tuple[str, ...]
    timings: dict[str, float]

    @property
    def config(self) -> Path:
        return self.build_dir / "mkdocs.yml"


def prepare(
    root: Path,
    *,
    org: str | None = None,
    strict: bool = False,
    full: bool = False,
    progress: Progress | None = None,
) -> Prepared:
    """Every stage up to a written docs folder and MkDocs configuration in `build/`.

    The pages of an organisation whose inputs did not change since the last build of the same
    kind come from `.pmo-cache/pages/` unless `full` is set (see `site.page_cache`).
    """
    progress = progress or Progress()
    done: list[str] = []
    timings: dict[str, float] = {}

    @contextmanager
    def stage(name: str, total: int | None = None) -> Iterator[None]:
        progress.stage(name, total)
        started = time.perf_counter()
        yield
        timings[name] = time.perf_counter() - started
        done.append(name)

    with stage("load"):
        # a client build keeps its own entries, apart from the site's and other clients'
        pages = PageCache(root / ".pmo-cache" / "pages", root,
                          "site" if org is None else f"client-{org}",
                          orgs=None if org is None else [org], reuse=not full)
        ws = load(root, strict=strict)
        pages.loaded(ws)
    with stage("score"):
        tables = score_workspace(ws)
        assessed = [o for o in sorted(ws.organisations) if answered_rounds(ws, tables, o)]
        if org is not None:
            ws.organisation(org)
            if org not in assessed:
                raise GeneratorError(f"'{org}' has no answers yet, so there is no report to "
                                     "build; add response files first")
        orgs = [org] if org else assessed
        benchmark = benchmark_of(ws, tables, assessed)
    looked = time.perf_counter()  # timed apart: `plan` stays the planner's own time
    if org is None:
        pages.prune(orgs)
    keys = {o: pages.org_key(o) for o in orgs}
    reused = {o: b for o in orgs if (b := pages.org(o, keys[o])) is not None}
    fresh = [o for o in orgs if o not in reused]
    timings["cache"] = time.perf_counter() - looked
    with stage("plan", len(fresh)):
        roadmaps = _roadmaps(ws, tables, fresh, progress.advance)
    with stage("render", len(fresh)):
        # a client site (org given) names no other organisation, not even one waiting
        waiting = [] if org else [o for o in sorted(ws.organisations) if o not in assessed]
        site = render_site(ws, tables, orgs, roadmaps, benchmark,
                           cache=root / ".pmo-cache" / "downloads", waiting=waiting,
                           pages=pages, reused=reused, advance=progress.advance,
                           documents=org is not None or ws.site.report_documents == "all")
    with stage("charts", len(site.charts)):
        charts = draw_all(site.charts, root / ".pmo-cache" / "charts",
                          advance=progress.advance)
    with stage("documents", len(site.reports)):
        documents = _documents(ws, site, charts.charts, root / ".pmo-cache" / "documents",
                               progress)
    files = {**site.files, **documents}  # the charts are in the documents (the site's: pages)
    for o in fresh:
        pages.put_org(o, keys[o], _bundle(site, files, o))
    if site.overview_key:
        pages.put_overview(site.overview_key, _overview_bundle(site, files))
    build_dir = root / "build" / (org or "site")
    with stage("write"):
        written, _ = sync(build_dir / "docs", files)
        write_atomic(build_dir / "mkdocs.yml",
                     build_config(root / "mkdocs.yml", build_dir, site.titles))
    return Prepared(ws, build_dir, files, len(charts.charts) + site.cached_charts, charts.drawn,
                    written, tuple(done), timings)


def _overview_bundle(site: SiteFiles, files: dict[str, bytes]) -> Bundle:
    """The assessments index and what its charts drew."""
    paths = [OVERVIEW_PAGE, *(job.path for job in site.charts
                              if not job.path.startswith(tuple(f"assessments/{o}/"
                                                               for o in site.rows)))]
    return Bundle({p: files[p] for p in paths if p in files},
                  {OVERVIEW_PAGE: site.titles[OVERVIEW_PAGE]}, charts=len(paths) - 1)


def _bundle(site: SiteFiles, files: dict[str, bytes], org: str) -> Bundle:
    """What the cache keeps of one organisation: every file in its folder, pages' titles,
    its overview row and the number of its charts."""
    prefix = f"assessments/{org}/"
    return Bundle({p: d for p, d in files.items() if p.startswith(prefix)},
                  {p: t for p, t in site.titles.items() if p.startswith(prefix)},
                  site.rows[org], sum(job.path.startswith(prefix) for job in site.charts))


def build(
    root: Path,
    *,
    org: str | None = None,
    out: Path | None = None,
    strict: bool = False,
    full: bool = False,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the site of the workspace at `root` (only `org`'s reports with `org` given).

    A rebuild renders only the organisations whose inputs changed, and MkDocs only the pages
    that changed, unless `full` is set.
    """
    progress = progress or Progress()
    started = time.perf_counter()
    ready = prepare(root, org=org, strict=strict, full=full, progress=progress)
    target = out or root / ("site" if org is None else f"site-{org}")
    published = time.perf_counter()
    published_as = publish(ready.config, target, _epoch(ready.ws), ready.files,
                           incremental=not full, progress=progress)
    timings = {**ready.timings, "publish": time.perf_counter() - published}
    return BuildReport(
        site=target,
        pages=sum(1 for path in ready.files if path.endswith(".md")),
        files=len(ready.files),
        charts=ready.charts,
        drawn=ready.drawn,
        written=ready.written,
        warnings=len(ready.ws.warnings),
        seconds=time.perf_counter() - started,
        stages=(*ready.stages, "publish"),
        timings=timings,
        mode=published_as.mode,
        rendered=published_as.pages,
        problems=ready.ws.warnings,
    )


def draw_all(jobs: list[Any], cache: Path, advance: Callable[[int], None]) -> Any:
    """`charts.jobs.draw_all`, importing matplotlib only when there is a chart: a rebuild that
    takes every page from the cache has none."""
    if not jobs:
        return _NoCharts()
    from .outputs.charts.jobs import draw_all as draw

    return draw(jobs, cache, advance=advance)


@dataclass(frozen=True)
class _NoCharts:
    charts: dict[str, bytes] = field(default_factory=dict)
    drawn: int = 0
    cached: int = 0


def _documents(ws: Workspace, site: SiteFiles, charts: dict[str, bytes], cache: Path,
               progress: Progress) -> dict[str, bytes]:
    """Each organisation's report as DOCX and PDF, next to its report pages, with the charts
    just drawn for them."""
    if not site.reports:  # spares importing the document writers
        return {}
    from .outputs.report import report_doc, report_files

    docs = []
    for r in site.reports:
        doc = report_doc(ws, r)
        folder = f"assessments/{r.org.id}/charts/"
        docs.append((doc, {c.name: charts[f"{folder}{c.name}.svg"] for c in doc.charts}))
    made, _ = report_files(docs, ws.branding, cache)
    out = {}
    for r in site.reports:
        for fmt, data in made[r.org.id].items():
            out[f"assessments/{r.org.id}/downloads/{report_file(r, fmt)}"] = data
        progress.advance(1)
    return out


def _roadmaps(ws: Workspace, tables: ScoreTables, orgs: list[str],
              advance: Callable[[int], None]) -> dict[str, Roadmap | None]:
    if MATURITY_ID not in ws.questionnaires or not ws.actions:
        for _ in orgs:
            advance(1)
        return dict.fromkeys(orgs)
    # Forks planning workers: this must stay before the documents stage (see planning.many).
    return roadmaps_for(ws, tables, orgs, advance=advance)


def _epoch(ws: Workspace) -> int:
    """A timestamp that depends on the input only: the latest round's date."""
    dates = [r.date for o in ws.organisations.values() for r in o.rounds]
    latest = max(dates, default=dt.date(2000, 1, 1))
    return int(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC).timestamp())
