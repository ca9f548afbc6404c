"""The assessments index: one row per organisation, the organisations waiting for answers,
and the anonymised benchmark.

It is fed plain records (a row per organisation, the benchmark computed in the score stage),
so a rebuild can show an organisation whose pages came from the cache without its report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from ...models import Organisation
from ...scoring.benchmark import Benchmark
from ..render import number, render
from .common import SURVEY_GUIDE
from .site_files import SiteFiles

if TYPE_CHECKING:
    from ..charts.jobs import ChartJob
    from .report import OrgReport

OVERVIEW_PAGE = "assessments/index.md"
BENCHMARK_CHART = "assessments/charts/benchmark.svg"


@dataclass(frozen=True)
class OverviewRow:
    """One organisation's line on the assessments index, as displayed."""

    id: str
    name: str
    sector: str
    round: str
    maturity: str
    score: str
    needed: str
    wanted: str

    def record(self) -> dict[str, str]:
        return asdict(self)


def overview_row(r: OrgReport, titles: Mapping[str, str]) -> OverviewRow:
    m = r.maturity
    plan = r.roadmap
    return OverviewRow(
        id=r.org.id, name=r.org.name, sector=r.org.sector, round=r.card.round,
        maturity=f"{m.level} {m.level_name}" if m and m.level is not None else "—",
        score=number(m.score) if m else "—",
        needed=titles.get(plan.needed_type or "", "—") if plan else "—",
        wanted=titles.get(plan.target_model or "", "—") if plan else "—",
    )


def overview(rows: list[OverviewRow], benchmark: Benchmark | None,
             waiting: list[Organisation], *, surveys: bool, pages: Mapping[str, str]
             ) -> SiteFiles:
    """`assessments/index.md`, and the benchmark's chart when there is a benchmark."""
    site = SiteFiles()
    shown = None
    if benchmark is not None:
        from ..charts.jobs import ChartJob

        shown = {
            "count": benchmark.count, "minimum": benchmark.minimum,
            "rows": [{"title": p.title, "quartiles": [number(q) for q in p.quartiles]}
                     for p in benchmark.perspectives],
        }
        from .charts import browser_chart  # the charts' palette loads matplotlib

        shown["chart"] = browser_chart(_chart(ChartJob, benchmark)).html()
    site.page(OVERVIEW_PAGE, render(
        "assessments_index.md.j2", reports=rows, benchmark=shown, waiting=waiting,
        survey="../surveys/index.md" if surveys else None,
        guide=(f"../{SURVEY_GUIDE}", pages[SURVEY_GUIDE]) if SURVEY_GUIDE in pages else None,
    ))
    return site


def _chart(job: type[ChartJob], benchmark: Benchmark) -> ChartJob:
    return job(BENCHMARK_CHART, "benchmark", (
        tuple(p.title for p in benchmark.perspectives),
        tuple(p.counts for p in benchmark.perspectives)))
