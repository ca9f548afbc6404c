"""Terminal tables for `pmo list` and `pmo score` (rich renderables, no I/O)."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ...scoring.results import (
    SCOPE_TITLES,
    ClassificationResult,
    CriterionResult,
    MaturityResult,
    RespondentResult,
    Scorecard,
    ViewResult,
)
from ...scoring.services import MIN_GROUP, QUADRANT_TITLES, ServicesResult
from ...wording import counted
from ..scope_views import reading, share


def scorecard_view(sc: Scorecard) -> RenderableType:
    """The whole scorecard: header, maturity tables, classifications."""
    parts: list[RenderableType] = [Text(_heading(sc), style="bold")]
    for m in sc.maturity:
        parts.extend(_maturity(m))
    for c in sc.classifications:
        parts.extend(_classification(c))
    for v in sc.services:
        parts.extend(_services(v))
    return Group(*parts)


def respondents_view(sc: Scorecard) -> RenderableType:
    table = Table(title="Respondents' own results", title_justify="left")
    for header in ("Respondent", "Role", "Questionnaire", "Result"):
        table.add_column(header)
    for r in sc.respondents:
        if r.level is not None or r.perspective_levels:
            result = f"level {r.level}, score {r.score}" if r.level is not None else "not assessed"
        else:
            result = "; ".join(f"{view}: {', '.join(best) or 'no fit'}" for view, best in r.best)
        table.add_row(escape(r.respondent), escape(r.role), r.questionnaire, escape(result))
    views = [r for r in sc.respondents if r.scope_scores]
    if not views:
        return table
    return Group(table, _respondent_scopes(views))


def _respondent_scopes(rows: list[RespondentResult]) -> Table:
    """Each respondent's own portfolio, programme and project view, to compare who sees what."""
    scopes = [scope for scope, _ in rows[0].scope_scores]
    table = Table(title="Respondents' own portfolio, programme and project view",
                  title_justify="left")
    table.add_column("Respondent")
    table.add_column("Role")
    for scope in scopes:
        table.add_column(SCOPE_TITLES[scope], justify="right")
    for r in rows:
        found = dict(r.scope_scores)
        table.add_row(escape(r.respondent), escape(r.role), *(_dash(found.get(s)) for s in scopes))
    return table


def _heading(sc: Scorecard) -> str:
    label = f" ({sc.round_label})" if sc.round_label else ""
    compared = f"; compared with round {sc.previous_round}" if sc.previous_round else ""
    return f"{sc.name} [{sc.organisation}], round {sc.round}{label}{compared}"


def _maturity(m: MaturityResult) -> Iterator[RenderableType]:
    change = ""
    if m.previous_level is not None:
        change = f" (previous round: level {m.previous_level}, score {_dash(m.previous_score)})"
    level = "not assessed" if m.level is None else f"level {m.level} {m.level_name}"
    people = counted(m.respondents, "respondent")
    score = f", score {m.score}" if m.score is not None else ""
    yield Text(f"\n{m.title}: {level}{score}{change}; {people}", style="bold")
    table = Table(show_lines=False, expand=False)
    table.add_column("Perspective")
    table.add_column("Level", justify="right")
    table.add_column("Score", justify="right")
    table.add_column("Change", justify="right")
    table.add_column("Don't know", justify="right")
    table.add_column("Split", justify="right")
    for p in m.perspectives:
        change = ""
        if p.previous_score is not None and p.score is not None:
            change = f"{p.score - p.previous_score:+.1f}"
        table.add_row(
            escape(p.title),
            _dash(p.level),
            _dash(p.score),
            change,
            str(p.dont_know or ""),
            str(p.disagreements or ""),
        )
    yield table
    skipped = [p.title for p in m.perspectives if p.level is None]
    if skipped:
        yield Text(f"— not assessed: every criterion of {', '.join(skipped)} is N/A, so "
                   "it is left out of the overall level and score.")
    if m.scopes:
        yield from _scopes(m)
    blocked = [p for p in m.perspectives if p.limiting]
    if blocked:
        yield Text("What stops the next level (limiting criteria, with the median answer):")
    for p in blocked:
        target = max(c.level for c in p.limiting)
        lines = [f"  {p.title} (level {_dash(p.level)} → {target}):"]
        lines += [f"    {c.id} [{c.answer}] {c.text}" for c in p.limiting]
        yield Text("\n".join(lines))
    settled = sum(c.disagreement and c.agreed for c in m.criteria)
    if settled:
        yield Text(f"Settled by agreed answers: {counted(settled, 'criterion', 'criteria')}")
    split = [c for c in m.criteria if c.disagreement and not c.agreed]
    if split:
        yield Text(
            f"To discuss ({counted(len(split), 'criterion', 'criteria')} where respondents "
            "disagree): " + ", ".join(f"{c.id} ({_range(c)})" for c in split)
        )


