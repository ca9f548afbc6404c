"""The roadmap for people: terminal text, Markdown, CSV, JSON and XLSX."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .exports import to_csv, to_json
from .planning import Phase, PlannedAction, Roadmap
from .render import month, number, render
from .spreadsheet import add_sheet, new_workbook, to_bytes

ACTION_COLUMNS = (
    "id",
    "title",
    "step",
    "perspectives",
    "phase",
    "start",
    "end",
    "months",
    "effort_days",
    "days_per_month",
    "value",
    "within_horizon",
    "reason",
    "criteria",
    "depends_on",
    "templates",
    "standards",
    "lessons",
)


def render_roadmap(roadmap: Roadmap, titles: Mapping[str, str], fmt: str) -> bytes | str:
    """The roadmap as a file's contents: `md`, `csv`, `json` or `xlsx`."""
    if fmt == "xlsx":
        return xlsx_bytes(roadmap, titles)
    if fmt == "csv":
        return csv_text(roadmap)
    if fmt == "json":
        return to_json(roadmap)
    return markdown(roadmap, titles)


def markdown(roadmap: Roadmap, titles: Mapping[str, str]) -> str:
    return render("roadmap.md.j2", roadmap=roadmap, titles=titles, level=level_at)


def level_at(phase: Phase, perspective: str) -> int:
    return dict(phase.levels)[perspective]


def terminal(roadmap: Roadmap, titles: Mapping[str, str]) -> RenderableType:
    """Header, targets, the plan with a reason under each action, projection, shortfall."""
    parts: list[RenderableType] = [Text(_heading(roadmap, titles), style="bold")]
    targets = Table(title="Targets", title_justify="left")
    for header in ("Perspective", "Now", "Target", "Set by", "Reached"):
        targets.add_column(header, justify="right" if header in ("Now", "Target") else "left")
    for t in roadmap.targets:
        reached = month(t.reached) if t.reached else "not in horizon"
        reached = "already" if t.gap == 0 else reached
        targets.add_row(escape(t.title), str(t.current), str(t.target), t.source, reached)
    parts.append(targets)
    parts.extend(_shortfall(roadmap))
    effort = number(sum(a.effort for a in roadmap.actions))
    parts.append(
        Text(f"\nPlan: {len(roadmap.actions)} actions, {effort} person-days", style="bold")
    )
    parts.extend(_action_lines(roadmap.actions))
    if roadmap.deferred:
        parts.append(Text(f"\nBeyond the horizon: {len(roadmap.deferred)} actions", style="bold"))
        parts.extend(_action_lines(roadmap.deferred))
    projection = Table(title="\nProjected maturity (end of each quarter)", title_justify="left")
    projection.add_column("Perspective")
    for header in ["Now", *(p.label.split("–")[1] for p in roadmap.phases), "Target"]:
        projection.add_column(header, justify="right")
    for t in roadmap.targets:
        cells = [str(level_at(p, t.perspective)) for p in roadmap.phases]
        projection.add_row(escape(t.title), str(t.current), *cells, str(t.target))
    parts.append(projection)
    return Group(*parts)


def csv_text(roadmap: Roadmap) -> str:
    return to_csv(ACTION_COLUMNS, _action_rows([*roadmap.actions, *roadmap.deferred]))


def xlsx_bytes(roadmap: Roadmap, titles: Mapping[str, str]) -> bytes:
    book = new_workbook()
    add_sheet(
        book,
        "Plan",
        ACTION_COLUMNS,
        _action_rows([*roadmap.actions, *roadmap.deferred]),
        widths=[24, 44, 16, 18, 10, 12, 12, 8, 11, 13, 7, 13, 60, 30, 24, 22, 26, 12],
    )
    add_sheet(
        book,
        "Targets",
        ("perspective", "title", "now", "target", "set_by", "reached", "no_action_for"),
        (
            [
                t.perspective,
                t.title,
                t.current,
                t.target,
                t.source,
                t.reached,
                ", ".join(t.uncovered),
            ]
            for t in roadmap.targets
        ),
        widths=[16, 34, 7, 8, 14, 12, 30],
    )
    add_sheet(
        book,
        "Projection",
        ("perspective", "now", *(p.label for p in roadmap.phases), "target"),
        (
            [t.title, t.current, *(level_at(p, t.perspective) for p in roadmap.phases), t.target]
            for t in roadmap.targets
        ),
        widths=[34, 7, *([20] * len(roadmap.phases)), 8],
    )
    add_sheet(book, "About", ("setting", "value"), _about(roadmap, titles), widths=[26, 60])
    return to_bytes(book)


