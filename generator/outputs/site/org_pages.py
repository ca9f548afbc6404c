"""One organisation's report pages and the charts drawn for them.

Everything here reads that organisation's report (its scores, roadmap and answers) and the
shared library; nothing reads another organisation, which is what lets a rebuild keep the
pages of an organisation whose inputs did not change (see `page_cache`).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from ...models.ids import MODEL_ID, TYPE_ID
from ...planning.results import PlannedAction
from ...scoring.results import (
    ClassificationResult,
    CriterionResult,
    MaturityResult,
)
from ...workspace import Workspace
from ..classification_words import best_fits
from ..render import number, render
from ..scope_views import gap_criteria, reading, share
from .common import Links
from .site_files import SiteFiles

if TYPE_CHECKING:
    from ..charts.jobs import ChartJob
    from .report import OrgReport

VIEWS = ("current", "target")
"""The two views a classification's summary shows: the office today and the one needed."""


def org_pages(ws: Workspace, r: OrgReport, titles: dict[str, str], links: Links,
              documents: bool = True) -> SiteFiles:
    """The report pages of `r`'s organisation, under `assessments/<id>/`; with `documents`,
    the report as DOCX and PDF too (made after the pages, with the charts to draw for them)."""
    site = SiteFiles(reports=[r] if documents else [])
    _report(ws, r, site, links, titles, documents)
    return site


def _report(ws: Workspace, r: OrgReport, site: SiteFiles, links: Links,
            titles: dict[str, str], documents: bool) -> None:
    from .charts import browser_chart, levels_table  # the charts' palette loads matplotlib
    from .services import services_context

    base = f"assessments/{r.org.id}"
    jobs = report_charts(ws, r, titles, f"{base}/charts/")
    context = _report_context(ws, r, titles, links)
    context["charts"] = {PurePosixPath(j.path).stem: browser_chart(j).html() for j in jobs}
    context["levels_table"] = levels_table(r.roadmap) if r.roadmap is not None else ""
    context["documents"] = {fmt: f"downloads/{report_file(r, fmt)}"
                            for fmt in ("docx", "pdf")} if documents else {}
    site.page(f"{base}/index.md", render("org_summary.md.j2", **context))
    site.page(f"{base}/type-and-model.md", render("org_type_model.md.j2", **context))
    if r.maturity is not None:
        site.page(f"{base}/maturity.md", render("org_maturity.md.j2", **context))
    if r.roadmap is not None:
        site.page(f"{base}/roadmap.md", render("org_roadmap.md.j2", **context))
    if r.services is not None:
        site.page(f"{base}/services.md", render("org_services.md.j2",
                                                **context, **services_context(r.services)))
    if documents:
        site.charts.extend(jobs)


def report_charts(ws: Workspace, r: OrgReport, titles: dict[str, str], prefix: str
                  ) -> list[ChartJob]:
    """The charts of one organisation's report, named `prefix` + `radar.svg` and so on; the
    report documents draw them with matplotlib, the site in the browser from the same data."""
    from ..charts.jobs import ChartJob  # matplotlib: only when an organisation is rendered
    from .services import services_job

    jobs = []
    m = r.maturity
    if m is not None:
        current = [p.level for p in m.perspectives]
        targets = [r.target(p.id) for p in m.perspectives]
        previous = [p.previous_level for p in m.perspectives] if r.card.previous_round else None
        jobs.append(ChartJob(f"{prefix}radar.svg", "radar", (
            tuple(p.title for p in m.perspectives), tuple(current),
            tuple(t if t is not None else 0 for t in targets),
            tuple(previous) if previous else None)))
    if len(r.history) > 1 and m is not None:
        scores = tuple(tuple(dict((pid, s) for pid, _, s in point.perspectives).get(p.id)
                             for point in r.history) for p in m.perspectives)
        jobs.append(ChartJob(f"{prefix}trend.svg", "trend", (
            tuple(point.round for point in r.history), tuple(p.title for p in m.perspectives),
            scores)))
    if r.pmo_type is not None:
        jobs.append(ChartJob(f"{prefix}type.svg", "type", _type_args(ws, r)))
    if r.operating_model is not None:
        jobs.append(ChartJob(f"{prefix}model.svg", "model", _model_args(ws, r)))
    if r.roadmap is not None:
        jobs.append(ChartJob(f"{prefix}roadmap.svg", "roadmap", (r.roadmap, titles)))
    if r.services is not None:
        job = services_job(r.services, ws.questionnaires.get(r.services.questionnaire),
                           f"{prefix}services.svg")
        jobs.extend([job] if job else [])
    return jobs


def _report_context(ws: Workspace, r: OrgReport, titles: dict[str, str], links: Links
                    ) -> dict[str, object]:
    """What the report pages show, as plain records: every lookup in the workspace, and
    every choice of wording, is made here rather than in the templates."""
    from ...forms.status import round_status, summary

    m = r.maturity
    plan = r.roadmap
    round_date = next(x.date for x in r.org.rounds if x.id == r.card.round)
    respondents = max([m.respondents if m else 0]
                      + [c.respondents for c in r.card.classifications])
    planned = [*plan.actions, *plan.deferred] if plan else []
    status = round_status(ws, r.org.id, r.card.round)
    return {
        "responses": summary(ws, status),
        "people": status.people if r.org.report.respondent_names else (),
        "r": r, "m": m, "pmo_type": r.pmo_type, "model": r.operating_model,
        "round_date": round_date.isoformat(), "respondents": respondents,
        "targets_text": ", ".join(f"{t.title.split(' ')[0].lower()} {t.target}"
                                  for t in plan.targets if t.gap) or "all met"
        if plan else "",
        "titles": titles,
        "type_best": {view: _best(r.pmo_type, view) for view in VIEWS} if r.pmo_type else {},
        "model_position": {view: _position(r.operating_model, view, titles) for view in VIEWS}
        if r.operating_model else {},
        "type_rows": _type_rows(ws, r.pmo_type),
        "type_disagreements": _disagreements(ws, TYPE_ID, r.pmo_type),
        "model_disagreements": _disagreements(ws, MODEL_ID, r.operating_model),
        "planned_ids": {a.id for a in planned},
        "action_titles": {d: ws.actions[d].title if d in ws.actions else d
                          for a in planned for d in a.depends_on},
        "help_links": {a.id: _help_links(ws, links, a) for a in planned},
        "lessons_folder": "../../lessons/",
        **_maturity_context(m, planned, links),
    }


