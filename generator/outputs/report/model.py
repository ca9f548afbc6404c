"""The assessment report as a document: headings, paragraphs, tables and charts, in order.

Assembled from one organisation's scorecard, classifications, history and roadmap; the Word
and PDF writers lay the same blocks out, so the two files cannot say different things.
Everything here is plain data (charts are named by their figure and arguments, drawn later),
so a hash of the document decides whether cached files can be reused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ...scoring.results import ClassificationResult, CriterionResult, MaturityResult
from ...workspace import Workspace
from ..classification_words import best_fits
from ..formats.markdown_text import Run, blocks
from ..render import month, number, render
from ..scope_views import gap_criteria, headline, reading, share
from ..site.report import OrgReport
from .blocks import Block, Chart, Facts, Heading, Items, Para, Table, bold, led_by, text
from .roadmap import roadmap_details, roadmap_section
from .services import services_section

ChartArgs = dict[str, tuple[str, tuple[Any, ...]]]
"""Each chart of the report by name: its kind and the arguments that draw it."""


@dataclass(frozen=True)
class ReportDoc:
    """The report: cover details, then the blocks in reading order."""

    org_id: str
    org_name: str
    round: str
    round_label: str
    date: dt.date
    prepared_for: str
    subtitle: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def title(self) -> str:
        return f"{self.org_name}: PMO assessment report"

    @property
    def round_text(self) -> str:
        return f"Round {self.round}" + (f" ({self.round_label})" if self.round_label else "")

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Chart))


def build_report(ws: Workspace, r: OrgReport, titles: dict[str, str],
                 charts: ChartArgs) -> ReportDoc:
    """The report of `r`; `charts` gives each chart's figure and arguments by name."""
    date = next(x.date for x in r.org.rounds if x.id == r.card.round)
    out: list[Block | None] = []
    out += _summary(r, titles)
    out += _maturity(r, charts)
    out += _type_and_model(ws, r, titles, charts)
    out += _disagreements(ws, r)
    out += services_section(r.services, _chart(
        charts, "services", "Services: importance and satisfaction (numbers as in the table)",
        0.78), tuple(a.title for a in [*r.roadmap.actions, *r.roadmap.deferred]
                     if a.step == "services") if r.roadmap else ())
    if r.roadmap is not None:
        out += roadmap_section(r.roadmap, titles, _chart(charts, "roadmap",
                               "Roadmap: when each action runs, and the maturity it projects"))
    out += _trend(r, charts)
    out += _appendix(ws, r)
    if r.roadmap is not None:
        out += roadmap_details(r.roadmap)
    return ReportDoc(
        org_id=r.org.id, org_name=r.org.name, round=r.card.round, round_label=r.card.round_label,
        date=date, prepared_for=r.org.name,
        subtitle="PMO maturity, type and operating model assessment",
        blocks=tuple(b for b in out if b is not None),
    )


def _chart(charts: ChartArgs, name: str, caption: str,
           width: float = 1.0) -> Chart | None:
    if name not in charts:
        return None
    kind, args = charts[name]
    return Chart(name, kind, args, caption, width)


def _respondents(r: OrgReport) -> int:
    m = r.maturity
    return max([m.respondents if m else 0] + [c.respondents for c in r.card.classifications])


