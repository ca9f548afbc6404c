"""`pmo status`: who has answered a round, how completely and when, and who has not yet.

The people of a round are those invited (`invitations.csv`, see `invitations`) and those whose
response files are filed. For each of them and each questionnaire they were invited to or
answered: whether there are answers, the share of the questions asked that are answered
(required questions only, each point of view counted; a question a display rule hides is not
asked), how many answers are "don't know", and the date the answers were given (the file's
`date:`, else the day the file was last changed).

`summary` gives the same by questionnaire, without names, for the report pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Questionnaire
from ..workspace import Workspace
from ..yamlio import YamlProblem, read_yaml
from .invitations import invitations_path, read_invitations
from .skeleton import find_round


@dataclass(frozen=True)
class Completion:
    """One respondent's answers to one questionnaire."""

    questionnaire: str
    answered: bool
    asked: int = 0
    """Required questions asked, counted once per point of view."""
    given: int = 0
    """Of those, answered (don't know included)."""
    dont_know: int = 0
    date: dt.date | None = None
    """The day the answers were given, as the response says (`date:`)."""
    modified: dt.date | None = None
    """The day the response file was last changed."""
    file: Path | None = None

    @property
    def when(self) -> dt.date | None:
        return self.date or self.modified

    @property
    def share(self) -> float | None:
        return self.given / self.asked if self.answered and self.asked else None


@dataclass(frozen=True)
class Person:
    """One respondent of the round: invited, answering, or both."""

    respondent: str
    role: str
    invited: bool
    questionnaires: tuple[Completion, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        """The questionnaires not answered yet."""
        return tuple(c.questionnaire for c in self.questionnaires if not c.answered)


@dataclass(frozen=True)
class RoundStatus:
    organisation: str
    round: str
    people: tuple[Person, ...]

    @property
    def waiting(self) -> tuple[Person, ...]:
        """Invited people with a questionnaire still unanswered."""
        return tuple(p for p in self.people if p.missing)


@dataclass(frozen=True)
class QuestionnaireSummary:
    """A questionnaire's responses in a round, without names: for the report pages."""

    questionnaire: str
    title: str
    responses: int
    invited: int
    invited_answered: int
    share: float | None
    """Mean share of the questions answered, over the responses."""
    dont_know: int


def round_status(ws: Workspace, org_id: str, round_id: str | None = None) -> RoundStatus:
    """The status of a round (default: the organisation's latest)."""
    org = ws.organisation(org_id)
    round_ = find_round(org, round_id)
    invited = read_invitations(invitations_path(ws.layout, org.id, round_.id))
    answered = _completions(ws, org.id, round_.id)
    roles: dict[str, str] = {}
    wanted: dict[str, list[str]] = {}
    for i in invited:
        roles.setdefault(i.respondent, i.role)
        wanted.setdefault(i.respondent, []).append(i.questionnaire)
    for (respondent, qid), (role, _) in answered.items():
        roles[respondent] = roles.get(respondent) or role
        wanted.setdefault(respondent, [])
        if qid not in wanted[respondent]:
            wanted[respondent].append(qid)
    order = list(ws.questionnaires)
    people = []
    for respondent in sorted(wanted, key=_natural):
        completions = tuple(
            answered[(respondent, qid)][1] if (respondent, qid) in answered
            else Completion(qid, answered=False)
            for qid in sorted(wanted[respondent], key=lambda q: (q not in order,
                                                                 order.index(q) if q in order
                                                                 else 0, q))
        )
        people.append(Person(respondent, roles.get(respondent, ""),
                             any(i.respondent == respondent for i in invited), completions))
    return RoundStatus(org.id, round_.id, tuple(people))


def summary(ws: Workspace, status: RoundStatus) -> tuple[QuestionnaireSummary, ...]:
    """Responses and completeness per questionnaire, in the workspace's order."""
    out = []
    for qid, q in ws.questionnaires.items():
        done = [c for p in status.people for c in p.questionnaires
                if c.questionnaire == qid and c.answered]
        invited = sum(1 for p in status.people if p.invited
                      and any(c.questionnaire == qid for c in p.questionnaires))
        invited_answered = sum(1 for p in status.people if p.invited
                               and any(c.questionnaire == qid and c.answered
                                       for c in p.questionnaires))
        if not done and not invited:
            continue
        shares = [c.share for c in done if c.share is not None]
        out.append(QuestionnaireSummary(qid, q.title, len(done), invited, invited_answered,
                                        sum(shares) / len(shares) if shares else None,
                                        sum(c.dont_know for c in done)))
    return tuple(out)


def _natural(text: str) -> tuple[Any, ...]:
    """r2 before r10."""
    import re

    return tuple(int(part) if part.isdigit() else part.casefold()
                 for part in re.split(r"(\d+)", text))


def _completions(ws: Workspace, org: str, round_id: str
                 ) -> dict[tuple[str, str], tuple[str, Completion]]:
    """(respondent, questionnaire) → (role, completion), for every respondent's response."""
    frame = ws.answers
    out: dict[tuple[str, str], tuple[str, Completion]] = {}
    dates: dict[Path, tuple[dt.date | None, dt.date | None]] = {}
    for index, response in enumerate(ws.responses):
        if response.organisation != org or response.round != round_id or response.agreed:
            continue
        q = ws.questionnaires[response.questionnaire]
        rows = frame[frame["response"] == index]
        values: dict[str, dict[str, str]] = {}
        for question, view, value in zip(rows["question"].astype(str), rows["view"].astype(str),
                                         rows["value"].astype(str), strict=True):
            values.setdefault(view, {})[question] = value
        asked, given, dont_know = _counts(q, values)
        if response.path not in dates:
            dates[response.path] = _date(response.path)
        assert response.respondent is not None
        out[(response.respondent, q.id)] = (response.role, Completion(
            q.id, True, asked, given, dont_know, *dates[response.path], response.path))
    return out


def _counts(q: Questionnaire, values: Mapping[str, Mapping[str, str]]) -> tuple[int, int, int]:
    """Required questions asked, answered and answered "don't know", over the points of view;
    display rules are applied in question order, as the forms apply them."""
    asked = given = dont_know = 0
    for view in q.views:
        mine = values.get(view, {})
        shown: dict[str, str] = {}
        for qid, question in q.questions.items():
            condition = q.conditions.get(qid)
            if condition is not None and not condition.evaluate(shown, q.option_scores):
                continue
            if qid in mine:
                shown[qid] = mine[qid]
            if not question.required:
                continue
            asked += 1
            given += qid in mine
            dont_know += mine.get(qid) == "dont_know"
    return asked, given, dont_know


def _date(path: Path) -> tuple[dt.date | None, dt.date | None]:
    """The response's `date:` and the day its file last changed."""
    try:
        value = read_yaml(path).data.get("date")
    except (YamlProblem, OSError):
        value = None
    given = None
    if isinstance(value, dt.date):
        given = value
    elif value is not None:
        try:
            given = dt.date.fromisoformat(str(value))
        except ValueError:
            given = None
    try:
        modified = dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        modified = None
    return given, modified
