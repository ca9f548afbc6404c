"""Scoring: answers in, levels, scores and classifications out (no I/O, no rendering).

`score_workspace` scores every questionnaire for every organisation and round in one
vectorised pass; `scorecard` extracts one organisation's round as plain records.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from ..errors import GeneratorError
from ..workspace import Workspace
from .classification import ClassificationTables, score_classification
from .frames import AGREED, ORG, ROUND, Lookup, response_frame
from .maturity import MaturityTables, score_maturity
from .results import Scorecard
from .scorecard import classification_result, maturity_result, respondent_results
from .services import ServicesTables, score_services, services_result


@dataclass(frozen=True)
class ScoreTables:
    """Every questionnaire scored for every organisation, round and respondent."""

    responses: pd.DataFrame
    maturity: tuple[MaturityTables, ...]
    classifications: tuple[ClassificationTables, ...]
    services: tuple[ServicesTables, ...] = ()

    @cached_property
    def responses_of(self) -> Lookup:
        """Responses by (organisation, round)."""
        return Lookup(self.responses, [ORG, ROUND])

    @cached_property
    def rounds_of(self) -> Lookup:
        """Responses by organisation."""
        return Lookup(self.responses, [ORG])


def score_workspace(ws: Workspace) -> ScoreTables:
    responses = response_frame(ws.responses)
    maturity = []
    classifications = []
    services = []
    for q in ws.questionnaires.values():
        if q.kind == "maturity":
            maturity.append(score_maturity(q, ws.answers, responses))
        elif q.kind == "services":
            services.append(score_services(q, ws.answers, responses))
        else:
            classifications.append(score_classification(q, ws.answers, responses))
    return ScoreTables(responses, tuple(maturity), tuple(classifications), tuple(services))


def answered_rounds(ws: Workspace, tables: ScoreTables, org_id: str) -> list[str]:
    """The organisation's rounds that have answers, oldest first."""
    org = ws.organisation(org_id)
    present = set(tables.rounds_of(org_id)[ROUND])
    return [r.id for r in org.rounds_by_date if r.id in present]


def scorecard(
    ws: Workspace,
    tables: ScoreTables,
    org_id: str,
    round_id: str | None = None,
    *,
    respondents: bool = True,
) -> Scorecard:
    """One organisation's results for a round (default: its latest round with answers).

    `respondents=False` leaves out each respondent's own results (planning needs none).
    """
    org = ws.organisation(org_id)
    rounds = answered_rounds(ws, tables, org_id)
    if round_id is None:
        if not rounds:
            raise GeneratorError(
                f"organisation '{org_id}' has no answers yet; add response "
                f"files under assessments/orgs/{org_id}/"
            )
        round_id = rounds[-1]
    elif round_id not in {r.id for r in org.rounds}:
        known = ", ".join(r.id for r in org.rounds_by_date)
        raise GeneratorError(f"unknown round '{round_id}' for '{org_id}'; expected one of: {known}")
    elif round_id not in rounds:
        raise GeneratorError(f"round '{round_id}' of '{org_id}' has no answers yet")
    earlier = rounds[: rounds.index(round_id)]
    previous = earlier[-1] if earlier else None
    people = tables.responses_of(org_id, round_id)
    people = people[~people[AGREED]]
    counts = people.groupby("questionnaire").size()
    maturity = [maturity_result(t, org_id, round_id, previous) for t in tables.maturity]
    classifications = [
        classification_result(t, org_id, round_id, previous, int(counts.get(t.questionnaire.id, 0)))
        for t in tables.classifications
    ]
    services = [services_result(t, org_id, round_id) for t in tables.services]
    label = next(r.label for r in org.rounds if r.id == round_id)
    return Scorecard(
        organisation=org.id,
        name=org.name,
        round=round_id,
        round_label=label,
        previous_round=previous,
        maturity=tuple(m for m in maturity if m is not None),
        classifications=tuple(c for c in classifications if c is not None),
        services=tuple(s for s in services if s is not None),
        respondents=respondent_results(people, tables.maturity, tables.classifications)
        if respondents
        else (),
    )


__all__ = ["ScoreTables", "Scorecard", "answered_rounds", "score_workspace", "scorecard"]
