"""What the planner knows about one organisation's assessed round, read from its scores and
its answers: levels, unmet criteria, the office it has and needs, the answers that show set-up
work done, the evidence respondents gave, the previous round's levels and its size."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ..errors import GeneratorError
from ..models import Questionnaire
from ..models.ids import MATURITY_ID, MODEL_ID, TYPE_ID
from ..scoring import ScoreTables
from ..scoring.results import ClassificationResult, CriterionResult, Scorecard
from ..scoring.services import QUADRANT_TITLES
from ..workspace import Workspace
from .results import Finding, Quote, Size

NO_SIZE = Size(None, None, None)
NO_OFFICE_ANSWER = "no-office"
"""The answer to PT-04 or PT-14 (current view) that says there is no office yet."""
AGREED_ROLE = "Agreed in the workshop"


@dataclass(frozen=True)
class Situation:
    """What the planner needs to know about one organisation's assessed round.

    Attributes:
        levels: Current staged level per perspective (perspectives not assessed are absent).
        unmet: Unmet, applicable criteria by (perspective, level), each as (id, answer).
        round_date: When the round took place; the default start is the next month.
        current_type: The office there is (best fit of the current view); None: no office.
        previous_levels: Levels in the previous round, by perspective.
        answers: The current-view answer most respondents gave (or the agreed one) to each
            question of the PMO type and operating-model questionnaires, by question id;
            questions without a majority answer are absent.
        findings: What was found about each criterion and classification question, by id.
        size: The organisation's size in numbers, which sizes efforts.
    """

    organisation: str
    name: str
    round: str
    round_date: dt.date
    perspectives: tuple[tuple[str, str], ...]
    levels: Mapping[str, int]
    unmet: Mapping[tuple[str, int], tuple[tuple[str, str], ...]]
    current_type: str | None
    needed_type: str | None
    current_model: str | None
    target_model: str | None
    titles: Mapping[str, str]
    """Titles of PMO types and operating models by outcome id."""
    previous_round: str | None = None
    previous_levels: Mapping[str, int] = field(default_factory=dict)
    answers: Mapping[str, str] = field(default_factory=dict)
    findings: Mapping[str, Finding] = field(default_factory=dict)
    size: Size = NO_SIZE
    improve_first: Mapping[str, str] = field(default_factory=dict)
    """Services in the services survey's *improve first* quadrant: id → how they were rated."""
    services: Mapping[str, str] = field(default_factory=dict)
    """Every service rated on both questions: id → its quadrant and ratings, in words."""

    @cached_property
    def unmet_ids(self) -> frozenset[str]:
        return frozenset(c for items in self.unmet.values() for c, _ in items)

    @cached_property
    def unmet_answers(self) -> dict[str, str]:
        return {c: answer for items in self.unmet.values() for c, answer in items}

    def finding(self, ident: str) -> Finding:
        """What was found about a criterion or question (its bare answer if nothing more)."""
        found = self.findings.get(ident)
        if found is not None:
            return found
        answer = self.unmet_answers.get(ident)
        if answer is not None:
            return Finding(ident, "criterion", "", answer, False, "", False, ())
        if ident in self.answers:
            return Finding(ident, "question", "", self.answers[ident], True, "", False, ())
        return Finding(ident, "criterion", "", "met", True, "", False, ())

    def title(self, outcome: str | None, default: str) -> str:
        return self.titles.get(outcome or "", default) if outcome else default


def situation_of(ws: Workspace, tables: ScoreTables, card: Scorecard) -> Situation:
    """The planner's view of a scorecard, with the evidence from the round's answers."""
    maturity = next((m for m in card.maturity if m.questionnaire == MATURITY_ID), None)
    if maturity is None:
        raise GeneratorError(
            f"'{card.organisation}' has no answers to '{MATURITY_ID}' in round {card.round}; "
            "a roadmap starts from the maturity scores"
        )
    unmet: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for c in maturity.criteria:
        if not c.met and c.status != "na":
            unmet.setdefault((c.perspective, c.level), []).append((c.id, c.answer))
    kinds = {c.questionnaire: c for c in card.classifications}
    titles = {
        o.id: o.title
        for qid in (TYPE_ID, MODEL_ID)
        if qid in ws.questionnaires
        for o in ws.questionnaires[qid].outcomes
    }
    org = ws.organisation(card.organisation)
    quotes, answers, shares = _read_answers(ws, tables, card)
    findings = _Findings({c.id: c for c in maturity.criteria}, quotes, answers, shares,
                         _classification_questions(ws))
    no_office = any(answers.get(q) == NO_OFFICE_ANSWER for q in ("PT-04", "PT-14"))
    return Situation(
        organisation=card.organisation,
        name=card.name,
        round=card.round,
        round_date=next(r.date for r in org.rounds if r.id == card.round),
        perspectives=tuple((p.id, p.title) for p in maturity.perspectives),
        levels={p.id: p.level for p in maturity.perspectives if p.level is not None},
        unmet={k: tuple(v) for k, v in unmet.items()},
        current_type=None if no_office else _best(kinds.get(TYPE_ID), "current"),
        needed_type=_best(kinds.get(TYPE_ID), "target"),
        current_model=_label(kinds.get(MODEL_ID), "current"),
        target_model=_label(kinds.get(MODEL_ID), "target"),
        titles=titles,
        previous_round=card.previous_round,
        previous_levels={
            p.id: p.previous_level for p in maturity.perspectives if p.previous_level is not None
        },
        answers=answers,
        findings=findings,
        size=Size(org.sizing.staff, org.sizing.initiatives, org.sizing.units),
        improve_first={
            s.id: f"{s.title} (importance {s.importance:.2f}, satisfaction {s.satisfaction:.2f})"
            for survey in card.services for s in survey.grid.in_quadrant("improve-first")
        },
        services={
            s.id: f"{s.title} is {QUADRANT_TITLES[s.quadrant].lower()} (importance "
                  f"{s.importance:.2f}, satisfaction {s.satisfaction:.2f})"
            for survey in card.services for s in survey.grid.services if s.quadrant
        },
    )


