"""Render the whole site in memory: copied content, toolkit, lessons and assessment reports.

Nothing here writes to disk. The result is a mapping of docs-relative paths to bytes, plus the
report documents' charts still to draw, so that the pipeline can compute everything before it
writes anything. The site's own charts are drawn in the browser (`charts`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath

import numpy as np

from ..charts.jobs import ChartJob
from ..checks.actions import MATURITY_ID, MODEL_ID, TYPE_ID
from ..documents import download, file_name
from ..files import write_atomic
from ..models import PHASES, Action, Lesson, Organisation, Template
from ..planning import Roadmap
from ..render import number, render
from ..scope_views import gap_criteria, reading, share
from ..scoring import ScoreTables
from ..scoring.results import ClassificationResult, PerspectiveResult, ViewResult
from ..workspace import Workspace
from .charts import browser_chart, levels_table
from .practices import fill_pages
from .report import OrgReport, org_report
from .services import services_context, services_job
from .survey import survey_page, surveys_index

DOWNLOAD_VERSION = "3"
"""Bump when `generator.documents` changes its output, to invalidate cached downloads."""
BENCHMARK_MINIMUM = 5
"""A benchmark appears only when at least this many organisations contribute."""
ASSETS = ("pmo.css", "pmo.js", "pmo-a11y.js", "pmo-score.js", "pmo-survey.js",
          "pmo-charts.js", "js-yaml.min.js", "js-yaml.LICENSE.txt", "chart.umd.min.js",
          "chart.js.LICENSE.txt")
SURVEY_GUIDE = "reference/collecting-answers.md"
"""The hand-written page on collecting answers, linked from the self-assessment index."""
_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.M)
_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.M)


@dataclass
class SiteFiles:
    """Everything the docs folder will hold, and the charts to draw into it."""

    files: dict[str, bytes] = field(default_factory=dict)
    charts: list[ChartJob] = field(default_factory=list)
    """The figures of the report documents, to draw with matplotlib (the site's own charts
    are in its pages, drawn by the browser)."""
    titles: dict[str, str] = field(default_factory=dict)
    """Every page's title, as MkDocs will show it."""
    reports: list[OrgReport] = field(default_factory=list)
    """The reports whose documents (DOCX and PDF) the site carries, made after the pages."""

    def page(self, path: str, text: str) -> None:
        self.files[path] = text.encode("utf-8")
        self.titles[path] = page_title(text, path)


def render_site(
    ws: Workspace,
    tables: ScoreTables,
    orgs: list[str],
    roadmaps: Mapping[str, Roadmap | None],
    benchmark_orgs: list[str],
    cache: Path | None = None,
    waiting: Iterable[str] = (),
    documents: bool = True,
) -> SiteFiles:
    """The site's files: `orgs` get reports; `benchmark_orgs` feed the anonymised benchmark;
    `waiting` are organisations without answers yet, listed on the assessments page;
    `documents` says whether each report page offers the report as DOCX and PDF.

    `cache` keeps template downloads by a hash of their source, as charts are kept.
    """
    site = SiteFiles()
    pages = _content(ws.layout.content, site)
    fill_pages(site.files, ws.questionnaires.get(MATURITY_ID), ws.layout.content)
    links = _Links(ws, pages)
    for name in ASSETS:
        site.files[f"assets/pmo/{name}"] = (
            resources.files("generator") / "assets" / name).read_bytes()
    if ws.questionnaires:
        _surveys(ws, site, pages)
    if ws.templates:
        _toolkit(ws, site, links, cache)
    if ws.lessons:
        _lessons(ws, site, links)
    reports = [org_report(ws, tables, o, roadmaps.get(o)) for o in orgs]
    site.reports = reports if documents else []
    for report in reports:
        _report(ws, report, site, links, documents)
    _overview(ws, tables, reports, benchmark_orgs, site, pages,
              [ws.organisations[o] for o in waiting])
    return site


def _content(folder: Path, site: SiteFiles) -> dict[str, str]:
    """Copy every hand-written file; return the title of each page, for link texts."""
    titles = {}
    if not folder.is_dir():
        return titles
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        data = path.read_bytes()
        if path.suffix == ".md":
            site.page(relative.as_posix(), data.decode("utf-8"))
            titles[relative.as_posix()] = site.titles[relative.as_posix()]
        else:
            site.files[relative.as_posix()] = data
    return titles