def _summary(r: OrgReport, titles: dict[str, str]) -> list[Block]:
    m, plan = r.maturity, r.roadmap
    people = _respondents(r)
    date = next(x.date for x in r.org.rounds if x.id == r.card.round)
    out: list[Block] = [Heading("Executive summary")]
    intro = (f"This report sets out where {r.org.name}'s portfolio, programme and project "
             f"management stands in round {r.card.round}, assessed in {month(date)} from "
             f"{people} respondent{'s' * (people != 1)}' answers, and what to do next.")
    out.append(text(intro))
    facts: list[tuple[str, str]] = []
    if m is not None:
        overall = f"Level {m.level} ({m.level_name}), score {number(m.score)} of 5" \
            if m.level is not None else "Not assessed"
        if m.previous_level is not None and r.card.previous_round:
            overall += (f"; level {m.previous_level}, score {number(m.previous_score)} in "
                        f"round {r.card.previous_round}")
        facts.append(("Overall maturity", overall))
        facts.append(("Holding it back", _weakest(r) or "No perspective stands out"))
        if headline(m):
            facts.append(("Portfolio, programme, project", headline(m)))
    if r.pmo_type is not None:
        facts.append(("PMO type", f"has: {_best(r.pmo_type, 'current')}; needs: "
                                  f"{_best(r.pmo_type, 'target')}"))
    if r.operating_model is not None:
        facts.append(("Operating model", f"today: {_position(r.operating_model, 'current', titles)}"
                      f"; should be: {_position(r.operating_model, 'target', titles)}"))
    if r.services is not None:
        first = r.services.grid.in_quadrant("improve-first")
        facts.append(("Services to improve first", "; ".join(s.title for s in first) or
                      f"none, in the view of {r.services.respondents} customers"))
    if plan is not None:
        facts.append(("Roadmap", f"{len(plan.actions)} actions over {plan.horizon} months from "
                      f"{month(plan.start)}, at {number(plan.capacity)} person-days a month"
                      + ("; not every target fits" if not plan.feasible else "")))
    out.append(Facts(tuple(facts)))
    if plan is not None and plan.actions:
        out.append(Heading("The five actions that matter most", 3))
        top = sorted(plan.actions, key=lambda a: (-a.value, a.start_month, a.id))[:5]
        out.append(Items(tuple(
            (bold(a.title), Run(f": from {month(a.start)}, led by {led_by(a.owner)}, "
                                f"{number(a.effort)} person-days, {_moves(a.step, titles)}."))
            for a in sorted(top, key=lambda a: (a.start_month, a.id))), numbered=True))
    out.append(Heading("What changed since the previous round", 3))
    out.append(_changes(r))
    return out


def _moves(step: str, titles: dict[str, str]) -> str:
    """A planned action's step in words: `governance 2→3` or setting up the office."""
    perspective, _, levels = step.partition(" ")
    if perspective not in titles or "→" not in levels:
        return {"set-up": "to set up the office",
                "services": "to improve a service its customers rate low"}.get(step, f"for {step}")
    before, after = levels.split("→", 1)
    return f"to take {titles[perspective]} from level {before} to {after}"


def _weakest(r: OrgReport) -> str:
    """The perspectives at the overall level, and the one closest to the next level."""
    m = r.maturity
    if m is None or m.level is None:
        return ""
    low = [p for p in m.perspectives if p.level == m.level]
    names = ", ".join(p.title for p in low)
    if len(low) == 1:
        head = f"{names} is at level {m.level}"
    else:
        head = f"{len(low)} of {len(m.perspectives)} perspectives are at level {m.level}: {names}"
    gaps = [p for p in low if p.limiting]
    if not gaps:
        return head + "."
    closest = min(gaps, key=lambda p: (len(p.limiting), p.title))
    count = len(closest.limiting)
    return (f"{head}. Closest to level {m.level + 1}: {closest.title}, "
            f"{count} criterion{'s' * (count != 1)} short.").replace("criterions", "criteria")


def _changes(r: OrgReport) -> Block:
    m = r.maturity
    if not r.card.previous_round or m is None:
        return text("This is the first round assessed: it sets the baseline that later rounds "
                    "are compared with.")
    moved = [(p, (p.score or 0) - (p.previous_score or 0)) for p in m.perspectives
             if p.previous_score is not None and p.score is not None]
    groups = (
        ("Improved", [x for x in moved if x[1] >= 0.2]),
        ("Fell back", [x for x in moved if x[1] <= -0.2]),
        ("Little change (under 0.2)", [x for x in moved if abs(x[1]) < 0.2]),
    )
    entries = []
    for label, found in groups:
        if not found:
            continue
        found.sort(key=lambda x: -abs(x[1]))
        parts = [f"{p.title} ({_step(p.previous_level, p.level)}{change:+.1f})"
                 for p, change in found]
        entries.append((bold(f"{label}: "), Run("; ".join(parts) + ".")))
    return Items(tuple(entries))


