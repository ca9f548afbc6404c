"""Render the whole site in memory: the common pages, each organisation's report pages and the
overview of the assessments.

Nothing here writes to the docs folder. The result is a mapping of docs-relative paths to
bytes, plus the report documents' charts still to draw (the site's own charts are drawn in the
browser, see `charts`), so that the pipeline can compute everything before it
writes anything. With a `PageCache`, the common pages and the pages of organisations whose
inputs did not change come from the cache instead of being rendered again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ...models import Organisation
from ...scoring.benchmark import MINIMUM as BENCHMARK_MINIMUM
from ...scoring.benchmark import Benchmark, benchmark_of
from ...workspace import Workspace, titles_of
from .common import ASSETS, SURVEY_GUIDE, Links, common_pages
from .org_pages import org_pages, report_charts, report_file
from .overview import OverviewRow, overview, overview_row
from .page_cache import Bundle, PageCache
from .report import org_report
from .site_files import SiteFiles, page_title

if TYPE_CHECKING:
    from ...planning import Roadmap
    from ...scoring import ScoreTables


def render_site(
    ws: Workspace,
    tables: ScoreTables,
    orgs: list[str],
    roadmaps: Mapping[str, Roadmap | None],
    benchmark: Benchmark | None = None,
    cache: Path | None = None,
    waiting: Iterable[str] = (),
    *,
    benchmark_orgs: list[str] | None = None,
    pages: PageCache | None = None,
    reused: Mapping[str, Bundle] | None = None,
    advance: Callable[[int], None] | None = None,
    documents: bool = True,
) -> SiteFiles:
    """The site's files: `orgs` get reports (those in `reused` as cached, the others rendered
    from their `roadmaps`); `benchmark` is the anonymised benchmark (or computed over
    `benchmark_orgs`); `waiting` are organisations without answers yet, listed on the
    assessments page; `documents` says whether each report page offers the report as DOCX
    and PDF.

    `cache` keeps template downloads by a hash of their source, as charts are kept; `pages`
    keeps the common pages and the overview; `advance` hears of each organisation rendered.
    """
    reused = reused or {}
    if benchmark is None and benchmark_orgs is not None:
        benchmark = benchmark_of(ws, tables, benchmark_orgs)
    site = SiteFiles()
    common = _common(ws, cache, pages)
    site.files.update(common.files)
    site.titles.update(common.titles)
    links = Links(ws, common.content)
    titles = titles_of(ws)
    for org in orgs:
        if org in reused:
            _reuse(site, reused[org])
            row = reused[org].row
            assert row is not None  # an organisation's bundle always keeps its overview row
            site.rows[org] = row
            continue
        report = org_report(ws, tables, org, roadmaps.get(org))
        site.update(org_pages(ws, report, titles, links, documents))
        site.rows[org] = overview_row(report, titles)
        if advance is not None:
            advance(1)
    _overview(ws, site, [site.rows[o] for o in orgs], benchmark,
              [ws.organisations[o] for o in waiting], pages, common.content)
    return site


def _common(ws: Workspace, cache: Path | None, pages: PageCache | None) -> Bundle:
    common = pages.common() if pages else None
    if common is None:
        shared, content = common_pages(ws, cache)
        common = Bundle(shared.files, shared.titles, content=content)
        if pages:
            pages.put_common(common)
    return common


def _overview(ws: Workspace, site: SiteFiles, rows: list[OverviewRow],
              benchmark: Benchmark | None, waiting: list[Organisation],
              pages: PageCache | None, content: Mapping[str, str]) -> None:
    """The overview from the cache when what it shows is unchanged; else rendered, and its
    key left for the pipeline to keep it once its chart is drawn."""
    key = pages.overview_key([[r.record() for r in rows], repr(benchmark),
                              [(o.id, o.name, [r.id for r in o.rounds_by_date])
                               for o in waiting]]) if pages else None
    cached = pages.overview(key) if pages and key else None
    if cached is not None:
        _reuse(site, cached)
        return
    site.update(overview(rows, benchmark, waiting, surveys=bool(ws.questionnaires),
                         pages=content))
    site.overview_key = key


def _reuse(site: SiteFiles, bundle: Bundle) -> None:
    site.files.update(bundle.files)
    site.titles.update(bundle.titles)
    site.cached_charts += bundle.charts


__all__ = ["ASSETS", "BENCHMARK_MINIMUM", "SURVEY_GUIDE", "OverviewRow", "SiteFiles",
           "page_title", "render_site", "report_charts", "report_file"]