def _heading(roadmap: Roadmap, titles: Mapping[str, str]) -> str:
    lines = [
        f"Improvement roadmap: {roadmap.name} [{roadmap.organisation}], from round {roadmap.round}",
        f"Start {roadmap.start.isoformat()}, horizon {roadmap.horizon} months, capacity "
        f"{number(roadmap.capacity)} person-days a month",
    ]
    if roadmap.needed_type:
        today = titles.get(roadmap.current_type or "", "no office")
        lines.append(
            f"PMO type needed: {titles.get(roadmap.needed_type, roadmap.needed_type)} "
            f"(today: {today})"
        )
    if roadmap.target_model:
        lines.append(
            f"Operating model wanted: {roadmap.target_model} "
            f"(today: {roadmap.current_model or 'not assessed'})"
        )
    return "\n".join(lines)


def _shortfall(roadmap: Roadmap) -> Iterable[RenderableType]:
    s = roadmap.shortfall
    if s is not None:
        text = (
            f"Not every target fits: the plan needs {s.months_needed} months at "
            f"{number(roadmap.capacity)} person-days a month (horizon {roadmap.horizon}). "
        )
        if s.capacity_needed is not None:
            text += (
                f"It would fit with {number(s.capacity_needed)} person-days a month, or "
                f"with a horizon of {s.months_needed} months."
            )
        else:
            text += (
                f"No capacity would fit it: the longest chain of dependent actions takes "
                f"{s.chain_months} months."
            )
        yield Text(text, style="bold red")
    for t in roadmap.targets:
        if t.uncovered:
            yield Text(
                f"{t.title}: no action in the library addresses "
                f"{', '.join(t.uncovered)}; level {t.target} cannot be planned.",
                style="red",
            )


def _action_lines(actions: Iterable[PlannedAction]) -> Iterable[RenderableType]:
    for a in actions:
        yield Text(
            f"{month(a.start)}–{month(a.end)}  {a.title} [{a.id}; {a.step}; "
            f"{number(a.effort)} days]"
        )
        yield Text(f"    why: {a.reason}", style="dim")


def _action_rows(actions: Iterable[PlannedAction]) -> Iterable[list[Any]]:
    for a in actions:
        yield [
            a.id,
            a.title,
            a.step,
            " ".join(a.perspectives),
            a.phase,
            a.start,
            a.end,
            a.months,
            a.effort,
            a.load,
            a.value,
            "yes" if a.within_horizon else "no",
            a.reason,
            "; ".join(a.criteria),
            " ".join(a.depends_on),
            " ".join(a.templates),
            " ".join(a.standards),
            " ".join(a.lessons),
        ]


def _about(roadmap: Roadmap, titles: Mapping[str, str]) -> Iterable[list[Any]]:
    yield ["organisation", roadmap.name]
    yield ["round", roadmap.round]
    yield ["start", roadmap.start]
    yield ["horizon (months)", roadmap.horizon]
    yield ["capacity (person-days a month)", roadmap.capacity]
    yield ["PMO type needed", titles.get(roadmap.needed_type or "", "")]
    yield ["operating model wanted", roadmap.target_model or ""]
    if roadmap.shortfall:
        yield ["months needed", roadmap.shortfall.months_needed]
        yield ["capacity needed", roadmap.shortfall.capacity_needed or "no capacity fits"]
