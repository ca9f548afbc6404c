"""The pages every build shares: hand-written content, self-assessment, toolkit and lessons.

They depend on the library and the questionnaires, never on an organisation's answers, so a
rebuild reuses them whole while those inputs are unchanged (see `page_cache`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path

from ...files import write_atomic
from ...models import PHASES, Action, Lesson, Template
from ...models.ids import MATURITY_ID, TYPE_ID
from ...workspace import Workspace, titles_of
from ..render import render
from .practices import fill_pages
from .site_files import SiteFiles
from .survey import survey_page, surveys_index

DOWNLOAD_VERSION = "3"
"""Bump when `outputs.formats.documents` changes its output, to invalidate cached downloads."""
ASSETS = ("pmo.css", "pmo.js", "pmo-a11y.js", "pmo-score.js", "pmo-survey.js",
          "pmo-charts.js", "js-yaml.min.js", "js-yaml.LICENSE.txt", "chart.umd.min.js",
          "chart.js.LICENSE.txt")
SURVEY_GUIDE = "reference/collecting-answers.md"
"""The hand-written page on collecting answers, linked from the self-assessment index."""


def common_pages(ws: Workspace, cache: Path | None = None) -> tuple[SiteFiles, dict[str, str]]:
    """Content, assets, surveys, toolkit and lessons, and the titles of the hand-written pages
    (reports link to them). `cache` keeps template downloads by a hash of their source, as
    charts are kept."""
    site = SiteFiles()
    pages = content(ws.layout.content, site)
    fill_pages(site.files, ws.questionnaires.get(MATURITY_ID), ws.layout.content)
    links = Links(ws, pages)
    for name in ASSETS:
        site.files[f"assets/pmo/{name}"] = (
            resources.files("generator") / "assets" / name).read_bytes()
    if ws.questionnaires:
        _surveys(ws, site, pages)
    if ws.templates:
        _toolkit(ws, site, links, cache)
    if ws.lessons:
        _lessons(ws, site, links)
    return site, pages


def content(folder: Path, site: SiteFiles) -> dict[str, str]:
    """Copy every hand-written file; return the title of each page, for link texts."""
    titles: dict[str, str] = {}
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


class Links:
    """Titles and relative links between pages, for templates."""

    def __init__(self, ws: Workspace, pages: Mapping[str, str]) -> None:
        self.ws = ws
        self.pages = pages
        self.templates: dict[str, Template] = dict(ws.templates)
        self.lessons: dict[str, Lesson] = dict(ws.lessons)

    def page_title(self, path: str) -> str:
        return self.pages.get(path.split("#", 1)[0], path)

    def related(self, refs: Iterable[str], prefix: str) -> list[tuple[str, str]]:
        return [(prefix + ref, self.page_title(ref)) for ref in refs if
                ref.split("#", 1)[0] in self.pages]

    def actions_using(self, *, template: str | None = None, lesson: str | None = None
                      ) -> list[Action]:
        """The library's actions that recommend this template, or this lesson, by id."""
        return sorted((a for a in self.ws.actions.values()
                       if template in a.templates or lesson in a.lessons), key=lambda a: a.id)


def _surveys(ws: Workspace, site: SiteFiles, pages: Mapping[str, str]) -> None:
    questionnaires = list(ws.questionnaires.values())
    guide = (SURVEY_GUIDE, pages[SURVEY_GUIDE]) if SURVEY_GUIDE in pages else None
    site.page("surveys/index.md", surveys_index(questionnaires, guide))
    for q in questionnaires:
        site.page(f"surveys/{q.id}.md", survey_page(q))


def _toolkit(ws: Workspace, site: SiteFiles, links: Links, cache: Path | None) -> None:
    from ..formats.documents import file_name

    templates = sorted(ws.templates.values(), key=lambda t: t.title.lower())
    for t in templates:
        site.files[f"toolkit/downloads/{file_name(t)}"] = _cached_download(t, ws, cache)
        site.page(f"toolkit/{t.id}.md", render(
            "toolkit_page.md.j2", t=t, file=file_name(t),
            related=links.related(t.related, "../"),
            lessons=[lesson for lesson in sorted(ws.lessons.values(), key=lambda x: x.id)
                     if t.id in lesson.templates],
            lessons_folder="../lessons/",
            actions=links.actions_using(template=t.id),
        ))
    by_phase = [(phase, [t for t in templates if phase in t.phases]) for phase in PHASES]
    site.page("toolkit/index.md", render("toolkit_index.md.j2", templates=templates,
                                         by_phase=[(p, ts) for p, ts in by_phase if ts]))


def _cached_download(template: Template, ws: Workspace, cache: Path | None) -> bytes:
    from ..formats.documents import download

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


def _lessons(ws: Workspace, site: SiteFiles, links: Links) -> None:
    lessons = sorted(ws.lessons.values(), key=lambda x: x.id)
    titles = titles_of(ws)

    def tags(lesson: Lesson) -> list[str]:
        return ([titles.get(p, p) for p in lesson.perspectives]
                + [titles.get(t, t) for t in lesson.pmo_types]
                + [p.capitalize() for p in lesson.phases])

    for lesson in lessons:
        site.page(f"lessons/{lesson.id}.md", render(
            "lesson_page.md.j2", lesson=lesson, tags=tags(lesson),
            related=links.related(lesson.related, "../"),
            templates=[ws.templates[t] for t in lesson.templates if t in ws.templates],
            actions=links.actions_using(lesson=lesson.id),
        ))
    maturity = ws.questionnaires.get(MATURITY_ID)
    kinds = ws.questionnaires.get(TYPE_ID)
    site.page("lessons/index.md", render(
        "lessons_index.md.j2", lessons=lessons, tags=tags, phases=PHASES,
        perspectives=[(s.id, s.title) for s in maturity.sections] if maturity else [],
        types=[(o.id, o.title) for o in kinds.outcomes] if kinds else [],
    ))
