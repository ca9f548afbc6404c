"""What a submission means: its organisation, round, respondent and answers, cell by cell.

Answers are matched to option values (by value or label, in any spelling `questions.normalise`
ignores), checked against the question's N/A and don't-know settings and its display rule, and
every problem is reported at the cell it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping

from .. import expr
from ..errors import GeneratorError, Location, Problem
from ..models import Organisation, Questionnaire, Round
from ..models.common import ID_LENGTH, identifier_problem
from ..workspace import Workspace
from .questions import choices, condition_in_words, match_choice, normalise
from .responses import Answers, Entry, ResponseData
from .submissions import EVIDENCE, NOTES, Cell, Submission


def resolve(
    ws: Workspace, submission: Submission, org_option: str | None, round_option: str | None
) -> tuple[ResponseData | None, list[Problem]]:
    """The answer set a submission gives, or None, with every problem found in it."""
    problems: list[Problem] = []
    org = _organisation(ws, submission, org_option, problems)
    round_ = _round(org, submission, round_option, problems) if org else None
    respondent, name = _respondent(submission, problems)
    role = submission.details["role"].text if "role" in submission.details else ""
    date = _date(submission, problems)
    if not submission.answers:
        problems.append(Problem(submission.source, "no answers; answer at least one question"))
    answers = {}
    for qid, given in submission.answers.items():
        q = ws.questionnaires[qid]
        entries = _entries(q, given, problems)
        version = submission.versions.get(qid, q.version)
        answers[qid] = Answers(version, q.view_ids, entries)
    if org is None or round_ is None or respondent is None:
        return None, problems
    data = ResponseData(
        organisation=org.id,
        round=round_.id,
        respondent=respondent,
        questionnaires=answers,
        role=role.strip(),
        name=name,
        date=date,
    )
    return data, problems


def missing(
    submissions: list[Submission], org_option: str | None, round_option: str | None
) -> list[Problem]:
    """The organisation or round that neither an option nor a column gives, reported once for
    the whole file rather than once per respondent."""
    problems = []
    for key, option, hint in (
        ("organisation", org_option, "--org ORG, or add an Organisation column"),
        ("round", round_option, "--round ROUND, or add a Round column"),
    ):
        if option is None and submissions and not any(key in s.places for s in submissions):
            path = submissions[0].source.path
            problems.append(Problem(Location(path), f"no {key}; give {hint}"))
    return problems


def _organisation(
    ws: Workspace, submission: Submission, option: str | None, problems: list[Problem]
) -> Organisation | None:
    cell = submission.details.get("organisation")
    where = submission.places.get("organisation", submission.source)
    if option is not None:
        org = ws.organisations.get(option)
        if org is None:
            known = ", ".join(sorted(ws.organisations)) or "none"
            raise GeneratorError(
                f"unknown organisation '{option}' (--org); this workspace has: {known}"
            )
        if cell is not None and _find_org(ws, cell.text) is not org:
            problems.append(
                Problem(
                    cell.location,
                    f"'{cell.text}' is not organisation "
                    f"'{org.id}' given with --org; correct the cell or leave "
                    "out --org",
                )
            )
        return org
    if cell is None:
        if "organisation" in submission.places:  # else reported once for the file: `missing`
            problems.append(Problem(where, "no organisation; fill it in, or give --org ORG"))
        return None
    org = _find_org(ws, cell.text)
    if org is None:
        known = ", ".join(sorted(ws.organisations)) or "none"
        problems.append(
            Problem(cell.location, f"unknown organisation '{cell.text}'; expected one of: {known}")
        )
    return org


def _find_org(ws: Workspace, text: str) -> Organisation | None:
    wanted = normalise(text)
    for org in ws.organisations.values():
        if text.strip() == org.id or wanted in (normalise(org.id), normalise(org.name)):
            return org
    return None


def _round(
    org: Organisation, submission: Submission, option: str | None, problems: list[Problem]
) -> Round | None:
    cell = submission.details.get("round")
    known = ", ".join(r.id for r in org.rounds_by_date)
    if option is not None:
        found = _find_round(org, option)
        if found is None:
            raise GeneratorError(
                f"unknown round '{option}' (--round) for organisation "
                f"'{org.id}'; expected one of: {known}"
            )
        if cell is not None and _find_round(org, cell.text) is not found:
            problems.append(
                Problem(
                    cell.location,
                    f"'{cell.text}' is not round '{found.id}' "
                    "given with --round; correct the cell or leave out --round",
                )
            )
        return found
    if cell is None:
        if "round" in submission.places:
            where = submission.places["round"]
            problems.append(Problem(where, "no round; fill it in, or give --round ROUND"))
        return None
    found = _find_round(org, cell.text)
    if found is None:
        problems.append(
            Problem(
                cell.location,
                f"unknown round '{cell.text}' for organisation "
                f"'{org.id}'; expected one of: {known}",
            )
        )
    return found


def _find_round(org: Organisation, text: str) -> Round | None:
    wanted = normalise(text)
    for round_ in org.rounds:
        if text.strip() == round_.id or wanted in (normalise(round_.id), normalise(round_.label)):
            return round_
    return None


def _respondent(submission: Submission, problems: list[Problem]) -> tuple[str | None, str]:
    """The respondent id, made safe for a file name, and the name as typed if it differs.

    Every change from what was typed is reported, since the id is what reports show.
    """
    cell = submission.details.get("respondent")
    if cell is None:
        where = submission.places.get("respondent", submission.source)
        problems.append(Problem(where, "no respondent id, so the answers cannot be attributed; "
                                       "fill it in"))
        return None, ""
    typed = cell.text.strip()
    ident = safe_id(typed)
    problem = identifier_problem(ident) if ident else "nothing usable is left"
    if problem:
        problems.append(
            Problem(
                cell.location,
                f"'{typed}' cannot be made into a respondent id ({problem}); "
                "use letters and digits, such as alice or r03",
            )
        )
        return None, ""
    if ident != typed:
        why = ("the part before the @ of an email address" if "@" in typed
               else "ids become file names: letters, digits, '-', '_' and '.', at most "
               f"{ID_LENGTH}")
        problems.append(Problem(cell.location, f"respondent '{typed}' is filed as '{ident}' "
                                               f"({why}); the name as typed is kept", "warning"))
    return ident, "" if ident == typed else typed


def safe_id(text: str) -> str:
    """`text` if it is a usable id, else a lower-case id made from it, such as `alice-example`
    for `Alice Example`; "" when nothing usable is left."""
    if identifier_problem(text) is None:
        return text
    if re.fullmatch(r"[^@\s]+@[^@\s]+", text):  # an email address: the part before the @
        text = text.split("@")[0]
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9_.]+", "-", ascii_text)
    slug = re.sub(r"\.{2,}", ".", slug).strip("-_.")[:ID_LENGTH].rstrip("-_.")
    return slug


def _date(submission: Submission, problems: list[Problem]) -> dt.date | None:
    cell = submission.details.get("date")
    if cell is None:
        return None
    if isinstance(cell.value, dt.date):
        return cell.value
    try:
        return dt.datetime.fromisoformat(cell.text.strip()).date()
    except ValueError:
        problems.append(
            Problem(cell.location, f"'{cell.text}' is not a date; write it as YYYY-MM-DD")
        )
        return None


def _entries(
    q: Questionnaire, given: Mapping[str, Mapping[str, Cell]], problems: list[Problem]
) -> dict[str, Entry]:
    """The answers to one questionnaire, in questionnaire order, with display rules applied."""
    values: dict[str, dict[str, str]] = {}
    invalid: dict[str, set[str]] = {view: set() for view in q.views}
    for qid, cells in given.items():
        values[qid] = {}
        for view in q.views:
            if view in cells:
                value = _value(q, qid, cells[view], problems)
                if value is None:
                    invalid[view].add(qid)
                else:
                    values[qid][view] = value
    _hidden(q, values, given, invalid, problems)
    entries = {}
    for qid in q.questions:
        if qid in given:
            cells = given[qid]
            entries[qid] = Entry(
                values[qid],
                cells[EVIDENCE].text if EVIDENCE in cells else "",
                cells[NOTES].text if NOTES in cells else "",
            )
    return entries


def _value(q: Questionnaire, qid: str, cell: Cell, problems: list[Problem]) -> str | None:
    question = q.questions[qid]
    if question.type == "text":
        return cell.text
    typed = cell.text.strip()
    value = match_choice(q, question, typed)
    offered = ", ".join(f'"{c.label}"' if "," in c.label else c.label for c in choices(q, question))
    if value is None:
        problems.append(
            Problem(cell.location, f"'{typed}' is not an option; expected one of: {offered}")
        )
    elif value not in q.allowed_answers[qid]:
        problems.append(
            Problem(
                cell.location,
                f"'{typed}' is not allowed for {qid}; expected one of: {offered}",
            )
        )
        value = None
    return value


def _hidden(
    q: Questionnaire,
    values: dict[str, dict[str, str]],
    given: Mapping[str, Mapping[str, Cell]],
    invalid: dict[str, set[str]],
    problems: list[Problem],
) -> None:
    """Report answers to questions that their display rule hides, as `pmo validate` would;
    not when the rule depends on an answer already reported as unreadable."""
    for view in q.views:
        shown = {qid: by_view[view] for qid, by_view in values.items() if view in by_view}
        for qid, condition in q.conditions.items():
            if condition.evaluate(shown, q.option_scores):
                continue
            depends = {ref for ref, _ in expr.references(condition)}
            if qid in shown and not depends & invalid[view]:
                words = condition_in_words(q, q.questions[qid])
                problems.append(
                    Problem(
                        given[qid][view].location,
                        f"answered, but the "
                        f"question is asked only when {words}; clear the cell "
                        "or change the earlier answer",
                    )
                )
            shown.pop(qid, None)
