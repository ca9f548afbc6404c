"""Everything one organisation's report shows, gathered as plain records for the templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...models import Lesson, Organisation
from ...models.ids import MATURITY_ID, MODEL_ID, TYPE_ID
from ...scoring import ScoreTables, answered_rounds, scorecard
from ...scoring.results import ClassificationResult, MaturityResult, Scorecard
from ...scoring.scorecard import one_decimal
from ...scoring.services import ServicesResult
from ...workspace import Workspace

if TYPE_CHECKING:
    from ...planning import Roadmap


@dataclass(frozen=True)
class Evidence:
    """What one respondent wrote to back an answer."""

    role: str
    evidence: str
    notes: str


@dataclass(frozen=True)
class RoundPoint:
    """One round's overall result, for the trend."""

    round: str
    date: dt.date
    label: str
    level: int | None
    score: float | None
    perspectives: tuple[tuple[str, int | None, float | None], ...]


@dataclass(frozen=True)
class OrgReport:
    """One organisation's report: its latest scorecard, history, roadmap and context."""

    org: Organisation
    card: Scorecard
    history: tuple[RoundPoint, ...]
    roadmap: Roadmap | None
    evidence: Mapping[str, tuple[Evidence, ...]]
    """By criterion id, from the latest round's answers."""
    lessons: Mapping[str, tuple[Lesson, ...]] = field(default_factory=dict)
    """By perspective: lessons tagged with it that suit the PMO type needed."""

    @property
    def maturity(self) -> MaturityResult | None:
        return next((m for m in self.card.maturity if m.questionnaire == MATURITY_ID), None)

    @property
    def pmo_type(self) -> ClassificationResult | None:
        return next((c for c in self.card.classifications if c.questionnaire == TYPE_ID), None)

    @property
    def operating_model(self) -> ClassificationResult | None:
        return next((c for c in self.card.classifications if c.questionnaire == MODEL_ID), None)

    @property
    def services(self) -> ServicesResult | None:
        return self.card.services[0] if self.card.services else None

    def target(self, perspective: str) -> int | None:
        if self.roadmap is None:
            return None
        return next((t.target for t in self.roadmap.targets if t.perspective == perspective),
                    None)


def org_report(ws: Workspace, tables: ScoreTables, org_id: str,
               roadmap: Roadmap | None, round_id: str | None = None) -> OrgReport:
    """The report of `round_id` (default: the latest round with answers); its history ends
    with that round."""
    card = scorecard(ws, tables, org_id, round_id)
    rounds = answered_rounds(ws, tables, org_id)
    rounds = rounds[: rounds.index(card.round) + 1]
    history = tuple(_point(ws, tables, org_id, r) for r in rounds)
    return OrgReport(
        org=ws.organisation(org_id),
        card=card,
        history=history,
        roadmap=roadmap,
        evidence=_evidence(ws, tables, org_id, card.round),
        lessons=_lessons(ws.lessons, roadmap),
    )


def _point(ws: Workspace, tables: ScoreTables, org_id: str, round_id: str) -> RoundPoint:
    """One round's overall and per-perspective results, read straight from the score tables."""
    rnd = next(r for r in ws.organisation(org_id).rounds if r.id == round_id)
    maturity = next((t for t in tables.maturity if t.questionnaire.id == MATURITY_ID), None)
    level = score = None
    perspectives: tuple[tuple[str, int | None, float | None], ...] = ()
    if maturity is not None and (org_id, round_id) in maturity.overall_scores:
        level, score = maturity.overall_scores[(org_id, round_id)]
        sections = maturity.section_scores.get((org_id, round_id), {})
        perspectives = tuple(
            (s.id, _int(sections.get(s.id, (None, None))[0]),
             _one(sections.get(s.id, (None, None))[1]))
            for s in maturity.questionnaire.sections
        )
    return RoundPoint(round=round_id, date=rnd.date, label=rnd.label, level=_int(level),
                      score=_one(score), perspectives=perspectives)


def _int(value: float | None) -> int | None:
    return None if value is None or value != value else int(value)


_one = one_decimal  # one decimal, halves up, as every displayed score


def _evidence(ws: Workspace, tables: ScoreTables, org_id: str, round_id: str
              ) -> dict[str, tuple[Evidence, ...]]:
    """Evidence and notes given in the round, by question, with the respondent's role."""
    people = tables.responses_of(org_id, round_id)
    if people.empty:
        return {}
    answers = ws.answers
    rows = answers[answers["response"].isin(people["response"])]
    rows = rows[(rows["evidence"].astype(str) != "") | (rows["notes"].astype(str) != "")]
    if rows.empty:
        return {}
    rows = rows.merge(people[["response", "role", "agreed"]], on="response")
    out: dict[str, list[Evidence]] = {}
    seen: set[tuple[str, str, str]] = set()
    for question, role, agreed, evidence, notes in zip(
        rows["question"].astype(str), rows["role"], rows["agreed"],
        rows["evidence"].astype(str), rows["notes"].astype(str), strict=True,
    ):
        key = (question, evidence, notes)  # the two views of one answer share their evidence
        if key in seen:
            continue
        seen.add(key)
        who = "Agreed in the workshop" if agreed else (role or "Respondent")
        out.setdefault(question, []).append(Evidence(who, evidence, notes))
    return {k: tuple(v) for k, v in out.items()}


def _lessons(lessons: Mapping[str, Lesson], roadmap: Roadmap | None
             ) -> dict[str, tuple[Lesson, ...]]:
    """Lessons by perspective, most useful first: those behind the planned actions, then those
    written for the PMO type needed, then the rest; lessons for other types are left out."""
    needed = roadmap.needed_type if roadmap else None
    planned = ({ident for a in [*roadmap.actions, *roadmap.deferred] for ident in a.lessons}
               if roadmap else set())

    def rank(lesson: Lesson) -> tuple[int, int, str]:
        return (lesson.id not in planned, not (needed and needed in lesson.pmo_types), lesson.id)

    out: dict[str, list[Lesson]] = {}
    for lesson in sorted(lessons.values(), key=rank):
        if lesson.pmo_types and needed and needed not in lesson.pmo_types:
            continue
        for perspective in lesson.perspectives:
            out.setdefault(perspective, []).append(lesson)
    return {k: tuple(v) for k, v in out.items()}


__all__ = ["Evidence", "OrgReport", "RoundPoint", "org_report"]