def _scopes(m: MaturityResult) -> Iterator[RenderableType]:
    """The same answers by what the criteria evidence (compare P3M3's separate ratings)."""
    yield Text("\nPortfolio, programme and project view (L2-L5: criteria met of those that count):")
    compared = any(s.previous_score is not None for s in m.scopes)
    table = Table(show_lines=False, expand=False)
    table.add_column("View")
    table.add_column("Score", justify="right")
    if compared:
        table.add_column("Change", justify="right")
    table.add_column("Criteria", justify="right")
    for level in (2, 3, 4, 5):
        table.add_column(f"L{level}", justify="right")
    for s in m.scopes:
        change = []
        if compared:
            change = [f"{s.score - s.previous_score:+.1f}"
                      if s.score is not None and s.previous_score is not None else ""]
        table.add_row(escape(s.title), _dash(s.score), *change, _counted(s.counted, s.criteria),
                      *(share(x) for x in s.levels))
    yield table
    said = reading(m)
    if said:
        yield Text(said)
    skipped = [s.title for s in m.scopes if s.score is None]
    if skipped:
        yield Text(f"— not assessed: every criterion of {', '.join(skipped)} is N/A.")


def _counted(counted: int, criteria: int) -> str:
    return str(criteria) if counted == criteria else f"{counted} of {criteria}"


def _classification(c: ClassificationResult) -> Iterator[RenderableType]:
    yield Text(f"\n{c.title}: {counted(c.respondents, 'respondent')}", style="bold")
    table = Table()
    table.add_column("View")
    table.add_column("Best fit")
    table.add_column("Runner-up")
    has_position = any(v.position is not None for v in c.views)
    if has_position:
        table.add_column("Position (0-100)")
    has_previous = any(v.previous_best or v.previous_position is not None for v in c.views)
    if has_previous:
        table.add_column("Previous round")
    for v in c.views:
        row = [escape(v.label), _names(v, v.best), _names(v, v.runner_up)]
        if has_position:
            row.append(_position(v))
        if has_previous:
            row.append(_previous(v))
        table.add_row(*row)
    yield table
    for v in c.views:
        fits = ", ".join(f"{f.title} {f.percent}%" for f in v.fits)
        yield Text(f"All fits, {v.label.lower()}: {fits}")
    if c.disagreements:
        yield Text("No majority answer on: " + ", ".join(c.disagreements))


def _services(v: ServicesResult) -> Iterator[RenderableType]:
    g = v.grid
    lines = "the means" if v.crosshairs == "means" else "the scale's midpoint"
    yield Text(f"\n{v.title}: {counted(v.respondents, 'respondent')}; lines at {lines}, "
               f"importance {_two(g.importance_line)}, satisfaction "
               f"{_two(g.satisfaction_line)}", style="bold")
    table = Table()
    for header in ("Service", "Importance", "Satisfaction", "Gap", "Quadrant", "Rated", "N/A"):
        table.add_column(header, justify="right" if header in ("Importance", "Satisfaction",
                                                                "Gap", "Rated", "N/A") else "left")
    for s in sorted(g.services, key=_by_gap):
        table.add_row(escape(s.title), _two(s.importance), _two(s.satisfaction), _two(s.gap),
                      QUADRANT_TITLES.get(s.quadrant or "", "not rated"), str(s.rated),
                      str(s.na))
    yield table
    for group in v.groups:
        first = [s.title for s in group.in_quadrant("improve-first")]
        yield Text(f"{group.label} ({group.respondents}): improve first: "
                   f"{escape(', '.join(first)) or 'none'}")
    if v.hidden_groups:
        yield Text(f"{counted(v.hidden_groups, 'respondent')} in roles of fewer than "
                   f"{MIN_GROUP} people are counted only in the whole")


def _two(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _by_gap(s: object) -> tuple[float, str]:
    gap = getattr(s, "gap", None)
    return (-gap if gap is not None else float("inf"), getattr(s, "title", ""))


def _names(v: ViewResult, ids: tuple[str, ...]) -> str:
    if not ids:
        return "—"
    by_id = {f.outcome: f for f in v.fits}
    names = " = ".join(f"{by_id[i].title} {by_id[i].percent}%" for i in ids)
    return escape(names + (" (tie)" if len(ids) > 1 else ""))


def _previous(v: ViewResult) -> str:
    titles = {f.outcome: f.title for f in v.fits}
    parts = [" = ".join(titles[i] for i in v.previous_best)] if v.previous_best else []
    if v.previous_position is not None:
        parts.append(f"position {v.previous_position:g}")
    return escape(", ".join(parts)) or "—"


def _position(v: ViewResult) -> str:
    if v.position is None:
        return "—"
    titles = {f.outcome: f.title for f in v.fits}
    text = f"{v.position:g} {titles.get(v.position_label or '', v.position_label)}"
    if v.hybrid:
        by_label: dict[str, list[str]] = {}
        for s in v.sections:
            by_label.setdefault(titles.get(s.label, s.label), []).append(s.title)
        text += "; hybrid: " + "; ".join(
            f"{label} in {', '.join(titles)}" for label, titles in by_label.items()
        )
    return escape(text)


def _range(c: CriterionResult) -> str:
    parts = [c.spread] if c.spread else []
    if c.na and c.rated:
        parts.append(f"{c.na} say n/a")
    return ", ".join(parts)


def _dash(value: object) -> str:
    return "—" if value is None else str(value)
