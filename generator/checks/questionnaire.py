"""Rules of a questionnaire that no single key can check: ids, scales, levels, display rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .. import expr
from ..errors import KeyPath, Problem, Severity
from ..models import SPECIAL_ANSWERS, Option, Question, Questionnaire
from ..yamlio import YamlDoc
from .pages import check_pages

Report = Callable[..., None]
"""`report(loc, message)`, or `report(loc, message, "warning")`."""


def check_questionnaire(
    q: Questionnaire, doc: YamlDoc, content_dir: Path | None = None
) -> list[Problem]:
    """Every cross-key problem of questionnaire `q`, located in `doc`.

    `content_dir`, when given, is where `refs:` must point to existing pages.
    """
    problems: list[Problem] = []

    def report(loc: KeyPath, message: str, severity: Severity = "error") -> None:
        problems.append(Problem(doc.location(loc), message, severity))

    _unique(report, [(("scales", i, "id"), s.id) for i, s in enumerate(q.scales)])
    _unique(report, [(("outcomes", i, "id"), o.id) for i, o in enumerate(q.outcomes)])
    _unique(report, [(("sections", i, "id"), s.id) for i, s in enumerate(q.sections)])
    _unique(
        report,
        (
            (("sections", si, "questions", qi, "id"), question.id)
            for si, section in enumerate(q.sections)
            for qi, question in enumerate(section.questions)
        ),
    )
    for i, scale in enumerate(q.scales):
        _check_options(report, q, ("scales", i, "options"), scale.options)
    if q.kind == "maturity":
        _check_maturity(report, q)
    elif q.kind == "services":
        _check_services(report, q)
    else:
        _check_classification(report, q)
    earlier: set[str] = set()
    for si, section in enumerate(q.sections):
        for qi, question in enumerate(section.questions):
            loc: KeyPath = ("sections", si, "questions", qi)
            _check_question(report, q, loc, question, earlier)
            check_pages(report, (*loc, "refs"), question.refs, content_dir)
            earlier.add(question.id)
    return problems


def _unique(report: Report, items: Iterable[tuple[KeyPath, str]]) -> None:
    seen: set[str] = set()
    for loc, ident in items:
        if ident in seen:
            report(loc, f"duplicate id '{ident}'; ids must be unique in a questionnaire")
        seen.add(ident)


def _check_options(report: Report, q: Questionnaire, loc: KeyPath, options: list[Option]) -> None:
    seen: set[str] = set()
    outcomes = {o.id for o in q.outcomes}
    for i, option in enumerate(options):
        if option.value in SPECIAL_ANSWERS:
            report(
                (*loc, i, "value"),
                f"'{option.value}' is reserved for "
                f"{'not applicable' if option.value == 'na' else 'do not know'} answers; "
                "use allow_na / allow_dont_know on the question instead",
            )
        elif option.value in seen:
            report((*loc, i, "value"), f"duplicate option value '{option.value}'")
        seen.add(option.value)
        for outcome in option.points:
            if q.kind == "maturity":
                report(
                    (*loc, i, "points"),
                    "points are for classification questionnaires; maturity options use score",
                )
                break
            if outcome not in outcomes:
                known = ", ".join(sorted(outcomes))
                report(
                    (*loc, i, "points", outcome),
                    f"unknown outcome '{outcome}'; expected one of: {known}",
                )


def _check_maturity(report: Report, q: Questionnaire) -> None:
    levels = [lv.level for lv in q.levels]
    missing = sorted(set(range(6)) - set(levels))
    if missing or len(levels) != len(set(levels)):
        report(
            ("levels",),
            "expected each level 0 to 5 exactly once, "
            f"found {', '.join(map(str, levels)) or 'none'}",
        )
    if q.outcomes:
        report(("outcomes",), "outcomes are for classification questionnaires")
    if set(q.views) != {"current"}:
        report(("views",), "maturity questionnaires are answered for 'current' only")
    for si, section in enumerate(q.sections):
        for qi, question in enumerate(section.questions):
            if question.type == "choice" and question.level is None:
                report(
                    ("sections", si, "questions", qi),
                    "missing required key 'level' (the maturity level, 2 to 5, this "
                    "criterion belongs to)",
                )
            elif (
                question.type == "choice"
                and q.options(question)  # a missing scale is reported on its own
                and not any(o.score > 0 for o in q.options(question))
            ):
                report(
                    ("sections", si, "questions", qi),
                    "no option scores above 0, so this criterion could never be met",
                )
    _check_scopes(report, q)


def _check_scopes(report: Report, q: Questionnaire) -> None:
    """Tagging `evidences` is optional, but a criterion left out of a partial tagging is
    most likely forgotten: it would count in no portfolio, programme or project view."""
    criteria = [
        (("sections", si, "questions", qi), question)
        for si, section in enumerate(q.sections)
        for qi, question in enumerate(section.questions)
        if question.type == "choice"
    ]
    untagged = [(loc, question.id) for loc, question in criteria if question.evidences is None]
    if not untagged or len(untagged) == len(criteria):
        return
    names = ", ".join(qid for _, qid in untagged[:5])
    more = f" and {len(untagged) - 5} more" if len(untagged) > 5 else ""
    report(
        untagged[0][0],
        f"{len(untagged)} of {len(criteria)} criteria have no 'evidences' ({names}{more}), "
        "so they count in no portfolio, programme, project or office view; tag them too",
        "warning",
    )


def _check_services(report: Report, q: Questionnaire) -> None:
    """A services survey rates every service on importance and satisfaction, by score."""
    if set(q.views) != {"importance", "satisfaction"}:
        report(("views",), "services surveys are answered for 'importance' and 'satisfaction'")
    if q.outcomes or q.levels:
        report(("outcomes" if q.outcomes else "levels",),
               "outcomes and levels are for classification and maturity questionnaires")
    for si, section in enumerate(q.sections):
        for qi, question in enumerate(section.questions):
            scores = [o.score for o in q.options(question)]
            if question.type == "choice" and scores and len(set(scores)) < len(scores):
                report(("sections", si, "questions", qi),
                       "each rating needs its own score (1 to 5 on the usual scale)")


def _check_classification(report: Report, q: Questionnaire) -> None:
    if not set(q.views) <= {"current", "target"}:
        report(("views",), "classification questionnaires are answered for 'current' and "
               "'target'")
    if len(q.outcomes) < 2:
        report(("outcomes",), f"expected at least 2 outcomes, found {len(q.outcomes)}")
    positioned = [o.position is not None for o in q.outcomes]
    if any(positioned) and not all(positioned):
        report(("outcomes",), "give every outcome a position, or none of them")
    for si, section in enumerate(q.sections):
        for qi, question in enumerate(section.questions):
            if question.level is not None:
                report(
                    ("sections", si, "questions", qi, "level"),
                    "levels are for maturity questionnaires",
                )
            if question.evidences is not None:
                report(
                    ("sections", si, "questions", qi, "evidences"),
                    "evidences is for maturity questionnaires",
                )


def _check_question(
    report: Report, q: Questionnaire, loc: KeyPath, question: Question, earlier: set[str]
) -> None:
    if question.id in expr.KEYWORDS:
        report(
            (*loc, "id"), f"'{question.id}' is a word of the condition language; choose another id"
        )
    if question.type == "text":
        if question.scale or question.options is not None:
            report(loc, "a text question takes no scale or options")
    elif question.scale is None and question.options is None:
        report(loc, "a choice question needs 'scale' (a shared scale's id) or 'options'")
    elif question.scale is not None and question.options is not None:
        report(loc, "give either 'scale' or 'options', not both")
    elif question.scale is not None and question.scale not in q.scale_by_id:
        known = ", ".join(q.scale_by_id) or "none defined"
        report((*loc, "scale"), f"unknown scale '{question.scale}'; expected one of: {known}")
    elif question.options is not None:
        _check_options(report, q, (*loc, "options"), question.options)
    if question.show_if:
        _check_condition(report, q, (*loc, "show_if"), question.show_if, earlier)


def _check_condition(
    report: Report, q: Questionnaire, loc: KeyPath, text: str, earlier: set[str]
) -> None:
    try:
        condition = expr.parse(text)
    except expr.ExprError as exc:
        report(loc, f"invalid condition: {exc}")
        return
    for question_id in expr.ordered(condition):
        scores = (
            {o.score for o in q.options(q.questions[question_id])}
            if (question_id in q.questions)
            else {0.0, 1.0}
        )
        if len(scores) < 2:
            report(
                loc,
                f"'<', '<=', '>' and '>=' compare option scores, but the options of "
                f"{question_id} all score the same; use == or in",
            )
    for question_id, value in expr.references(condition):
        if question_id not in q.questions:
            report(loc, f"unknown question id '{question_id}' in condition")
        elif question_id not in earlier:
            report(
                loc,
                f"condition refers to '{question_id}', which is not an earlier "
                "question; conditions may only use answers given before",
            )
        elif value is not None and q.questions[question_id].type == "choice":
            allowed = q.allowed_answers[question_id]
            if value not in allowed:
                report(
                    loc,
                    f"'{value}' is not an answer of {question_id}; expected one of: "
                    f"{', '.join(sorted(allowed))}",
                )
