"""Rules of the action library and of roadmap settings that no single key can check."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import NamedTuple

from .. import expr
from ..errors import KeyPath, Problem
from ..models import (
    NO_OFFICE,
    Action,
    ActionLibrary,
    Organisation,
    Questionnaire,
    RoadmapSettings,
    RoadmapUpdate,
)
from ..models.ids import MATURITY_ID, MODEL_ID, SERVICES_ID, TYPE_ID
from ..suggest import did_you_mean
from ..yamlio import YamlDoc
from .pages import check_pages

Report = Callable[[KeyPath, str], None]
VALID_TARGETS = (0, 2, 3, 4, 5)


def target_problem(value: object) -> str:
    return (
        f"a target is 0 (no improvement) or a level from 2 to 5, found {value}; level 1 "
        "only means that some practice exists, so no action aims at it"
    )


def check_actions(
    libraries: list[tuple[ActionLibrary, YamlDoc]],
    questionnaires: Mapping[str, Questionnaire],
    content_dir: Path | None,
    catalogues: Mapping[str, set[str]] | None = None,
) -> list[Problem]:
    """Every problem across all action files: ids, references, levels and dependency cycles.

    `catalogues` maps `templates` and `lessons` to their known ids once those exist.
    """
    problems: list[Problem] = []
    maturity = questionnaires.get(MATURITY_ID)
    types = _outcomes(questionnaires.get(TYPE_ID))
    outcomes = {
        "pmo_types": types,
        "from_types": None if types is None else types | {NO_OFFICE},
        "operating_models": _outcomes(questionnaires.get(MODEL_ID)),
    }
    classifications = [q for k in (TYPE_ID, MODEL_ID) if (q := questionnaires.get(k))]
    where: dict[str, tuple[YamlDoc, int]] = {}
    for library, doc in libraries:
        for i, action in enumerate(library.actions):

            def report(loc: KeyPath, message: str, doc: YamlDoc = doc, i: int = i) -> None:
                problems.append(Problem(doc.location(("actions", i, *loc)), message))

            if action.id in where:
                first = where[action.id][0].location(("actions", where[action.id][1], "id"))
                report(("id",), f"duplicate action id '{action.id}' (first in {first.render()})")
                continue
            where[action.id] = (doc, i)
            if action.to_level != action.from_level + 1:
                report(
                    ("to_level",),
                    f"actions lift one level at a time: expected "
                    f"{action.from_level + 1} after from_level {action.from_level}, "
                    f"found {action.to_level}",
                )
            if maturity is not None:
                _check_maturity_refs(report, action, maturity)
            _check_setup_keys(report, action, classifications)
            _check_services(report, action, questionnaires.get(SERVICES_ID))
            for key, known in outcomes.items():
                for k, ident in enumerate(getattr(action, key)):
                    if known is not None and ident not in known:
                        report(
                            (key, k),
                            f"unknown outcome '{ident}'; expected one of: "
                            f"{', '.join(sorted(known))}",
                        )
            check_pages(report, ("standards",), action.standards, content_dir)
            for key, known in (catalogues or {}).items():
                for k, ident in enumerate(getattr(action, key)):
                    if ident not in known:
                        report((key, k),
                               f"unknown {key[:-1]} '{ident}'{did_you_mean(ident, known)}")
    problems += _dependency_problems(libraries, where)
    problems += _replacement_problems(libraries, where)
    return problems


def check_roadmap_settings(
    org: Organisation,
    doc: YamlDoc,
    questionnaires: Mapping[str, Questionnaire],
    actions: set[str],
) -> list[Problem]:
    """The problems of an organisation file's `roadmap:` settings, located in the file."""
    return [
        Problem(doc.location(("roadmap", *p.key), key=p.on_key), p.message)
        for p in roadmap_problems(org.roadmap, questionnaires, actions)
    ]


class SettingProblem(NamedTuple):
    """A problem of roadmap settings, by its key path below `roadmap:`."""

    key: KeyPath
    message: str
    on_key: bool = False
    """Whether the key itself is wrong (an unknown name), not its value."""


def roadmap_problems(
    settings: RoadmapSettings | RoadmapUpdate,
    questionnaires: Mapping[str, Questionnaire],
    actions: Collection[str],
) -> list[SettingProblem]:
    """Targets and priorities name perspectives and have valid values; pinned and excluded
    actions exist."""
    problems: list[SettingProblem] = []
    maturity = questionnaires.get(MATURITY_ID)
    perspectives = [s.id for s in maturity.sections] if maturity else None
    for key in ("targets", "priorities"):
        for name, value in getattr(settings, key).items():
            if perspectives is not None and name not in perspectives:
                problems.append(SettingProblem((key, name), f"unknown perspective '{name}'; "
                                               f"expected one of: {', '.join(perspectives)}",
                                               on_key=True))
            elif key == "targets" and value not in VALID_TARGETS:
                problems.append(SettingProblem((key, name), target_problem(value)))
            elif key == "priorities" and value <= 0:
                problems.append(SettingProblem((key, name), "a priority weight must be greater "
                                               f"than 0, found {value}"))
    for key in ("pinned", "excluded"):
        for i, ident in enumerate(getattr(settings, key)):
            if actions and ident not in actions:
                problems.append(SettingProblem((key, i), f"unknown action '{ident}'"
                                               f"{did_you_mean(ident, actions)}"))
    return problems


def _outcomes(q: Questionnaire | None) -> set[str] | None:
    return {o.id for o in q.outcomes} if q is not None else None