def page_title(text: str, path: str) -> str:
    """The title MkDocs gives a page: front matter `title`, else its first heading."""
    match = _TITLE.search(text.split("\n---", 1)[0]) if text.startswith("---") else None
    if match:
        value = match.group(1)
        if value[:1] in "'\"":
            import json

            try:
                return str(json.loads(value)) if value[0] == '"' else value.strip("'")
            except ValueError:
                return value.strip("'\"")
        return value
    heading = _HEADING.search(text)
    return heading.group(1) if heading else PurePosixPath(path).stem


class _Links:
    """Titles and relative links between pages, for templates."""

    def __init__(self, ws: Workspace, pages: dict[str, str]) -> None:
        self.ws = ws
        self.pages = pages
        self.templates: dict[str, Template] = dict(ws.templates)
        self.lessons: dict[str, Lesson] = dict(ws.lessons)

    def page_title(self, path: str) -> str:
        return self.pages.get(path.split("#", 1)[0], path)

    def related(self, refs: Iterable[str], prefix: str) -> list[tuple[str, str]]:
        return [(prefix + ref, self.page_title(ref)) for ref in refs if
                ref.split("#", 1)[0] in self.pages]

    def actions_using(self, predicate: Callable[[Action], bool]) -> list[Action]:
        return sorted((a for a in self.ws.actions.values() if predicate(a)), key=lambda a: a.id)


def _surveys(ws: Workspace, site: SiteFiles, pages: Mapping[str, str]) -> None:
    questionnaires = list(ws.questionnaires.values())
    guide = (SURVEY_GUIDE, pages[SURVEY_GUIDE]) if SURVEY_GUIDE in pages else None
    site.page("surveys/index.md", surveys_index(questionnaires, guide))
    for q in questionnaires:
        site.page(f"surveys/{q.id}.md", survey_page(q))


def _toolkit(ws: Workspace, site: SiteFiles, links: _Links, cache: Path | None) -> None:
    templates = sorted(ws.templates.values(), key=lambda t: t.title.lower())
    for t in templates:
        site.files[f"toolkit/downloads/{file_name(t)}"] = _cached_download(t, ws, cache)
        site.page(f"toolkit/{t.id}.md", render(
            "toolkit_page.md.j2", t=t, file=file_name(t),
            related=links.related(t.related, "../"),
            lessons=[lesson for lesson in sorted(ws.lessons.values(), key=lambda x: x.id)
                     if t.id in lesson.templates],
            lesson_link=lambda ident: f"../lessons/{ident}.md",
            actions=links.actions_using(lambda a, t=t: t.id in a.templates),
        ))
    by_phase = [(phase, [t for t in templates if phase in t.phases]) for phase in PHASES]
    site.page("toolkit/index.md", render("toolkit_index.md.j2", templates=templates,
                                         by_phase=[(p, ts) for p, ts in by_phase if ts]))


def _cached_download(template: Template, ws: Workspace, cache: Path | None) -> bytes:
    if cache is None:
        return download(template, ws.branding)
    text = f"{DOWNLOAD_VERSION}|{ws.branding.key}|{template!r}"
    key = hashlib.sha256(text.encode()).hexdigest()
    path = cache / f"{key}.{template.format}"
    if path.is_file():
        return path.read_bytes()
    data = download(template, ws.branding)
    write_atomic(path, data)
    return data


def _lessons(ws: Workspace, site: SiteFiles, links: _Links) -> None:
    lessons = sorted(ws.lessons.values(), key=lambda x: x.id)
    titles = _titles(ws)

    def tags(lesson: Lesson) -> list[str]:
        return ([titles.get(p, p) for p in lesson.perspectives]
                + [titles.get(t, t) for t in lesson.pmo_types]
                + [p.capitalize() for p in lesson.phases])

    for lesson in lessons:
        site.page(f"lessons/{lesson.id}.md", render(
            "lesson_page.md.j2", lesson=lesson, tags=tags(lesson),
            related=links.related(lesson.related, "../"),
            templates=[ws.templates[t] for t in lesson.templates if t in ws.templates],
            actions=links.actions_using(lambda a, lesson=lesson: lesson.id in a.lessons),
        ))
    maturity = ws.questionnaires.get(MATURITY_ID)
    kinds = ws.questionnaires.get(TYPE_ID)
    site.page("lessons/index.md", render(
        "lessons_index.md.j2", lessons=lessons, tags=tags, phases=PHASES,
        perspectives=[(s.id, s.title) for s in maturity.sections] if maturity else [],
        types=[(o.id, o.title) for o in kinds.outcomes] if kinds else [],
    ))


