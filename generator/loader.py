"""Read and validate a whole workspace, collecting every problem before giving up.

Questionnaires and organisations are read first, because answers are checked against them.
Answer files, which can run to tens of thousands, are read in worker processes when there are
many. Nothing is raised until every file has been read: the `InputError` then carries all the
problems at once.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .branding import SETTINGS_FILE, Branding, branding_from
from .checks import check_answer_set, check_organisation, check_questionnaire
from .checks.actions import check_actions, check_roadmap_settings
from .checks.library import check_lessons, check_template
from .errors import InputError, Location, Problem, ProblemLog
from .models import (
    Action,
    ActionLibrary,
    AnswerSet,
    Lesson,
    LessonRegister,
    Organisation,
    Questionnaire,
    Template,
)
from .models.responses import AnswerTable, Response
from .models.settings import SiteSettings, WorkspaceSettings
from .validation import validate
from .workspace import ORGANISATION_FILE, ORGANISATION_FILES, Layout, Workspace, yaml_files
from .yamlio import YamlProblem, read_yaml

PARALLEL_FROM = 400
"""Below this many answer files, starting worker processes costs more than it saves."""


def load(
    root: Path,
    *,
    only: Sequence[Path] | None = None,
    strict: bool = False,
    jobs: int | None = None,
) -> Workspace:
    """Load the workspace at `root`, or raise `InputError` with every problem found.

    Args:
        root: The workspace folder.
        only: Check only these answer files (or folders of them); questionnaires and
            organisations are always read, since answers are checked against them.
        strict: Treat warnings (such as unknown keys) as errors.
        jobs: Worker processes for answer files; default: one per CPU.
    """
    layout = Layout(root)
    log = ProblemLog()
    q_files, org_files, answer_files = _select(layout, only)
    _check_org_folders(layout, log)
    branding, site = _read_settings(layout, log)
    with _collector_paused():
        questionnaires = _read_questionnaires(q_files, layout, log)
        templates = _read_templates(yaml_files(layout.templates), layout, questionnaires, log)
        lessons = _read_lessons(yaml_files(layout.lessons), layout, questionnaires, templates, log)
        catalogues = _catalogues(layout, templates, lessons)
        actions = _read_actions(
            yaml_files(layout.actions), layout, questionnaires, catalogues, log
        )
        organisations = _read_organisations(org_files, questionnaires, set(actions), log)
        table = _read_answer_files(answer_files, layout, questionnaires, organisations, log, jobs)
    _check_duplicates(table, log)
    if log.has_errors or (strict and log.problems):
        raise InputError(log.problems)
    return Workspace(
        root=root,
        questionnaires=questionnaires,
        actions=actions,
        organisations=organisations,
        responses=tuple(table.responses),
        answers=table.frame(),
        warnings=tuple(sorted(log.problems)),
        templates=templates,
        lessons=lessons,
        answer_files=len(answer_files),
        branding=branding,
        site=site,
    )


def _read_settings(layout: Layout, log: ProblemLog) -> tuple[Branding, SiteSettings]:
    """The branding and site settings of `workspace.yaml`, or the defaults without the file."""
    path = layout.root / SETTINGS_FILE
    if not path.is_file():
        return Branding(), SiteSettings()
    result = _read_model(path, WorkspaceSettings, log)
    if result is None:
        return Branding(), SiteSettings()
    settings, doc = result
    branding, problems = branding_from(settings.documents, doc, layout.root)
    log.extend(problems)
    return branding, settings.site


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while reading many files.

    Parsing allocates millions of short-lived, acyclic objects that reference counting frees
    anyway; the collector's repeated scans of them cost about 40% of the loading time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _select(
    layout: Layout, only: Sequence[Path] | None
) -> tuple[list[Path], list[Path], list[Path]]:
    """Questionnaire, organisation and answer files to read."""
    questionnaires = yaml_files(layout.questionnaires)
    organisations: list[Path] = []
    answers: list[Path] = []
    for p in yaml_files(layout.orgs):  # one walk: tens of thousands of files
        if p.name in ORGANISATION_FILES and p.parent.parent == layout.orgs:
            organisations.append(p)
        else:
            answers.append(p)
    if only is None:
        return questionnaires, organisations, answers
    chosen = [p.absolute() for p in _expand(only)]
    known = {p.resolve() for p in questionnaires + organisations}
    extra = [p for p in chosen if p.resolve() not in known]
    new_questionnaires = [p for p in extra if p.parent.name == "questionnaires"]
    new_organisations = [p for p in extra if p.name in ORGANISATION_FILES]
    answers = [p for p in extra if p not in new_questionnaires + new_organisations]
    questionnaires += new_questionnaires
    organisations += new_organisations
    return questionnaires, organisations, answers


def _expand(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        out.extend(yaml_files(path) if path.is_dir() else [path])
    return out


def _read_questionnaires(
    files: list[Path], layout: Layout, log: ProblemLog
) -> dict[str, Questionnaire]:
    content = _content(layout)
    out: dict[str, Questionnaire] = {}
    where: dict[str, Location] = {}
    for path in files:
        result = _read_model(path, Questionnaire, log)
        if result is None:
            continue
        q, doc = result
        if q.id in out:
            log.add(
                doc.location(("id",)),
                f"questionnaire id '{q.id}' is already used by {where[q.id].render()}",
            )
            continue
        problems = check_questionnaire(q, doc, content)
        log.extend(problems)
        if not any(p.severity == "error" for p in problems):
            out[q.id] = q
            where[q.id] = doc.location(("id",))
    return out


def _read_templates(
    files: list[Path], layout: Layout, questionnaires: dict[str, Questionnaire], log: ProblemLog
) -> dict[str, Template]:
    out: dict[str, Template] = {}
    for path in files:
        result = _read_model(path, Template, log)
        if result is None:
            continue
        template, doc = result
        problems = check_template(template, doc, questionnaires, _content(layout))
        log.extend(problems)
        out[template.id] = template
    return out


def _read_lessons(
    files: list[Path],
    layout: Layout,
    questionnaires: dict[str, Questionnaire],
    templates: dict[str, Template],
    log: ProblemLog,
) -> dict[str, Lesson]:
    registers = [r for r in (_read_model(p, LessonRegister, log) for p in files) if r]
    log.extend(check_lessons(registers, questionnaires, set(templates), _content(layout)))
    return {lesson.id: lesson for register, _ in registers for lesson in register.lessons}


def _catalogues(layout: Layout, templates: dict[str, Template], lessons: dict[str, Lesson]
                ) -> dict[str, set[str]]:
    """Known template and lesson ids, for checking links, once a workspace has a library."""
    out = {}
    if layout.templates.is_dir():
        out["templates"] = set(templates)
    if layout.lessons.is_dir():
        out["lessons"] = set(lessons)
    return out


def _content(layout: Layout) -> Path | None:
    return layout.content if layout.content.is_dir() else None


def _read_actions(
    files: list[Path],
    layout: Layout,
    questionnaires: dict[str, Questionnaire],
    catalogues: dict[str, set[str]],
    log: ProblemLog,
) -> dict[str, Action]:
    libraries = []
    for path in files:
        result = _read_model(path, ActionLibrary, log)
        if result is not None:
            libraries.append(result)
    problems = check_actions(libraries, questionnaires, _content(layout), catalogues)
    log.extend(problems)
    if any(p.severity == "error" for p in problems):
        return {}
    return {a.id: a for library, _ in libraries for a in library.actions}


def _read_organisations(
    files: list[Path],
    questionnaires: dict[str, Questionnaire],
    actions: set[str],
    log: ProblemLog,
) -> dict[str, Organisation]:
    out: dict[str, Organisation] = {}
    for path in files:
        result = _read_model(path, Organisation, log)
        if result is None:
            continue
        org, doc = result
        problems = check_organisation(org, doc, path.parent.name)
        problems += check_roadmap_settings(org, doc, questionnaires, actions)
        log.extend(problems)
        if not problems:
            out[org.id] = org
    return out


def _check_org_folders(layout: Layout, log: ProblemLog) -> None:
    if not layout.orgs.is_dir():
        return
    for folder in sorted(layout.orgs.iterdir()):
        if (
            folder.is_dir()
            and not folder.name.startswith(".")
            and not any((folder / name).is_file() for name in ORGANISATION_FILES)
        ):
            log.add(
                Location(folder / ORGANISATION_FILE),
                "file is missing; every folder under "
                "assessments/orgs/ is an organisation and needs one (see 'pmo init')",
            )


def _read_model(path: Path, model: type[Any], log: ProblemLog) -> tuple[Any, Any] | None:
    try:
        doc = read_yaml(path)
    except YamlProblem as exc:
        log.extend([exc.problem])
        return None
    value, problems = validate(model, doc)
    log.extend(problems)
    return (value, doc) if value is not None else None


def _read_answer_files(
    files: list[Path],
    layout: Layout,
    questionnaires: dict[str, Questionnaire],
    organisations: dict[str, Organisation],
    log: ProblemLog,
    jobs: int | None,
) -> AnswerTable:
    jobs = jobs or os.cpu_count() or 1
    context = (layout, questionnaires, organisations)
    if len(files) < PARALLEL_FROM or jobs < 2:
        table, problems = _read_chunk(files, context)
        log.extend(problems)
        return table
    size = max(50, len(files) // (jobs * 4))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    table = AnswerTable()
    with ProcessPoolExecutor(
        jobs, mp_context=_fork_context(), initializer=_init_worker, initargs=(context,)
    ) as pool:
        for part, problems in pool.map(_read_chunk_in_worker, chunks):
            table.extend(part)
            log.extend(problems)
    return table


_WORKER_CONTEXT: Any = None


def _init_worker(context: Any) -> None:
    global _WORKER_CONTEXT
    _WORKER_CONTEXT = context
    gc.disable()  # see _collector_paused; a worker lives only for this load


def _read_chunk_in_worker(files: list[Path]) -> tuple[AnswerTable, list[Problem]]:
    table, problems = _read_chunk(files, _WORKER_CONTEXT)
    return table.compact(), problems


def _read_chunk(files: list[Path], context: Any) -> tuple[AnswerTable, list[Problem]]:
    layout, questionnaires, organisations = context
    table = AnswerTable()
    log = ProblemLog()
    for path in files:
        if layout.orgs.absolute() == path.absolute().parent:
            log.add(
                Location(path),
                "answer files belong in an organisation's folder, "
                f"assessments/orgs/<organisation>/; move {path.name} there",
            )
            continue
        result = _read_model(path, AnswerSet, log)
        if result is None:
            continue
        answer_set, doc = result
        log.extend(
            check_answer_set(
                answer_set, doc, questionnaires, organisations, layout.org_folder_of(path), table
            )
        )
    return table, log.problems


def _fork_context() -> Any:
    """Fork where available: workers inherit the loaded modules instead of importing them."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _check_duplicates(table: AnswerTable, log: ProblemLog) -> None:
    first: dict[tuple[str, str, str, str | None], Response] = {}
    for response in table.responses:
        key = (response.organisation, response.round, response.questionnaire, response.respondent)
        earlier = first.setdefault(key, response)
        if earlier is response:
            continue
        where = earlier.located().render()  # only the few responses that appear twice
        if response.agreed:
            message = (
                f"agreed answers to '{response.questionnaire}' for round "
                f"'{response.round}' are already given in {where}"
            )
        else:
            message = (
                f"duplicate respondent '{response.respondent}': they already answered "
                f"'{response.questionnaire}' for round '{response.round}' in {where}"
            )
        log.add(response.located(), message)
