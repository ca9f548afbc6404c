"""Rules of templates and lessons that no single key can check."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import Problem
from ..formulas import references
from ..models import LessonRegister, Questionnaire, Sheet, Template
from ..models.ids import MATURITY_ID, TYPE_ID
from ..suggest import did_you_mean
from ..yamlio import YamlDoc
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
        _check_sheet(report, ("sheets", i), sheet, template)
    for i, section in enumerate(template.sections):
        for k, name in enumerate(section.table.columns if section.table else []):
            _check_header(report, ("sections", i, "table", "columns", k), name)
    for i, sheet in enumerate(template.sheets):
        for k, column in enumerate(sheet.columns):
            _check_header(report, ("sheets", i, "columns", k, "name"), column.name)
    _check_tags(report, template, questionnaires)
    check_pages(report, ("related",), template.related, content_dir)
    return problems


def _check_header(report: Report, loc: tuple[str | int, ...], name: str) -> None:
    """A header with an unclosed bracket was split at a comma by a YAML flow list."""
    if name.count("(") != name.count(")") or name.count("[") != name.count("]"):
        report(loc, f"'{name}' has an unclosed bracket: in a [a, b] list, YAML splits a "
               "header at its commas; put a header with commas in quotes")


def _check_sheet(report: Report, loc: tuple[str | int, ...], sheet: Sheet,
                 template: Template) -> None:
    """Formulas name columns that exist; examples fit the columns; bounds are in order."""
    columns = {s.name: [c.name for c in s.columns] for s in template.sheets}
    seen: set[str] = set()
    for j, column in enumerate(sheet.columns):
        where = (*loc, "columns", j)
        if column.name in seen:
            report((*where, "name"), f"duplicate column name '{column.name}' in sheet "
                   f"'{sheet.name}'")
        seen.add(column.name)
        if column.min is not None and column.max is not None and column.min > column.max:
            report((*where, "max"), f"max {column.max:g} is below min {column.min:g}")
        if (column.min is not None or column.max is not None or column.highlight) and \
                column.kind not in ("number", "integer"):
            report((*where, "kind"), "min, max and highlight need kind number or integer; "
                   f"this column is {column.kind}")
        if column.highlight and (column.min is None or column.max is None):
            report((*where, "highlight"), "a highlighted column needs both min and max, "
                   "the ends of its colour scale")
        if column.formula:
            _check_formula(report, (*where, "formula"), column.formula, sheet.name, columns)
    for k, row in enumerate(sheet.examples):
        if len(row) != len(sheet.columns):
            report((*loc, "examples", k), f"{len(row)} values for {len(sheet.columns)} "
                   "columns; give one per column (an empty string for none)")


def _check_formula(report: Report, loc: tuple[str | int, ...], formula: str, own: str,
                   columns: dict[str, list[str]]) -> None:
    if not formula.startswith("="):
        report(loc, "a formula starts with '='")
    if formula.count("{") != formula.count("}"):
        report(loc, "unbalanced braces; name a column as {Column}, {!Column} or "
               "{Sheet!Column}")
        return
    for sheet, name in references(formula):
        if sheet is not None and sheet not in columns:
            report(loc, f"unknown sheet '{sheet}' in {{{sheet}!{name}}}"
                   f"{did_you_mean(sheet, list(columns))}")
            continue
        known = columns[sheet or own]
        if name not in known:
            shown = f"{sheet}!{name}" if sheet else name
            report(loc, f"unknown column '{name}' in {{{shown}}} (sheet '{sheet or own}')"
                   f"{did_you_mean(name, known)}")


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