def _titles(ws: Workspace) -> dict[str, str]:
    out: dict[str, str] = {}
    for q in ws.questionnaires.values():
        if q.kind == "maturity":
            out.update({s.id: s.title for s in q.sections})
        out.update({o.id: o.title for o in q.outcomes})
    return out


titles_of = _titles
"""Titles of perspectives and outcomes by id (for the report documents)."""


def _report(ws: Workspace, r: OrgReport, site: SiteFiles, links: _Links,
            documents: bool) -> None:
    base = f"assessments/{r.org.id}"
    titles = _titles(ws)
    jobs = report_charts(ws, r, titles, f"{base}/charts/")
    context = _report_context(ws, r, titles, links)
    charts = {PurePosixPath(j.path).stem: browser_chart(j).html() for j in jobs}
    context["chart"] = lambda name: charts.get(name, "")
    context["levels_table"] = levels_table
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


def _report_context(ws: Workspace, r: OrgReport, titles: dict[str, str], links: _Links
                    ) -> dict[str, object]:
    m = r.maturity
    plan = r.roadmap
    round_date = next(x.date for x in r.org.rounds if x.id == r.card.round)
    respondents = max([m.respondents if m else 0]
                      + [c.respondents for c in r.card.classifications])
    planned = [*plan.actions, *plan.deferred] if plan else []

    def criteria(perspective: str) -> list[object]:
        return [c for c in m.criteria if c.perspective == perspective] if m else []

    from ..forms.status import round_status, summary

    status = round_status(ws, r.org.id, r.card.round)
    return {
        "responses": summary(ws, status),
        "people": status.people if r.org.report.respondent_names else (),
        "r": r, "m": m, "pmo_type": r.pmo_type, "model": r.operating_model,
        "round_date": round_date.isoformat(), "respondents": respondents,
        "targets_text": ", ".join(f"{t.title.split(' ')[0].lower()} {t.target}"
                                  for t in plan.targets if t.gap) or "all met"
        if plan else "",
        "best": lambda c, view: _best(c, view),
        "position": lambda c, view: _position(c, view, titles),
        "change": _change,
        "fit": lambda v, outcome: next((f.percent for f in v.fits if f.outcome == outcome), 0),
        "type_titles": [(o.id, o.title) for o in ws.questionnaires[TYPE_ID].outcomes]
        if TYPE_ID in ws.questionnaires else [],
        "outcome_title": lambda ident: titles.get(ident, ident),
        "title_of": lambda ident: titles.get(ident or "", ident or ""),
        "question_text": lambda qid, question: ws.questionnaires[qid].questions[question].text,
        "criteria": criteria,
        "result": _result,
        "share": share,
        "scope_reading": reading,
        "scope_gaps": lambda m: [(s, found) for s in m.scopes if (found := gap_criteria(m, s))],
        "practice": lambda p: f"../../practices/{p}.md" if f"practices/{p}.md" in links.pages
        else "../../standards/maturity-model.md",
        "planned": lambda p: [a for a in planned if p in a.perspectives],
        "planned_ids": {a.id for a in planned},
        "action_title": lambda ident: ws.actions[ident].title if ident in ws.actions else ident,
        "template_title": lambda ident: ws.templates[ident].title if ident in ws.templates
        else ident,
        "lesson_title": lambda ident: ws.lessons[ident].title if ident in ws.lessons else ident,
        "lesson_link": lambda ident: f"../../lessons/{ident}.md",
        "help_links": lambda action: _help_links(ws, links, action),
    }


def report_file(r: OrgReport, fmt: str) -> str:
    """The file name of an organisation's report document in the site."""
    return f"{r.org.id}-{r.card.round}-report.{fmt}"


def _help_links(ws: Workspace, links: _Links, action: object) -> list[str]:
    """Links from a report page to an action's templates, pages and lessons that exist."""
    out = []
    for ident in action.templates:  # type: ignore[attr-defined]
        if ident in ws.templates:
            out.append(f"[{ws.templates[ident].title}](../../toolkit/{ident}.md) (template)")
    for ref in action.standards:  # type: ignore[attr-defined]
        if ref.split("#", 1)[0] in links.pages:
            out.append(f"[{links.page_title(ref)}](../../{ref})")
    for ident in action.lessons:  # type: ignore[attr-defined]
        if ident in ws.lessons:
            out.append(f"[{ident}: {ws.lessons[ident].title}](../../lessons/{ident}.md)")
    return out


