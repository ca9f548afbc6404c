"""The roadmap for people: terminal text, Markdown, CSV, JSON and XLSX.

Every form shows the same things the same way: the first 90 days apart from the rest, quick
wins marked, who leads each action, how its effort was sized, and what is already in place
with the evidence for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ...planning import Explanation, InPlace, Phase, PlannedAction, Roadmap
from ...planning.reasons import cite
from ...spreadsheet import add_sheet, new_workbook, to_bytes
from ...wording import counted
from ..formats.exports import to_csv, to_json
from ..render import month, number, render

ACTION_COLUMNS = (
    "id",
    "title",
    "owner",
    "status",
    "quick_win",
    "recovery",
    "step",
    "perspectives",
    "phase",
    "start",
    "end",
    "months",
    "effort_days",
    "days_per_month",
    "base_effort_days",
    "scales_with",
    "effort_basis",
    "value",
    "within_horizon",
    "reason",
    "criteria",
    "evidence",
    "depends_on",
    "templates",
    "standards",
    "lessons",
)
WIDTHS = [24, 44, 18, 16, 9, 9, 16, 18, 10, 12, 12, 8, 11, 13, 12, 12, 40, 7, 13, 60, 30, 60,
          24, 22, 26, 12]
FIRST_90_DAYS, LATER, BEYOND, IN_PLACE = (
    "first 90 days", "later", "beyond the horizon", "already in place")


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
    return render("roadmap.md.j2", roadmap=roadmap, titles=titles, level=level_at, cite=cite)


def level_at(phase: Phase, perspective: str) -> int:
    return dict(phase.levels)[perspective]


def status(a: PlannedAction) -> str:
    if not a.within_horizon:
        return BEYOND
    return FIRST_90_DAYS if a.first_90_days else LATER


def terminal(roadmap: Roadmap, titles: Mapping[str, str]) -> RenderableType:
    """Header, targets, the plan (first 90 days, then the rest) with reasons, what is in
    place, the projection and any shortfall."""
    parts: list[RenderableType] = [Text(_heading(roadmap, titles), style="bold")]
    parts.append(_targets(roadmap))
    parts.extend(_shortfall(roadmap))
    effort = number(roadmap.effort)
    wins = len(roadmap.quick_wins)
    parts.append(Text(
        f"\nPlan: {counted(len(roadmap.actions), 'action')}, {effort} person-days"
        f"{', ' + counted(wins, 'quick win') if wins else ''}", style="bold"))
    first = roadmap.first_90_days
    parts.append(Text(f"\nFirst 90 days: {counted(len(first), 'action')}", style="bold"))
    parts.extend(_action_lines(first))
    if roadmap.later:
        parts.append(Text(f"\nThen: {counted(len(roadmap.later), 'action')}", style="bold"))
        parts.extend(_action_lines(roadmap.later))
    if roadmap.deferred:
        parts.append(Text(f"\nBeyond the horizon: {counted(len(roadmap.deferred), 'action')}",
                          style="bold"))
        parts.extend(_action_lines(roadmap.deferred))
    if roadmap.in_place:
        parts.append(Text(f"\nAlready in place: {counted(len(roadmap.in_place), 'action')}",
                          style="bold"))
        parts.extend(_in_place_lines(roadmap.in_place))
    projection = Table(title="\nProjected maturity (end of each quarter)", title_justify="left")
    projection.add_column("Perspective")
    for header in ["Now", *(p.label.split("–")[1] for p in roadmap.phases), "Target"]:
        projection.add_column(header, justify="right")
    for t in roadmap.targets:
        cells = [str(level_at(p, t.perspective)) for p in roadmap.phases]
        projection.add_row(escape(t.title), str(t.current), *cells, str(t.target))
    parts.append(projection)
    return Group(*parts)


def explanation_text(e: Explanation) -> str:
    """`pmo roadmap ORG --explain ACTION` for people."""
    head = f"{e.title} [{e.id}]: {e.verdict}"
    return "\n".join([head, *(f"  {line}" for line in e.lines)]) + "\n"


def csv_text(roadmap: Roadmap) -> str:
    return to_csv(ACTION_COLUMNS, _rows(roadmap))


def xlsx_bytes(roadmap: Roadmap, titles: Mapping[str, str]) -> bytes:
    book = new_workbook()
    add_sheet(book, "Plan", ACTION_COLUMNS, _rows(roadmap), widths=WIDTHS)
    add_sheet(
        book,
        "Targets",
        ("perspective", "title", "now", "previous_round", "target", "set_by", "reached",
         "no_action_for"),
        (
            [t.perspective, t.title, t.current, t.previous, t.target, t.source, t.reached,
             ", ".join(t.uncovered)]
            for t in roadmap.targets
        ),
        widths=[16, 34, 7, 14, 8, 14, 12, 30],
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
    add_sheet(
        book,
        "In place",
        ("id", "title", "owner", "considered_because", "evidence"),
        ([x.id, x.title, x.owner, x.why_considered, _evidence(x)] for x in roadmap.in_place),
        widths=[30, 50, 18, 40, 90],
    )
    add_sheet(book, "About", ("setting", "value"), _about(roadmap, titles), widths=[30, 70])
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
    lines.append(roadmap.size_basis)
    for r in roadmap.regressions:
        lines.append(f"Fell since round {r.previous_round}: {r.title}, level {r.previous} to "
                     f"{r.current}; getting it back comes first.")
    return "\n".join(lines)


def _targets(roadmap: Roadmap) -> Table:
    table = Table(title="Targets", title_justify="left")
    was = roadmap.previous_round is not None
    headers = ["Perspective", *(["Was"] if was else []), "Now", "Target", "Set by", "Reached"]
    for header in headers:
        table.add_column(header, justify="right" if header in ("Was", "Now", "Target") else "left")
    for t in roadmap.targets:
        reached = month(t.reached) if t.reached else "not in horizon"
        reached = "already" if t.gap == 0 else reached
        previous = [str(t.previous) if t.previous is not None else "—"] if was else []
        table.add_row(escape(t.title), *previous, str(t.current), str(t.target), t.source,
                      reached)
    return table


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
        line = Text(
            f"{month(a.start)}–{month(a.end)}  {a.title} [{a.id}; {a.step}; "
            f"{number(a.effort)} days; {a.owner}]"
        )
        if a.quick_win:
            line.append("  quick win", style="bold green")
        yield line
        yield Text(f"    why: {a.reason}", style="dim")
        if a.scales_with != "none":
            yield Text(f"    effort: {a.effort_basis}", style="dim")


def _in_place_lines(done: Iterable[InPlace]) -> Iterable[RenderableType]:
    for why, group in in_place_groups(done):
        yield Text(f"{why}:")
        for x in group:
            yield Text(f"  {x.title} [{x.id}; {x.owner}]")
            yield Text(f"      shown by {_evidence(x)}", style="dim")


def in_place_groups(done: Iterable[InPlace]) -> list[tuple[str, list[InPlace]]]:
    """What is in place, grouped by what would have brought it into the plan."""
    groups: dict[str, list[InPlace]] = {}
    for x in done:
        groups.setdefault(x.why_considered, []).append(x)
    return list(groups.items())


def _evidence(x: InPlace) -> str:
    return "; ".join(cite(f) for f in x.findings)


def _rows(roadmap: Roadmap) -> Iterable[list[Any]]:
    for a in [*roadmap.actions, *roadmap.deferred]:
        yield [
            a.id,
            a.title,
            a.owner,
            status(a),
            "yes" if a.quick_win else "no",
            "yes" if a.recovery else "no",
            a.step,
            " ".join(a.perspectives),
            a.phase,
            a.start,
            a.end,
            a.months,
            a.effort,
            a.load,
            a.base_effort,
            a.scales_with,
            a.effort_basis,
            a.value,
            "yes" if a.within_horizon else "no",
            a.reason,
            "; ".join(a.criteria),
            "; ".join(cite(f) for f in a.findings if f.quotes),
            " ".join(a.depends_on),
            " ".join(a.templates),
            " ".join(a.standards),
            " ".join(a.lessons),
        ]
    for x in roadmap.in_place:
        row: list[Any] = [""] * len(ACTION_COLUMNS)
        row[:4] = [x.id, x.title, x.owner, IN_PLACE]
        row[ACTION_COLUMNS.index("reason")] = x.why_considered
        row[ACTION_COLUMNS.index("evidence")] = _evidence(x)
        yield row


def _about(roadmap: Roadmap, titles: Mapping[str, str]) -> Iterable[list[Any]]:
    yield ["organisation", roadmap.name]
    yield ["round", roadmap.round]
    yield ["start", roadmap.start]
    yield ["horizon (months)", roadmap.horizon]
    yield ["capacity (person-days a month)", roadmap.capacity]
    yield ["PMO type needed", titles.get(roadmap.needed_type or "", "")]
    yield ["PMO type today", titles.get(roadmap.current_type or "", "no office")]
    yield ["operating model wanted", roadmap.target_model or ""]
    yield ["effort sizing", roadmap.size_basis]
    yield ["actions in the first 90 days", len(roadmap.first_90_days)]
    yield ["quick wins", len(roadmap.quick_wins)]
    yield ["already in place", len(roadmap.in_place)]
    for r in roadmap.regressions:
        yield [f"fell since {r.previous_round}", f"{r.title}: level {r.previous} to {r.current}"]
    if roadmap.shortfall:
        yield ["months needed", roadmap.shortfall.months_needed]
        yield ["capacity needed", roadmap.shortfall.capacity_needed or "no capacity fits"]
