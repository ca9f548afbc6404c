"""`pmo new-response`: a response file to fill in by hand, every question a commented prompt.

Each question comes as comments (its section, id, level, text, the answers it accepts with
their labels, and its display rule in words) followed by its key with empty values:

```yaml
      # GOV-2-1 (level 2): Every project has a named sponsor ...
      # Answer with: not (Not in place), partly (Partly in place), ...
      GOV-2-1:
        answer:
        evidence:
        notes:
```

Empty values read as unanswered, so the untouched file already passes `pmo validate` (with a
warning per questionnaire about the unanswered questions).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path

from ..errors import GeneratorError, display_path
from ..files import write_atomic
from ..models import Organisation, Question, Questionnaire, Round
from ..models.common import identifier_problem
from ..workspace import Workspace
from .questions import choices, rule_in_words, select
from .responses import response_path, scalar, schema_reference

WIDTH = 96
ANSWER_INDENT = " " * 6
FIELD_INDENT = " " * 8
INLINE_LABELS = 24
"""Options whose labels are all at most this long are listed on one (wrapped) line."""


def skeleton(
    questionnaires: Sequence[Questionnaire],
    org: Organisation,
    round_: Round,
    respondent: str,
    role: str = "",
    schema: str | None = None,
) -> str:
    """The text of an empty response file for `respondent` to fill in."""
    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines += _instructions(org, round_, respondent)
    lines += [
        f"organisation: {scalar(org.id)}",
        f"round: {scalar(round_.id)}",
        "respondent:",
        f"  id: {scalar(respondent)}",
        f"  role: {scalar(role)}"
        if role
        else '  role: ""  # your role, such as PMO lead, Sponsor or Project manager',
        "date:  # the day you answered, as YYYY-MM-DD",
        "questionnaires:",
    ]
    for q in questionnaires:
        lines += [f"  {scalar(q.id)}:", f'    version: "{q.version}"', "    answers:"]
        lines += _questionnaire(q)
    return "\n".join(lines) + "\n"


def _instructions(org: Organisation, round_: Round, respondent: str) -> list[str]:
    label = f" ({round_.label})" if round_.label else ""
    text = [
        f"Answers of {respondent} for {org.name}, round {round_.id}{label}.",
        "",
        "How to fill in:",
        "- Type each answer after the colon of its key, such as `answer: largely`. Use one "
        "of the values listed above the question (the word before the brackets).",
        "- Leave a value empty to leave the question unanswered; come back to it later.",
        "- Evidence and notes are free text. Put the text in double quotes if it contains "
        "': ' or ' #' or starts with a quote or a bracket.",
        "- A question with an 'Answer only when' line is asked only after certain earlier "
        "answers; leave it empty otherwise.",
        "- Keep the indentation as it is. Check the file with: pmo validate FILE",
    ]
    return [f"# {line}".rstrip() for line in _wrap_all(text, WIDTH - 2)] + [""]


def _questionnaire(q: Questionnaire) -> list[str]:
    lines = _comment([f"{q.title}, version {q.version}"], ANSWER_INDENT, rule="=")
    if len(q.views) > 1:
        views = "; ".join(f"{view}: {label}" for view, label in q.views.items())
        lines += _comment(
            [
                f"Answer every question for each point of view ({views}). Evidence and notes "
                "may be added under any question as `evidence:` and `notes:`."
            ],
            ANSWER_INDENT,
        )
    for section in q.sections:
        lines += ["", *_comment([section.title], ANSWER_INDENT, rule="-")]
        for question in section.questions:
            lines += ["", *_question(q, question)]
    return lines


def _question(q: Questionnaire, question: Question) -> list[str]:
    level = f" (level {question.level})" if question.level is not None else ""
    text = [f"{question.id}{level}: {question.text}"]
    if question.type == "text":
        text.append("Free text.")
    else:
        text += _choices(q, question)
    rule = rule_in_words(q, question)
    if rule:
        text.append(rule)
    fields = list(q.views) if len(q.views) > 1 else ["answer"]
    if q.kind == "maturity":
        fields += ["evidence", "notes"]
    return [
        *_comment(text, ANSWER_INDENT),
        f"{ANSWER_INDENT}{scalar(question.id)}:",
        *(f"{FIELD_INDENT}{name}:" for name in fields),
    ]


def _choices(q: Questionnaire, question: Question) -> list[str]:
    offered = choices(q, question)
    if all(len(c.label) <= INLINE_LABELS for c in offered):
        return ["Answer with: " + ", ".join(f"{c.value} ({c.label})" for c in offered)]
    width = max(len(c.value) for c in offered)
    room = WIDTH - len(ANSWER_INDENT) - 2 - (width + 4)
    lines = ["Answer with one of:"]
    for c in offered:
        label = textwrap.wrap(c.label, max(room, 20), break_on_hyphens=False) or [""]
        lines.append(f"  {c.value:<{width}}  {label[0]}")
        lines += [" " * (width + 4) + more for more in label[1:]]
    return lines


def _comment(text: list[str], indent: str, rule: str = "") -> list[str]:
    prefix = f"{indent}# "
    body = [f"{prefix}{line}".rstrip() for line in _wrap_all(text, WIDTH - len(prefix))]
    if rule:
        line = f"{prefix}{rule * (WIDTH - len(prefix))}"
        return [line, *body, line]
    return body


def _wrap_all(text: list[str], width: int) -> list[str]:
    out: list[str] = []
    for paragraph in text:
        if not paragraph or paragraph.startswith("  "):
            out.append(paragraph)  # blank lines and aligned lists of options stay as they are
            continue
        out += textwrap.wrap(
            paragraph,
            width,
            subsequent_indent="  ",
            break_on_hyphens=False,
            break_long_words=False,
        )
    return out


def create_response(
    ws: Workspace,
    org_id: str,
    respondent: str,
    *,
    round_id: str | None = None,
    role: str = "",
    questionnaire_ids: Sequence[str] = (),
    out: Path | None = None,
    force: bool = False,
) -> tuple[Path, list[Questionnaire]]:
    """Write a skeleton for `respondent`; return its path and the questionnaires in it."""
    org = ws.organisation(org_id)
    round_ = find_round(org, round_id)
    problem = identifier_problem(respondent)
    if problem:
        raise GeneratorError(f"respondent id: {problem}, such as alice or r03")
    chosen = select(dict(ws.questionnaires), questionnaire_ids)
    path = out or response_path(ws.layout, org.id, round_.id, respondent)
    if path.exists() and not force:
        raise GeneratorError(
            f"{display_path(path)} already exists; add --force to replace it, or choose "
            "another file with --out (nothing was written)"
        )
    _refuse_duplicates(ws, org.id, round_.id, respondent, chosen, path)
    text = skeleton(chosen, org, round_, respondent, role, schema_reference(ws.layout, path))
    write_atomic(path, text)
    return path, chosen


def find_round(org: Organisation, round_id: str | None) -> Round:
    """The round with this id (the latest when None), or an error listing the known ones."""
    if round_id is None:
        return org.latest_round
    for round_ in org.rounds:
        if round_.id == round_id:
            return round_
    known = ", ".join(r.id for r in org.rounds_by_date)
    raise GeneratorError(
        f"unknown round '{round_id}' for organisation '{org.id}'; expected one of: {known} "
        f"(add a new round with 'pmo new-round {org.id} {round_id}')"
    )


def _refuse_duplicates(
    ws: Workspace,
    org_id: str,
    round_id: str,
    respondent: str,
    chosen: list[Questionnaire],
    path: Path,
) -> None:
    ids = {q.id for q in chosen}
    for response in ws.responses_of(org_id, round_id):
        if (
            response.respondent == respondent
            and response.questionnaire in ids
            and response.path.resolve() != path.resolve()
        ):
            raise GeneratorError(
                f"'{respondent}' already answered '{response.questionnaire}' for round "
                f"'{round_id}' in {display_path(response.path)}; choose another respondent id, "
                "or leave that questionnaire out with --questionnaire (nothing was written)"
            )