def _best(c: ClassificationResult, view: str) -> str:
    v = next((x for x in c.views if x.view == view), None)
    if v is None or not v.best:
        return "no clear fit"
    names = {f.outcome: f for f in v.fits}
    best = " = ".join(f"{names[i].title} ({names[i].percent}%)" for i in v.best)
    return best + (" (a tie)" if len(v.best) > 1 else "")


def _position(c: ClassificationResult, view: str, titles: dict[str, str]) -> str:
    v: ViewResult | None = next((x for x in c.views if x.view == view), None)
    if v is None or v.position is None:
        return "—"
    text = f"{titles.get(v.position_label or '', v.position_label)} ({number(v.position)})"
    return text + (", a hybrid" if v.hybrid else "")


def _change(p: PerspectiveResult) -> str:
    if p.previous_score is None or p.score is None:
        return ""
    return f"{p.score - p.previous_score:+.1f}"


def _result(c: object) -> str:
    status = c.status  # type: ignore[attr-defined]
    if status == "na":
        return "n/a"
    if c.met:  # type: ignore[attr-defined]
        return "met"
    return "not met" if status == "rated" else f"not met ({c.answer})"  # type: ignore[attr-defined]


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


def _overview(ws: Workspace, tables: ScoreTables, reports: list[OrgReport],
              benchmark_orgs: list[str], site: SiteFiles, pages: Mapping[str, str],
              waiting: list[Organisation]) -> None:
    titles = _titles(ws)
    benchmark = _benchmark(ws, tables, benchmark_orgs)
    if benchmark is not None:
        job = ChartJob("assessments/charts/benchmark.svg", "benchmark", benchmark.pop("chart"))
        benchmark["chart"] = browser_chart(job).html()
    site.page("assessments/index.md", render(
        "assessments_index.md.j2", reports=reports, benchmark=benchmark, waiting=waiting,
        survey="../surveys/index.md" if ws.questionnaires else None,
        guide=(f"../{SURVEY_GUIDE}", pages[SURVEY_GUIDE]) if SURVEY_GUIDE in pages else None,
        overall=lambda r: f"{r.maturity.level} {r.maturity.level_name}"
        if r.maturity and r.maturity.level is not None else "—",
        score=lambda r: number(r.maturity.score) if r.maturity else "—",
        needed=lambda r: titles.get(r.roadmap.needed_type or "", "—") if r.roadmap else "—",
        wanted=lambda r: titles.get(r.roadmap.target_model or "", "—") if r.roadmap else "—",
    ))


def _benchmark(ws: Workspace, tables: ScoreTables, orgs: list[str]) -> dict[str, object] | None:
    """Quartiles and level counts per perspective over the organisations' latest rounds."""
    from ..scoring import answered_rounds, scorecard

    maturity = ws.questionnaires.get(MATURITY_ID)
    if maturity is None or len(orgs) < BENCHMARK_MINIMUM:
        return None
    levels: dict[str, list[int]] = {s.id: [] for s in maturity.sections}
    count = 0
    for org in orgs:
        rounds = answered_rounds(ws, tables, org)
        if not rounds:
            continue
        card = scorecard(ws, tables, org, rounds[-1], respondents=False)
        result = next((m for m in card.maturity if m.questionnaire == MATURITY_ID), None)
        if result is None:
            continue
        count += 1
        for p in result.perspectives:
            if p.level is not None:
                levels[p.id].append(p.level)
    if count < BENCHMARK_MINIMUM:
        return None
    rows = []
    for section in maturity.sections:
        values = np.array(levels[section.id] or [0])
        quartiles = np.percentile(values, [0, 25, 50, 75, 100], method="linear")
        rows.append({"title": section.title, "quartiles": [number(float(q)) for q in quartiles]})
    chart = (tuple(s.title for s in maturity.sections),
             tuple(tuple(levels[s.id].count(level) for level in range(6))
                   for s in maturity.sections))
    return {"count": count, "minimum": BENCHMARK_MINIMUM, "rows": rows, "chart": chart}