def _step(before: int | None, after: int | None) -> str:
    if before is None or after is None or before == after:
        return ""
    return f"level {before}→{after}, "


def _best(c: ClassificationResult, view: str) -> str:
    return best_fits(c.view(view)) or "no clear fit"


def _position(c: ClassificationResult, view: str, titles: dict[str, str]) -> str:
    v = c.view(view)
    if v is None or v.position is None:
        return "not assessed"
    label = titles.get(v.position_label or "", v.position_label or "")
    return f"{label} ({number(v.position)} of 100)" + (", a hybrid" if v.hybrid else "")


def _maturity(r: OrgReport, charts: ChartArgs) -> list[Block | None]:
    m = r.maturity
    if m is None:
        return []
    compared = bool(r.card.previous_round)
    out: list[Block | None] = [Heading("Maturity by perspective")]
    out.append(text("Each perspective has a staged level, the highest level whose criteria, "
                    "and all those below it, are at least largely in place, and a continuous "
                    "score from 0 to 5 that also credits partial progress. The overall level is "
                    "the weakest perspective's."))
    out.append(_chart(charts, "radar", "Maturity level by perspective: now and target"
                      + (", and the previous round" if compared else ""), 0.8))
    header = ("Perspective", "Level", "Score", "Target", *(("Change",) if compared else ()),
              "Holding it back")
    rows = []
    for p in m.perspectives:
        target = r.target(p.id)
        change = (f"{p.score - p.previous_score:+.1f}" if compared and p.score is not None
                  and p.previous_score is not None else "")
        rows.append((p.title, _level(p.level), number(p.score),
                     "—" if target is None else str(target), *((change,) if compared else ()),
                     ", ".join(c.id for c in p.limiting) or "—"))
    widths = (3.2, 1, 1, 1.1, *((1.3,) if compared else ()), 3)
    out.append(Table(header, tuple(rows), widths, right=tuple(range(1, 4 + compared))))
    out += _scopes(m)
    out.append(Heading("The criteria holding each perspective back", 2))
    limiting = [(p, c) for p in m.perspectives for c in p.limiting]
    if not limiting:
        out.append(text("No criterion holds a perspective back below the top level."))
        return out
    rows = []
    for i, (p, c) in enumerate(limiting):
        first = i == 0 or limiting[i - 1][0].id != p.id
        rows.append((p.title if first else "", f"{c.id}: {c.text}", str(c.level), c.answer))
    out.append(Table(("Perspective", "Criterion", "Level", "Answer"), tuple(rows),
                     (2.2, 6, 0.9, 1.6), right=(2,)))
    return out


def _scopes(m: MaturityResult) -> list[Block]:
    """The portfolio, programme and project view, next to the perspective table."""
    if not m.scopes:
        return []
    compared = any(s.previous_score is not None for s in m.scopes)
    out: list[Block] = [Heading("Portfolio, programme and project", 2)]
    out.append(text("The same answers grouped by what each criterion evidences, across all "
                    "perspectives: portfolio, programme or project management, or the office "
                    "that supports them. The score is worked out as for a perspective; for "
                    "levels 2 to 5 the table gives the criteria met of those that count. "
                    "Staged levels stay per perspective."))
    header = ("View", "Score", *(("Change",) if compared else ()), "Criteria",
              "Level 2", "Level 3", "Level 4", "Level 5")
    rows = []
    for s in m.scopes:
        change = (f"{s.score - s.previous_score:+.1f}" if s.score is not None
                  and s.previous_score is not None else "")
        rows.append((s.title, _one(s.score), *((change,) if compared else ()),
                     str(s.criteria), *(share(x) for x in s.levels)))
    widths = (2.4, 1, *((1.2,) if compared else ()), 1.2, 1, 1, 1, 1)
    out.append(Table(header, tuple(rows), widths, right=tuple(range(1, len(header)))))
    said = reading(m)
    if said:
        out.append(text(said))
    gaps = [(s, found) for s in m.scopes if (found := gap_criteria(m, s))]
    if gaps:
        out.append(Table(("View", "Falls short at", "Not yet met at that level"), tuple(
            (s.title, str(found[0].level), ", ".join(f"{c.id} ({c.answer})" for c in found))
            for s, found in gaps), (2.4, 1.3, 7), right=(1,)))
    return out


