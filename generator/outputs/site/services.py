"""The services grid of one organisation, as the site page and the report documents show it."""

from __future__ import annotations

from dataclasses import dataclass

from ...models import Questionnaire
from ...scoring.services import QUADRANT_TITLES, ServiceGrid, ServiceResult, ServicesResult
from ..charts.jobs import ChartJob


@dataclass(frozen=True)
class GridRow:
    """A service in the table beside the chart: its number on the chart, and its figures."""

    number: int | None
    service: ServiceResult

    @property
    def quadrant(self) -> str:
        return QUADRANT_TITLES.get(self.service.quadrant or "", "Not rated")


def grid_rows(result: ServicesResult) -> list[GridRow]:
    """Rated services by gap, widest first (numbered as on the chart), then unrated ones."""
    rated = sorted((s for s in result.grid.services if s.quadrant),
                   key=lambda s: (-(s.gap or 0), s.title))
    unrated = [s for s in result.grid.services if not s.quadrant]
    return ([GridRow(i, s) for i, s in enumerate(rated, start=1)]
            + [GridRow(None, s) for s in unrated])


def services_job(result: ServicesResult, q: Questionnaire | None, path: str) -> ChartJob | None:
    """The grid chart's job (None when no service is rated on both)."""
    rows = [row for row in grid_rows(result) if row.number is not None]
    grid = result.grid
    if not rows or grid.importance_line is None or grid.satisfaction_line is None:
        return None
    scores = [o.score for x in q.questions.values() for o in q.options(x)] if q else []
    scale = (min(scores), max(scores)) if scores else (1.0, 5.0)
    return ChartJob(path, "services", (
        tuple(str(row.number) for row in rows),
        tuple(row.service.importance for row in rows),
        tuple(row.service.satisfaction for row in rows),
        tuple(row.service.quadrant for row in rows),
        (grid.importance_line, grid.satisfaction_line),
        scale,
        tuple(row.service.title for row in rows),
    ))


def services_context(result: ServicesResult) -> dict[str, object]:
    """What the organisation's services page needs besides the report's context."""

    def quadrant_of(grid: ServiceGrid, service: str) -> str:
        found = next((s for s in grid.services if s.id == service), None)
        return QUADRANT_TITLES.get(found.quadrant or "", "—") if found else "—"

    return {"services": result, "rows": grid_rows(result), "quadrant_of": quadrant_of,
            "two": lambda value: "—" if value is None else f"{value:.2f}"}
