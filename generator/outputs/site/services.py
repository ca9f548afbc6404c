"""The services grid of one organisation, as the site page and the report documents show it."""

from __future__ import annotations

from dataclasses import dataclass

from ...models import Questionnaire
from ...scoring.services import (
    MIN_GROUP,
    QUADRANT_TITLES,
    ServiceGrid,
    ServiceResult,
    ServicesResult,
)
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


def lines_meaning(result: ServicesResult) -> str:
    """What a service's side of the lines says, and does not say."""
    if result.crosshairs != "means":
        return ("The lines sit at the middle of the rating scale: above the satisfaction line "
                "means rated better than middling.")
    return ("The lines are this office's own averages: above the satisfaction line means "
            "better than this office's other services, not necessarily satisfactory, and above "
            "the importance line means more important to its customers than its other "
            "services.")


def low_across_the_board(result: ServicesResult) -> str:
    """A warning when the mean satisfaction is below the middle of the scale; else empty."""
    line = result.grid.satisfaction_line
    middle = sum(result.scale) / 2
    if result.crosshairs != "means" or line is None or line >= middle:
        return ""
    return (f"The mean satisfaction ({line:.2f}) is below the middle of the scale "
            f"({middle:g}): satisfaction is low across the board, so even the services in "
            "keep and over-served may fall short of what their customers need.")


def borderline(result: ServicesResult) -> tuple[ServiceResult, ...]:
    """Services closer to a line than one respondent could move their mean."""
    g = result.grid
    if g.importance_line is None or g.satisfaction_line is None:
        return ()
    span = result.scale[1] - result.scale[0]
    return tuple(
        s for s in g.services
        if s.quadrant and s.rated and s.importance is not None and s.satisfaction is not None
        and min(abs(s.importance - g.importance_line),
                abs(s.satisfaction - g.satisfaction_line)) <= span / s.rated)


def one_respondent(result: ServicesResult) -> str:
    """How far one respondent can move a mean, and the services that close to a line."""
    span = result.scale[1] - result.scale[0]
    out = (f"One respondent can move a service's mean by up to {span:g} ÷ the number who "
           f"rated it ({span / 8:.1f} with eight), so a service that close to a line could "
           "sit on either side of it.")
    near = borderline(result)
    rated = [x for x in result.grid.services if x.quadrant]
    if not near:
        return out + " No service here is that close to a line."
    if len(near) == len(rated):
        return out + (" Every service here is that close to a line: read the quadrants as "
                      "questions for a conversation with the office's customers rather than "
                      "as findings.")
    counts = {x.rated for x in near}
    return out + " That close to a line here, so read their quadrant as borderline: " + "; ".join(
        s.title + ("" if len(counts) == 1 else f" ({s.rated} rated)") for s in near) + "."


def services_context(result: ServicesResult) -> dict[str, object]:
    """What the organisation's services page needs besides the report's context."""
    return {"services": result, "rows": grid_rows(result),
            "group_quadrants": {s.id: [_quadrant_in(group, s.id) for group in result.groups]
                                for s in result.grid.services},
            "min_group": MIN_GROUP, "lines_meaning": lines_meaning(result),
            "low_across_the_board": low_across_the_board(result),
            "one_respondent": one_respondent(result)}


def _quadrant_in(grid: ServiceGrid, service: str) -> str:
    """The quadrant of `service` in a group's grid; `—` where the group did not rate it."""
    found = next((s for s in grid.services if s.id == service), None)
    return QUADRANT_TITLES.get(found.quadrant or "", "—") if found else "—"