def _one(score: float | None) -> str:
    """A score with one decimal, `3.0` rather than `3`, so that a column's figures line up."""
    return "—" if score is None else f"{score:.1f}"


def _level(level: int | None) -> str:
    return "n/a" if level is None else str(level)


def _type_and_model(ws: Workspace, r: OrgReport, titles: dict[str, str],
                    charts: ChartArgs) -> list[Block | None]:
    out: list[Block | None] = []
    if r.pmo_type is None and r.operating_model is None:
        return out
    out.append(Heading("PMO type and operating model"))
    c = r.pmo_type
    if c is not None:
        out.append(Heading("PMO type", 2))
        out.append(text("Which kind of office the organisation has today and which it needs, "
                        "as a fit from 0 to 100% to each type: ",
                        bold(f"it has {_best(c, 'current')}"), " and ",
                        bold(f"needs {_best(c, 'target')}"), "."))
        out.append(_chart(charts, "type", "Fit to each PMO type: today and needed", 0.78))
    c = r.operating_model
    if c is not None:
        out.append(Heading("Operating model", 2))
        out.append(text("Where the office sits on the spectrum from supportive (0) through "
                        "controlling to directive (100), overall and for each of its functions: ",
                        bold(f"today {_position(c, 'current', titles)}"), "; ",
                        bold(f"it should be {_position(c, 'target', titles)}"), "."))
        out.append(_chart(charts, "model", "Operating model: today and what it should be",
                          0.78))
        views = {v.view: v for v in c.views}
        current, target = views.get("current"), views.get("target")
        if current is not None and current.sections:
            wanted = {s.section: s for s in (target.sections if target else ())}
            out.append(Table(
                ("Function", "Today", "Should be"),
                tuple((s.title, f"{titles.get(s.label, s.label)} ({number(s.position)})",
                       f"{titles.get(wanted[s.section].label, wanted[s.section].label)} "
                       f"({number(wanted[s.section].position)})" if s.section in wanted else "—")
                      for s in current.sections), (3, 2, 2), right=()))
    return out


def _disagreements(ws: Workspace, r: OrgReport) -> list[Block]:
    m = r.maturity
    split = [c for c in m.criteria if c.disagreement and not c.agreed] if m else []
    classified = [(c, q) for c in r.card.classifications for q in c.disagreements]
    out: list[Block] = [Heading("Disagreements to settle", new_page=False)]
    if not split and not classified:
        out.append(text("The respondents broadly agree: no answer needs settling in a "
                        "workshop."))
        return out
    out.append(text("Respondents answered these questions differently. Settle each in a short "
                    "workshop with the evidence, and record the agreed answer: it then replaces "
                    "the individual answers in the scores."))
    if split:
        out.append(Table(("Criterion", "Median", "Answers ranged"),
                         tuple((f"{c.id}: {c.text}", c.answer, c.spread or "n/a and rated")
                               for c in split), (6, 1.4, 2)))
    if classified:
        out.append(Heading("PMO type and operating model questions", 3))
        out.append(Items(tuple(
            (Run(ws.questionnaires[c.questionnaire].questions[q].text),) for c, q in classified)))
    return out


