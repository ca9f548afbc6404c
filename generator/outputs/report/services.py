"""The report's chapter on the office's services: the importance-satisfaction grid."""

from __future__ import annotations

from ...scoring.services import MIN_GROUP, ServicesResult
from ..site.services import grid_rows, lines_meaning, low_across_the_board, one_respondent
from .blocks import Block, Chart, Heading, Items, Para, Table, bold, text


def services_section(result: ServicesResult | None, chart: Chart | None,
                     planned: tuple[str, ...] = ()) -> list[Block]:
    """Why the survey, the grid and its table, the improve-first services, groups, comments;
    `planned`: the titles of the roadmap's actions for those services."""
    if result is None:
        return []
    g = result.grid
    lines = (f"at the mean importance ({_two(g.importance_line)}) and the mean satisfaction "
             f"({_two(g.satisfaction_line)}) over the rated services"
             if result.crosshairs == "means" else "at the middle of the rating scale")
    out: list[Block] = [
        Heading("The office's services"),
        text(f"{result.respondents} customers of the office rated each of its services on "
             "importance and on satisfaction, from 1 to 5. The grid divides the services "
             f"{lines}: ", bold("keep"), " (important and satisfied), ", bold("improve first"),
             " (important, not satisfied), ", bold("over-served"),
             " (satisfied, less important) and ", bold("low priority"), " (neither). ",
             lines_meaning(result)),
    ]
    if low_across_the_board(result):
        out.append(text(low_across_the_board(result)))
    out.append(text(one_respondent(result)))
    first = g.in_quadrant("improve-first")
    if first:
        out.append(text("Improve first: ", bold("; ".join(
            f"{s.title} ({_two(s.importance)} against {_two(s.satisfaction)})" for s in first)),
            "." + (f" The roadmap plans: {'; '.join(planned)}." if planned else "")))
    if chart is not None:
        out.append(chart)
    rows = grid_rows(result)
    out.append(Table(
        ("No.", "Service", "Importance", "Satisfaction", "Gap", "Quadrant"),
        tuple((str(row.number or ""), row.service.title, _two(row.service.importance),
               _two(row.service.satisfaction), _two(row.service.gap), row.quadrant)
              for row in rows),
        (1, 5, 2, 2, 1.5, 2.5), right=(0, 2, 3, 4)))
    if result.groups:
        out.append(Heading("By group", 2, new_page=False))
        out.append(text(f"Services each group of at least {MIN_GROUP} respondents would "
                        "improve first (each group's grid has its own lines):"))
        out.append(Table(
            ("Group", "People", "Improve first"),
            tuple((group.label, str(group.respondents),
                   ", ".join(s.title for s in group.in_quadrant("improve-first")) or "none")
                  for group in result.groups), (2.5, 1, 6), right=(1,)))
    commented = [s for s in g.services if s.comments]
    if commented:
        out.append(Heading("What customers said", 2, new_page=False))
        for s in commented:
            out.append(Para((bold(s.title),)))
            out.append(Items(tuple((text(c).runs[0],) for c in s.comments)))
    return out


def _two(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
