"""Render the whole site in memory: the common pages, each organisation's report pages and the
overview of the assessments.

Nothing here writes to the docs folder. The result is a mapping of docs-relative paths to
bytes, plus the charts still to draw, so that the pipeline can compute everything before it
writes anything. With a `PageCache`, the common pages and the pages of organisations whose
inputs did not change come from the cache instead of being rendered again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..scoring.benchmark import MINIMUM as BENCHMARK_MINIMUM
from ..scoring.benchmark import Benchmark, benchmark_of
from ..workspace import Workspace
from .common import ASSETS, SURVEY_GUIDE, Links, common_pages, titles_of
from .org_pages import org_pages, report_charts, report_file
from .overview import OverviewRow, overview, overview_row
from .page_cache import Bundle, PageCache
from .report import org_report
from .site_files import SiteFiles, page_title

if TYPE_CHECKING:
    from ..planning import Roadmap
    from ..scoring import ScoreTables


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
) -> SiteFiles:
    """The site's files: `orgs` get reports (those in `reused` as cached, the others rendered
    from their `roadmaps`); `benchmark` is the anonymised benchmark (or computed over
    `benchmark_orgs`); `waiting` are organisations without answers yet, listed on the
    assessments page.

    `cache` keeps template downloads by a hash of their source, as charts are kept; `pages`
    keeps the common pages and the overview; `advance` hears of each organisation rendered.
    """
    reused = reused or {}
    if benchmark is None and benchmark_orgs is not None:
        benchmark = benchmark_of(ws, tables, benchmark_orgs)
    site = SiteFiles()
    common = pages.common() if pages else None
    if common is None:
        shared, content = common_pages(ws, cache)
        common = Bundle(shared.files, shared.titles, content=content)
        if pages:
            pages.put_common(common)
    site.files.update(common.files)
    site.titles.update(common.titles)
    links = Links(ws, common.content)
    titles = titles_of(ws)
    for org in orgs:
        if org in reused:
            site.files.update(reused[org].files)
            site.titles.update(reused[org].titles)
            site.rows[org] = reused[org].row  # type: ignore[assignment]
            site.cached_charts += reused[org].charts
            continue
        report = org_report(ws, tables, org, roadmaps.get(org))
        site.update(org_pages(ws, report, titles, links))
        site.rows[org] = overview_row(report, titles)
        if advance is not None:
            advance(1)
    rows = [site.rows[o] for o in orgs]
    waiting_orgs = [ws.organisations[o] for o in waiting]
    key = pages.overview_key([[r.record() for r in rows], repr(benchmark),
                              [(o.id, o.name, [r.id for r in o.rounds_by_date])
                               for o in waiting_orgs]]) if pages else None
    cached = pages.overview(key) if pages and key else None
    if cached is not None:
        site.files.update(cached.files)
        site.titles.update(cached.titles)
        site.cached_charts += cached.charts
    else:
        site.update(overview(rows, benchmark, waiting_orgs, surveys=bool(ws.questionnaires),
                             pages=common.content))
        site.overview_key = key
    return site


__all__ = ["ASSETS", "BENCHMARK_MINIMUM", "SURVEY_GUIDE", "OverviewRow", "SiteFiles",
           "page_title", "render_site", "report_charts", "report_file", "titles_of"]