def _trend(r: OrgReport, charts: ChartArgs) -> list[Block | None]:
    if len(r.history) < 2:
        return []
    out: list[Block | None] = [Heading("The trend over rounds")]
    out.append(_chart(charts, "trend", "Maturity score by perspective and round"))
    out.append(Table(("Round", "Date", "Overall level", "Score"), tuple(
        (p.round + (f" ({p.label})" if p.label else ""), p.date.isoformat(),
         _level(p.level), number(p.score)) for p in r.history), (3, 2, 1.5, 1), right=(2, 3)))
    return out


METHOD = """\
The assessment has four questionnaires, and an organisation may answer only some of them: the
PMO type the organisation has and needs, the operating model of its office (from supportive
to directive), maturity in nine perspectives of portfolio, programme and project management,
and a survey of the office's customers about its services.

- **Maturity.** Each perspective has observable criteria at levels 2 to 5, answered not,
  partly, largely or fully in place, or not applicable. A perspective's **staged level** is
  the highest level at which every criterion at and below it is at least largely in place;
  its **continuous score** (0 to 5) also credits partial progress. The **overall level** is
  the weakest perspective's level.
- **Portfolio, programme and project.** Each maturity criterion is also tagged with what it
  evidences: portfolio, programme or project management, or the office that supports them.
  The same answers, grouped by that tag across all perspectives, give a score per view; the
  staged levels stay per perspective.
- **Several respondents** are combined by the median answer of each criterion. Where
  answers differ widely, the criterion is flagged for a workshop; an answer agreed there,
  with its evidence, replaces the individual answers.
- **PMO type and operating model** are classified, not scored: each answer points to types
  or positions, and the fit to each type is the share of the points it could have had.
- **Services.** The office's customers rate each of its services from 1 to 5 for importance
  and for satisfaction. Each service's mean ratings place it on a grid whose lines are this
  office's average importance and satisfaction; results by group are shown only for groups
  large enough to keep each respondent anonymous.
- **The roadmap** closes the gap between each perspective's level and its target one level
  at a time, prerequisites first and quick wins early, within the capacity available each
  month; it also plans actions for the services to improve first.
"""


def _appendix(ws: Workspace, r: OrgReport) -> list[Block]:
    out: list[Block] = [Heading("Appendix: method and every criterion")]
    out.append(Heading("How the results were worked out", 2))
    for block in blocks(METHOD + render("acknowledgement.md.j2")):
        if block.kind == "paragraph":
            out.append(Para(block.runs))
        else:
            out.append(Items((block.runs,)))
    m = r.maturity
    if m is None:
        return out
    out.append(Heading("Every criterion, with its answers and evidence", 2))
    out.append(text("Answer is the median of the respondents (or the agreed answer); range "
                    "shows the lowest and highest where they differ."))
    for p in m.perspectives:
        mine = [c for c in m.criteria if c.perspective == p.id]
        out.append(Heading(f"{p.title}: level {_level(p.level)}, score {number(p.score)}", 3))
        out.append(Table(("Criterion", "Level", "Answer", "Range", "Result"), tuple(
            (f"{c.id}: {c.text}", str(c.level), c.answer + (" (agreed)" if c.agreed else ""),
             c.spread, _result(c)) for c in mine), (6.2, 0.9, 1.6, 1.6, 1.2), right=(1,)))
        evidence = [(c, e) for c in mine for e in r.evidence.get(c.id, ())]
        if evidence:
            out.append(Items(tuple(
                (bold(f"{c.id}"), Run(f" ({e.role}): "),
                 Run("; ".join(x for x in (e.evidence, e.notes) if x))) for c, e in evidence)))
    return out


def _result(c: CriterionResult) -> str:
    if c.status == "na":
        return "n/a"
    if c.met:
        return "met"
    return "not met"
