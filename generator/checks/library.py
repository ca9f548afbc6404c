"""Rules of templates and lessons that no single key can check."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import Problem
from ..models import LessonRegister, Questionnaire, Template
from ..suggest import did_you_mean
from ..yamlio import YamlDoc
from .actions import MATURITY_ID, TYPE_ID
from .pages import Report, check_pages


def check_template(
    template: Template,
    doc: YamlDoc,
    questionnaires: Mapping[str, Questionnaire],
    content_dir: Path | None,
) -> list[Problem]:
    problems: list[Problem] = []

    def report(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(doc.location(loc), message))

    if template.id != doc.path.stem:
        report(("id",), f"'{template.id}' does not match the file name '{doc.path.name}'; "
               "rename one so that they agree")
    if template.format == "docx" and not template.sections:
        report(("sections",), "a docx template needs its document 'sections'")
    if template.format == "xlsx" and not template.sheets:
        report(("sheets",), "an xlsx template needs its workbook 'sheets'")
    if template.format == "docx" and template.sheets:
        report(("sheets",), "'sheets' are for xlsx templates; this one is docx")
    if template.format == "xlsx" and template.sections:
        report(("sections",), "'sections' are for docx templates; this one is xlsx")
    names = set()
    for i, sheet in enumerate(template.sheets):
        if sheet.name.lower() in names:
            report(("sheets", i, "name"), f"duplicate sheet name '{sheet.name}'")
        names.add(sheet.name.lower())
    _check_tags(report, template, questionnaires)
    check_pages(report, ("related",), template.related, content_dir)
    return problems


def check_lessons(
    registers: list[tuple[LessonRegister, YamlDoc]],
    questionnaires: Mapping[str, Questionnaire],
    templates: set[str],
    content_dir: Path | None,
) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for register, doc in registers:
        for i, lesson in enumerate(register.lessons):

            def report(loc: tuple[str | int, ...], message: str, i: int = i,
                       doc: YamlDoc = doc) -> None:
                problems.append(Problem(doc.location(("lessons", i, *loc)), message))

            if lesson.id in seen:
                report(("id",), f"duplicate lesson id '{lesson.id}' (first in {seen[lesson.id]})")
                continue
            seen[lesson.id] = doc.location(("lessons", i, "id")).render()
            _check_tags(report, lesson, questionnaires)
            check_pages(report, ("related",), lesson.related, content_dir)
            for k, ident in enumerate(lesson.templates):
                if ident not in templates:
                    report(("templates", k), f"unknown template '{ident}'"
                           f"{did_you_mean(ident, templates)}")
    return problems


def _check_tags(report: Report, item: object, questionnaires: Mapping[str, Questionnaire]) -> None:
    maturity, types = questionnaires.get(MATURITY_ID), questionnaires.get(TYPE_ID)
    known = {
        "perspectives": [s.id for s in maturity.sections] if maturity else None,
        "pmo_types": [o.id for o in types.outcomes] if types else None,
    }
    for key, values in known.items():
        if values is None:
            continue
        for k, ident in enumerate(getattr(item, key)):
            if ident not in values:
                label = key[:-1].replace("_", " ")
                report((key, k), f"unknown {label} '{ident}'; expected one of: {', '.join(values)}")