def _maturity_context(m: MaturityResult | None, planned: list[PlannedAction], links: Links
                      ) -> dict[str, object]:
    """The maturity pages' records, by perspective and by scope; empty without maturity."""
    perspectives = m.perspectives if m else ()
    scopes = m.scopes if m else ()
    return {
        "changes": {p.id: _change(p.score, p.previous_score) for p in perspectives},
        "scope_changes": {s.id: _change(s.score, s.previous_score) for s in scopes},
        "scope_text": reading(m) if m else "",
        "scope_shares": {s.id: [share(x) for x in s.levels] for s in scopes},
        "scope_gaps": [(s, found) for s in scopes if m and (found := gap_criteria(m, s))],
        "criteria": {p.id: [c for c in m.criteria if c.perspective == p.id]
                     for p in perspectives} if m else {},
        "results": {c.id: _result(c) for c in m.criteria} if m else {},
        "practices": {p.id: f"../../practices/{p.id}.md" if f"practices/{p.id}.md" in links.pages
                      else "../../standards/maturity-model.md" for p in perspectives},
        "planned": {p.id: [a for a in planned if p.id in a.perspectives] for p in perspectives},
    }


def _type_rows(ws: Workspace, c: ClassificationResult | None) -> list[tuple[str, list[int]]]:
    """Each PMO type with its fit (%) in each view of the answers."""
    if c is None or TYPE_ID not in ws.questionnaires:
        return []
    return [(o.title, [next((f.percent for f in v.fits if f.outcome == o.id), 0)
                       for v in c.views])
            for o in ws.questionnaires[TYPE_ID].outcomes]


def _disagreements(ws: Workspace, qid: str, c: ClassificationResult | None
                   ) -> list[tuple[str, str]]:
    """The questions without a majority answer, with their texts."""
    if c is None:
        return []
    questions = ws.questionnaires[qid].questions
    return [(q, questions[q].text) for q in c.disagreements]


def report_file(r: OrgReport, fmt: str) -> str:
    """The file name of an organisation's report document in the site."""
    return f"{r.org.id}-{r.card.round}-report.{fmt}"


def _help_links(ws: Workspace, links: Links, action: PlannedAction) -> list[str]:
    """Links from a report page to an action's templates, pages and lessons that exist."""
    out = []
    for ident in action.templates:
        if ident in ws.templates:
            out.append(f"[{ws.templates[ident].title}](../../toolkit/{ident}.md) (template)")
    for ref in action.standards:
        if ref.split("#", 1)[0] in links.pages:
            out.append(f"[{links.page_title(ref)}](../../{ref})")
    for ident in action.lessons:
        if ident in ws.lessons:
            out.append(f"[{ident}: {ws.lessons[ident].title}](../../lessons/{ident}.md)")
    return out


def _best(c: ClassificationResult, view: str) -> str:
    v = c.view(view)
    best = best_fits(v)
    if v is None or best is None:
        return "no clear fit"
    return best + (" (a tie)" if len(v.best) > 1 else "")


def _position(c: ClassificationResult, view: str, titles: dict[str, str]) -> str:
    v = c.view(view)
    if v is None or v.position is None:
        return "—"
    text = f"{titles.get(v.position_label or '', v.position_label)} ({number(v.position)})"
    return text + (", a hybrid" if v.hybrid else "")


def _change(score: float | None, previous: float | None) -> str:
    if previous is None or score is None:
        return ""
    return f"{score - previous:+.1f}"


def _result(c: CriterionResult) -> str:
    if c.status == "na":
        return "n/a"
    if c.met:
        return "met"
    return "not met" if c.status == "rated" else f"not met ({c.answer})"


def _type_args(ws: Workspace, r: OrgReport) -> tuple[object, ...]:
    c = r.pmo_type
    assert c is not None
    outcomes = ws.questionnaires[TYPE_ID].outcomes
    views = {v.view: {f.outcome: f.percent for f in v.fits} for v in c.views}
    labels = tuple(v.label for v in c.views)
    return (
        tuple(o.title for o in outcomes),
        tuple(views.get("current", {}).get(o.id, 0) for o in outcomes),
        tuple(views.get("target", {}).get(o.id, 0) for o in outcomes),
        ((*labels, "Today", "Needed"))[:2],
    )


def _model_args(ws: Workspace, r: OrgReport) -> tuple[object, ...]:
    c = r.operating_model
    assert c is not None
    q = ws.questionnaires[MODEL_ID]
    views = {v.view: v for v in c.views}

    def sections(view: str) -> tuple[float | None, ...]:
        v = views.get(view)
        found = {s.section: s.position for s in v.sections} if v else {}
        return tuple(found.get(s.id) for s in q.sections)

    overall = tuple(views[v].position if v in views else None for v in ("current", "target"))
    return (
        tuple(s.title for s in q.sections), sections("current"), sections("target"), overall,
        tuple((o.position or 0.0, o.title) for o in q.outcomes),
        tuple(views[v].label if v in views else v for v in ("current", "target")),
    )


