"""Classify PMO type and operating model for every organisation, round and respondent at once.

Rules (documented for users in content/reference/scoring.md):

- every answer option gives points to outcomes; the fit of an outcome is the weighted sum of
  the points it got over the answered questions ÷ the weighted sum of the most points any
  option of those questions could have given it (0 to 1);
- `na`, `dont_know` and hidden questions are left out of both sums;
- several respondents: each question's points are the mean over those who answered it, unless
  agreed answers give it;
- with outcome positions (a spectrum such as supportive 0 → directive 100), an answer's
  position is the point-weighted mean of its outcomes' positions, and a result's position is
  the weighted mean over questions; per section too, which is how hybrids are found.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..models import Questionnaire
from .frames import (
    AGREED,
    GROUP,
    QUESTION,
    RESPONSE,
    SECTION,
    STATUS,
    VALUE,
    VIEW,
    WEIGHT,
    answers_for,
)

POSITION = "position"


@dataclass(frozen=True)
class ClassificationTables:
    """Results of one classification questionnaire for every organisation and round.

    Attributes:
        fits: Index (organisation, round, view), one column per outcome id, values 0 to 1.
        answered: Index (organisation, round, view): number of questions answered.
        positions: Index (organisation, round, view): position, for spectrum questionnaires.
        section_positions: Index (organisation, round, view, section): position.
        disagreements: Rows (organisation, round, view, question) without a majority answer.
        respondent_fits: Index (response, view), one column per outcome id.
    """

    questionnaire: Questionnaire
    fits: pd.DataFrame
    answered: pd.Series
    positions: pd.Series
    section_positions: pd.Series
    disagreements: pd.DataFrame
    respondent_fits: pd.DataFrame


def score_classification(
    q: Questionnaire, answers: pd.DataFrame, responses: pd.DataFrame
) -> ClassificationTables:
    """Fits per outcome (and positions on the spectrum) for `q`, aggregated and per respondent."""
    _, rows = answers_for(q, answers, responses)
    rated = rows[rows[STATUS] == "rated"]  # hidden questions have no rows: nothing to exclude
    outcomes = [o.id for o in q.outcomes]
    points, maxima = _points(q)
    rated = rated.merge(points, on=[QUESTION, VALUE], how="left")
    rated = rated.merge(_questions(q), on=QUESTION, how="left")

    people = rated[~rated[AGREED]]
    respondent_fits = _fits(people, [RESPONSE, VIEW], outcomes, maxima)

    keys = [*GROUP, VIEW, QUESTION]
    per_question = people.groupby(keys)[[*outcomes, POSITION]].mean()
    agreed = rated[rated[AGREED]].drop_duplicates(keys, keep="last").set_index(keys)
    per_question = pd.concat(
        [  # an agreed answer replaces the respondents' whole row
            per_question.drop(agreed.index, errors="ignore"),
            agreed[[*outcomes, POSITION]],
        ]
    ).reset_index()
    per_question = per_question.merge(_questions(q), on=QUESTION, how="left")

    group = [*GROUP, VIEW]
    fits = _fits(per_question, group, outcomes, maxima)
    answered = per_question.groupby(group).size()
    positions = _positions(per_question, group)
    section_positions = _positions(per_question, [*group, SECTION])
    return ClassificationTables(
        questionnaire=q,
        fits=fits,
        answered=answered,
        positions=positions,
        section_positions=section_positions,
        disagreements=_disagreements(people, keys),
        respondent_fits=respondent_fits,
    )


def _points(q: Questionnaire) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(question, value) → points per outcome and answer position; and each question's maxima."""
    outcomes = [o.id for o in q.outcomes]
    positions = np.array([o.position if o.position is not None else np.nan for o in q.outcomes])
    records = []
    for question in q.questions.values():
        if question.type != "choice":
            continue
        for option in q.options(question):
            records.append(
                (question.id, option.value, *[float(option.points.get(o, 0.0)) for o in outcomes])
            )
    table = pd.DataFrame(records, columns=[QUESTION, VALUE, *outcomes])
    pts = table[outcomes].to_numpy()
    total = pts.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        table[POSITION] = np.where(total > 0, (pts * positions).sum(axis=1) / total, np.nan)
    maxima = table.groupby(QUESTION)[outcomes].max()
    return table, maxima


def _questions(q: Questionnaire) -> pd.DataFrame:
    return pd.DataFrame(
        [
            (question.id, section.id, question.weight)
            for section in q.sections
            for question in section.questions
        ],
        columns=[QUESTION, SECTION, WEIGHT],
    )


def _fits(
    rows: pd.DataFrame, keys: list[str], outcomes: list[str], maxima: pd.DataFrame
) -> pd.DataFrame:
    """Per group: Σ weight × points ÷ Σ weight × the most points possible, per outcome."""
    weights = rows[WEIGHT].to_numpy()[:, None]
    got = pd.DataFrame(rows[outcomes].to_numpy() * weights, columns=outcomes, index=rows.index)
    best = maxima.reindex(rows[QUESTION]).to_numpy() * weights
    possible = pd.DataFrame(best, columns=outcomes, index=rows.index)
    by = [rows[k] for k in keys]
    numerator = got.groupby(by).sum()
    denominator = possible.groupby(by).sum()
    return (numerator / denominator.where(denominator > 0)).fillna(0.0)


def _positions(rows: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Weighted mean answer position per group (NaN where no answer has a position)."""
    has = rows[POSITION].notna()
    weighted = rows.loc[has].assign(wp=lambda r: r[WEIGHT] * r[POSITION])
    sums = weighted.groupby(keys)[["wp", WEIGHT]].sum()
    return (sums["wp"] / sums[WEIGHT]).rename(POSITION)


def _disagreements(people: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Questions where at least two respondents answered and no answer has a majority."""
    counts = people.groupby([*keys, VALUE]).size()
    summary = counts.groupby(keys).agg(["max", "sum"])
    split = summary[(summary["sum"] >= 2) & (summary["max"] * 2 <= summary["sum"])]
    return split.reset_index()[keys]