def _criterion_finding(c: CriterionResult, quotes: tuple[Quote, ...]) -> Finding:
    answer = {"na": "N/A", "dont_know": "don't know", "unanswered": "not answered"}.get(
        c.status, c.answer
    )
    met = c.met or c.status == "na"
    return Finding(c.id, "criterion", c.text, answer, met, c.spread, c.disagreement, quotes)


def _read_answers(
    ws: Workspace, tables: ScoreTables, card: Scorecard
) -> tuple[dict[str, tuple[Quote, ...]], dict[str, str], dict[str, str]]:
    """Evidence and notes by question; the current-view majority answers of the
    classification questionnaires; and for each question answered, how many gave it."""
    people = tables.responses_of(card.organisation, card.round)
    index = ws.answer_rows
    found = [index[r] for r in people["response"].tolist() if r in index]
    if not found:
        return {}, {}, {}
    rows = np.concatenate(found)
    who = {
        r: (AGREED_ROLE if agreed else (role or "Respondent"), bool(agreed))
        for r, role, agreed in zip(
            people["response"].tolist(), people["role"].tolist(), people["agreed"].tolist(),
            strict=True,
        )
    }
    text = ws.answer_text
    question, view, value, evidence, notes, response = (
        text[c][rows] for c in ("question", "view", "value", "evidence", "notes", "response"))
    quotes: dict[str, list[Quote]] = {}
    seen: set[tuple[str, str, str]] = set()
    for i in np.flatnonzero((evidence != "") | (notes != "")).tolist():
        key = (question[i], evidence[i], notes[i])
        if key in seen:  # the two views of one answer share their evidence
            continue
        seen.add(key)
        role, agreed = who[response[i]]
        bucket = quotes.setdefault(question[i], [])
        bucket.insert(0 if agreed else len(bucket), Quote(role, evidence[i], notes[i]))
    classified = _classification_questions(ws)
    votes: dict[str, Counter[str]] = {}
    settled: dict[str, str] = {}
    counted = (view == "current") & (value != "na") & (value != "dont_know")
    for i in np.flatnonzero(counted).tolist():
        if question[i] not in classified:
            continue
        if who[response[i]][1]:
            settled[question[i]] = value[i]
        else:
            votes.setdefault(question[i], Counter())[value[i]] += 1
    answers: dict[str, str] = {}
    shares: dict[str, str] = {}
    for q in {*settled, *votes}:
        answer, shares[q] = _majority(settled.get(q), votes.get(q))
        if answer is not None:
            answers[q] = answer
    return {k: tuple(v) for k, v in quotes.items()}, answers, shares


class _Findings(Mapping[str, Finding]):
    """What was found about each criterion and classification question, each record made
    when first asked for (a plan cites only a few of them)."""

    def __init__(self, criteria: Mapping[str, CriterionResult],
                 quotes: Mapping[str, tuple[Quote, ...]], answers: Mapping[str, str],
                 shares: Mapping[str, str], questions: Mapping[str, Questionnaire]) -> None:
        self._criteria, self._quotes = criteria, quotes
        self._answers, self._shares, self._questions = answers, shares, questions
        self._made: dict[str, Finding] = {}

    def __getitem__(self, ident: str) -> Finding:
        found = self._made.get(ident)
        if found is None:
            found = self._made[ident] = self._make(ident)
        return found

    def _make(self, ident: str) -> Finding:
        quotes = self._quotes.get(ident, ())
        if ident in self._criteria:
            return _criterion_finding(self._criteria[ident], quotes)
        q = self._questions.get(ident)
        if q is None:
            raise KeyError(ident)
        answer = self._answers.get(ident)
        share = self._shares.get(ident, "")
        label = _option_label(q, ident, answer) if answer else (
            "no majority answer" if share else "not answered")
        return Finding(ident, "question", q.questions[ident].text, label, answer is not None,
                       share, answer is None and bool(share), quotes)

    def __iter__(self) -> Iterator[str]:
        return iter([*self._criteria, *(q for q in self._questions if q not in self._criteria)])

    def __len__(self) -> int:
        return len(self._criteria) + len(set(self._questions) - set(self._criteria))


def _majority(agreed: str | None, votes: Counter[str] | None) -> tuple[str | None, str]:
    """The agreed answer, else the answer more than half of the respondents gave."""
    if agreed is not None:
        return agreed, "agreed in the workshop"
    if not votes:
        return None, ""
    total = sum(votes.values())
    value, count = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if count * 2 > total:
        return value, (f"all {total} respondents" if count == total and total > 1
                       else f"{count} of {total} respondent{'s' if total != 1 else ''}")
    return None, f"{len(votes)} different answers from {total} respondents"


def _classification_questions(ws: Workspace) -> dict[str, Questionnaire]:
    return {
        qid: ws.questionnaires[k]
        for k in (TYPE_ID, MODEL_ID)
        if k in ws.questionnaires
        for qid in ws.questionnaires[k].questions
    }


def _option_label(q: Questionnaire, question: str, value: str) -> str:
    return next((o.label for o in q.options(q.questions[question]) if o.value == value), value)


def _best(result: ClassificationResult | None, view: str) -> str | None:
    match = result.view(view) if result else None
    return match.best[0] if match and match.best else None


def _label(result: ClassificationResult | None, view: str) -> str | None:
    match = result.view(view) if result else None
    return match.position_label if match else None
