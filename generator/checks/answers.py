"""Check an answer set against its questionnaires and organisation, and flatten its answers.

This runs once per answer in every file, so it is written as one plain pass per answer with
everything it looks up computed once per questionnaire.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import KeyPath, Problem, Severity
from ..models import AnswerSet, Organisation, Questionnaire
from ..models.choices import choices, match_choice
from ..models.responses import AnswerTable, Response
from ..suggest import closest, did_you_mean
from ..validation import describe
from ..yamlio import YamlDoc, as_text

if TYPE_CHECKING:
    pass

ANSWER_KEYS = ("answer", "current", "target", "importance", "satisfaction", "evidence", "notes")


def check_answer_set(
    answer_set: AnswerSet,
    doc: YamlDoc,
    questionnaires: Mapping[str, Questionnaire],
    organisations: Mapping[str, Organisation],
    folder_org: str | None,
    table: AnswerTable,
) -> list[Problem]:
    """Add the responses in `answer_set` to `table`; return every problem with them.

    `folder_org` is the organisation folder the file sits in, if it is inside one.
    """
    problems: list[Problem] = []

    def report(loc: KeyPath, message: str, severity: Severity = "error", key: bool = False
               ) -> None:
        problems.append(Problem(doc.location(loc, key=key), message, severity))

    if (answer_set.respondent is None) == (answer_set.agreed is None):
        report(
            (),
            "expected exactly one of 'respondent' (one person's answers) or 'agreed' "
            "(answers agreed in a workshop)",
        )
    org = organisations.get(answer_set.organisation)
    if org is None:
        report(
            ("organisation",),
            f"unknown organisation '{answer_set.organisation}'"
            f"{did_you_mean(answer_set.organisation, organisations)}",
        )
    elif folder_org is not None and folder_org != org.id:
        report(
            ("organisation",),
            f"'{org.id}' does not match the folder it is in "
            f"('{folder_org}'); move the file or correct the id",
        )
    elif answer_set.round not in {r.id for r in org.rounds}:
        report(
            ("round",),
            f"unknown round '{answer_set.round}' for organisation '{org.id}'; "
            f"expected one of: {', '.join(r.id for r in org.rounds_by_date)}",
        )
    who_loc: KeyPath = ("respondent", "id") if answer_set.respondent else ("agreed",)
    for qid, section in answer_set.questionnaires.items():
        loc: KeyPath = ("questionnaires", qid)
        q = questionnaires.get(qid)
        if q is None:
            report(loc, f"unknown questionnaire '{qid}'{did_you_mean(qid, questionnaires)}",
                   key=True)
            continue
        if section.version.split(".")[0] != q.major:
            report(
                (*loc, "version"),
                f"answers were given to version {section.version} of "
                f"'{qid}', but the questionnaire is version {q.version}; a different major "
                "version asks different questions, so re-answer or convert the file",
            )
            continue
        rows = _check_answers(
            q, section.answers, report, (*loc, "answers"), partial=answer_set.agreed is not None
        )
        if not rows:  # e.g. a `pmo new-response` file not filled in yet: it must not count
            report(loc, f"no answers to '{qid}' yet, so this file is left out of its results",
                   "warning")
            continue
        table.add(
            Response(
                path=doc.path,
                organisation=answer_set.organisation,
                round=answer_set.round,
                questionnaire=qid,
                respondent=answer_set.respondent.id if answer_set.respondent else None,
                role=answer_set.respondent.role if answer_set.respondent else "",
                where=who_loc,
                text=doc.text,
            ),
            rows,
        )
    return problems


def _check_answers(
    q: Questionnaire, answers: dict[str, Any], report: Any, base: KeyPath, *, partial: bool
) -> list[tuple[str, str, str, str, str]]:
    """Rows of (question, view, value, evidence, notes) for the valid answers.

    `partial`: agreed answers settle single disputed questions: gaps are not reported, and
    display rules do not apply (an agreed answer stands whatever the earlier answers were).
    """
    records: list[tuple[str, str, str, str, str]] = []
    views = q.view_ids
    by_view: dict[str, dict[str, str]] = {view: {} for view in views}
    invalid: dict[str, set[str]] = {view: set() for view in views}  # reported once, not twice
    allowed = q.allowed_answers
    for qid, raw in answers.items():
        # Fast path for the common, well-formed answer: tens of thousands of files pass here.
        if len(views) == 1 and raw.__class__ is str and raw in allowed.get(qid, ()):
            by_view[views[0]][qid] = raw
            records.append((qid, views[0], raw, "", ""))
        elif raw.__class__ is dict and _plain_pair(raw, allowed.get(qid, ()), views):
            for view, value in raw.items():
                by_view[view][qid] = value
                records.append((qid, view, value, "", ""))
        else:
            _check_answer(q, qid, raw, (*base, qid), report, by_view, invalid, records)
    if partial:  # agreed answers settle single questions: display rules do not apply
        return records
    hidden = _hidden_answers(q, by_view, report, base, answers)
    if hidden:
        records = [r for r in records if (r[0], r[1]) not in hidden]
    if records:  # with none, the caller says the file is left out, which says it all
        _warn_unanswered(q, by_view, invalid, report, base)
    return records


def _plain_pair(raw: dict[str, Any], allowed: Any, views: tuple[str, ...]) -> bool:
    """`{current: a, target: b}` with both values allowed and nothing else."""
    return len(views) > 1 and all(
        key in views and value.__class__ is str and value in allowed for key, value in raw.items()
    )


def _check_answer(
    q: Questionnaire,
    qid: str,
    raw: Any,
    loc: KeyPath,
    report: Any,
    by_view: dict[str, dict[str, str]],
    invalid: dict[str, set[str]],
    records: list[tuple[str, str, str, str, str]],
) -> None:
    """The full check of one answer, with a message for everything that is wrong."""
    views = q.view_ids
    question = q.questions.get(qid)
    if question is None:
        report(
            loc,
            f"unknown question id '{qid}' in questionnaire '{q.id}'"
            f"{did_you_mean(qid, q.questions)}",
            key=True,
        )
        return
    if raw is None:  # `PT-01:` with nothing after it is unanswered, however many views
        return
    fields = raw if isinstance(raw, dict) else {"answer": raw}
    for key in fields:
        if key not in ANSWER_KEYS:
            report((*loc, key), _unknown_answer_key(q, qid, key, fields[key] is None),
                   key=True)
    texts = {}
    for key in ("evidence", "notes"):
        value = as_text(fields.get(key, ""))
        if value is None:
            value = ""
        if not isinstance(value, str):
            report((*loc, key), f"expected text, found {describe(value)}")
            value = ""
        texts[key] = value
    stray = [k for k in ANSWER_KEYS[:5] if k in fields and k not in (
        views if len(views) > 1 else ["answer"])]
    if stray and not isinstance(raw, dict):
        report(
            loc,
            "this questionnaire is answered for two points of view; write "
            f"{{{views[0]}: {as_text(raw)}, {views[1]}: ...}}",
        )
        return
    if stray:
        expected = " and ".join(f"'{v}'" for v in views) if len(views) > 1 else "'answer'"
        report((*loc, stray[0]), f"this questionnaire takes {expected}, not '{stray[0]}'", key=True)
        return
    for view in views:
        key = "answer" if len(views) == 1 else view
        if fields.get(key) is None:
            continue
        where = (*loc, key) if isinstance(raw, dict) else loc
        value = _value(q, question.id, fields[key], where, report)
        if value is None:
            invalid[view].add(question.id)
        else:
            by_view[view][question.id] = value
            records.append((question.id, view, value, texts["evidence"], texts["notes"]))


def _unknown_answer_key(q: Questionnaire, qid: str, key: str, empty: bool) -> str:
    """An unknown key under an answer is an error, not a warning: most often it is the next
    question indented one level too deep, whose answer would otherwise be lost unseen, or
    the end of a text cut at a comma inside `{...}` (`empty`: the key has no value)."""
    keys = [*(q.view_ids if len(q.views) > 1 else ["answer"]), "evidence", "notes"]
    if empty and key not in q.questions:
        return (f"'{key}' is read as a key of the answer to {qid}: inside {{...}} a comma ends "
                "a value, so put text that has commas in double quotes, such as "
                'evidence: "Minutes, March 2025"')
    question = key if key in q.questions else closest(key, q.questions)
    if question is not None and closest(key, keys) is None:
        named = f"question {key}" if key == question else f"'{key}' (question {question}?)"
        return (f"{named} is indented under {qid}, so it is read as part of {qid}'s answer; "
                f"move it left to line up with {qid}")
    return (f"unknown key '{key}' in the answer to {qid}; expected one of: {', '.join(keys)}"
            + did_you_mean(key, keys))


def _value(q: Questionnaire, qid: str, raw: Any, loc: KeyPath, report: Any) -> str | None:
    value = as_text(raw)
    if q.questions[qid].type == "text":
        if not isinstance(value, str):
            report(loc, f"expected text, found {describe(raw)}")
            return None
        return value
    allowed = q.allowed_answers[qid]
    if isinstance(value, str) and value in allowed:
        return value
    question = q.questions[qid]
    accepted = [c.value for c in choices(q, question)]
    shown = (
        f"'{value}'"
        if isinstance(raw, str)
        else (value if isinstance(value, str) else describe(raw))
    )
    scale = q.scale_by_id.get(question.scale or "")
    asked = f" ({scale.label})" if scale is not None and scale.label else ""
    if value in ("na", "dont_know"):
        setting = "allow_na" if value == "na" else "allow_dont_know"
        report(
            loc,
            f"{shown} is not allowed for {qid} ({setting} is false); expected one of: "
            f"{', '.join(accepted)}",
        )
    else:
        report(loc, f"{shown} is not an answer to {qid}{asked}; expected one of: "
                    f"{', '.join(accepted)}{_meant(q, question, value, accepted)}")
    return None


def _meant(q: Questionnaire, question: Any, value: Any, accepted: list[str]) -> str:
    """`; did you mean 'largely'?` for a label (`Largely in place`), a value in other case
    (`Largely`) or spelling (`largley`)."""
    if not isinstance(value, str):
        return ""
    matched = match_choice(q, question, value)
    if matched in accepted:
        return f"; did you mean '{matched}'?"
    return did_you_mean(value, accepted)


def _hidden_answers(
    q: Questionnaire,
    by_view: dict[str, dict[str, str]],
    report: Any,
    base: KeyPath,
    answers: dict[str, Any],
) -> set[tuple[str, str]]:
    """Answers given to questions their display rule hides; hidden answers count as absent."""
    hidden: set[tuple[str, str]] = set()
    for view, given in by_view.items():
        for qid, condition in q.conditions.items():
            if not condition.evaluate(given, q.option_scores):
                if qid in given:
                    key = "answer" if len(by_view) == 1 else view
                    where = (*base, qid, key) if isinstance(answers[qid], dict) else (*base, qid)
                    report(
                        where,
                        f"answered, but the question is hidden by its display rule "
                        f"(show_if: {q.questions[qid].show_if}); remove the answer or "
                        "change the earlier one",
                    )
                    hidden.add((qid, view))
                given.pop(qid, None)
    return hidden


def _warn_unanswered(
    q: Questionnaire,
    by_view: dict[str, dict[str, str]],
    invalid: dict[str, set[str]],
    report: Any,
    base: KeyPath,
) -> None:
    order = q.question_order
    for view, given in by_view.items():
        missing = set(q.required_always).difference(given, invalid[view])
        missing.update(
            qid
            for qid in q.required_if_shown
            if qid not in given
            and qid not in invalid[view]
            and q.conditions[qid].evaluate(given, q.option_scores)
        )
        ordered = sorted(missing, key=order.__getitem__)
        if ordered:
            shown = ", ".join(ordered[:5]) + (
                f" and {len(ordered) - 5} more" if len(ordered) > 5 else ""
            )
            label = f" ({view})" if len(by_view) > 1 else ""
            report(
                base,
                f"{len(missing)} required question{'s' * (len(missing) != 1)} "
                f"unanswered{label}: {shown}",
                "warning",
            )