def _check_maturity_refs(report: Report, action: Action, maturity: Questionnaire) -> None:
    sections = [s.id for s in maturity.sections]
    for k, perspective in enumerate(action.perspectives):
        if perspective not in sections:
            report(
                ("perspectives", k),
                f"unknown perspective '{perspective}'; expected one of: {', '.join(sections)}",
            )
    for k, criterion in enumerate(action.criteria):
        question = maturity.questions.get(criterion)
        if question is None:
            report(
                ("criteria", k),
                f"unknown criterion '{criterion}'{did_you_mean(criterion, maturity.questions)}",
            )
            continue
        section = maturity.section_of[criterion].id
        if action.is_setup:
            continue  # a set-up action names whatever criteria it establishes
        if section not in action.perspectives:
            report(
                ("criteria", k),
                f"criterion '{criterion}' belongs to perspective "
                f"'{section}', which this action does not list in perspectives",
            )
        elif question.level != action.to_level:
            report(
                ("criteria", k),
                f"criterion '{criterion}' is at level {question.level}, "
                f"but this action lifts to level {action.to_level}",
            )


def _check_services(report: Report, action: Action, survey: Questionnaire | None) -> None:
    """Services name questions of the services survey, and only actions without
    perspectives name them (an action improves the office's service, or a perspective)."""
    if action.services and action.perspectives:
        report(("services",), "an action that names services has no perspectives; it is "
                              "planned for the services, not for a maturity gap")
    for k, service in enumerate(action.services):
        if survey is not None and service not in survey.questions:
            report(("services", k), f"unknown service '{service}' in '{SERVICES_ID}'"
                                    f"{did_you_mean(service, survey.questions)}")


SETUP_ONLY = ("in_place_if", "from_types", "replaces", "mandate")
"""Keys that only mean something for an action that sets up or reshapes the office."""


def _check_setup_keys(report: Report, action: Action, classifications: list[Questionnaire]
                      ) -> None:
    if not action.is_setup:
        for key in SETUP_ONLY:
            if key in action.model_fields_set and getattr(action, key):
                report((key,), f"'{key}' is for set-up actions, which have no perspectives; "
                               "this action improves " + ", ".join(action.perspectives))
        return
    if action.in_place_if:
        _check_in_place_if(report, action.in_place_if, classifications)


def _check_in_place_if(report: Report, text: str, classifications: list[Questionnaire]) -> None:
    """The condition parses and names current-view answers of the classifications."""
    loc = ("in_place_if",)
    try:
        condition = expr.parse(text)
    except expr.ExprError as exc:
        report(loc, f"invalid condition: {exc}")
        return
    if expr.ordered(condition):
        report(loc, "classification answers have no order: use == or in, not <, <=, > or >=")
    if not classifications:
        return
    questions = {qid: q for q in classifications for qid in q.questions}
    for question_id, value in expr.references(condition):
        q = questions.get(question_id)
        if q is None:
            report(loc, f"unknown question id '{question_id}' in condition; expected a question "
                        f"of {' or '.join(c.id for c in classifications)}"
                        f"{did_you_mean(question_id, questions)}")
        elif value is not None and value not in q.allowed_answers[question_id]:
            report(loc, f"'{value}' is not an answer of {question_id}; expected one of: "
                        f"{', '.join(sorted(q.allowed_answers[question_id]))}")


def _replacement_problems(
    libraries: list[tuple[ActionLibrary, YamlDoc]], where: dict[str, tuple[YamlDoc, int]]
) -> list[Problem]:
    problems = []
    for library, doc in libraries:
        for i, action in enumerate(library.actions):
            for k, ident in enumerate(action.replaces):
                message = None
                if ident == action.id:
                    message = "an action cannot replace itself"
                elif ident not in where:
                    message = f"unknown action '{ident}'{did_you_mean(ident, where)}"
                if message:
                    problems.append(Problem(doc.location(("actions", i, "replaces", k)), message))
    return problems


def _dependency_problems(
    libraries: list[tuple[ActionLibrary, YamlDoc]], where: dict[str, tuple[YamlDoc, int]]
) -> list[Problem]:
    problems: list[Problem] = []
    graph: dict[str, list[str]] = {}
    for library, doc in libraries:
        for i, action in enumerate(library.actions):
            if where.get(action.id) != (doc, i):
                continue
            graph[action.id] = []
            for k, dep in enumerate(action.depends_on):
                if dep in where:
                    graph[action.id].append(dep)
                else:
                    problems.append(
                        Problem(
                            doc.location(("actions", i, "depends_on", k)),
                            f"unknown action '{dep}'{did_you_mean(dep, where)}",
                        )
                    )
    for cycle in find_cycles(graph):
        doc, i = where[cycle[0]]
        path = " → ".join([*cycle, cycle[0]])
        problems.append(
            Problem(doc.location(("actions", i, "depends_on")), f"dependency cycle: {path}")
        )
    return problems


def find_cycles(graph: Mapping[str, list[str]]) -> list[list[str]]:
    """Each dependency cycle once, starting from its smallest id, in a stable order."""
    cycles: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    state: dict[str, int] = {}  # 1 on the current path, 2 finished

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for dep in graph.get(node, []):
            if state.get(dep) == 1:
                cycle = path[path.index(dep) :]
                start = cycle.index(min(cycle))
                key = tuple(cycle[start:] + cycle[:start])
                if key not in seen:
                    seen.add(key)
                    cycles.append(list(key))
            elif dep not in state:
                visit(dep, path)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return cycles
