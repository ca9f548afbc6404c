"""Classify PMO type and operating model for every organisation, round and respondent at once.

Rules (documented for users in content/reference/classification-scoring.md):

- every answer option gives points to outcomes; the fit of an outcome is the weighted sum of
  the points it got over the answered questions ÷ the weighted sum of the most points any
  option of those questions could have given it (0 to 1);
- `na`, `dont_know` and hidden questions are left out of both sums;
- several respondents: each question's points are the mean over those who answered it, unless
  agreed answers give it;
- with outcome positions (a spectrum such as supportive 0 → directive 100), an answer's
  position is the point-weighted mean of its outcomes' positions, and a result's position is
  the weighted mean over questions; per section too, which is how hybrids are found.

Every sum is a `np.bincount` over integer keys: no Python loop per answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, cast

import numpy as np
import pandas as pd

from ..models import Questionnaire
from .frames import (
    GROUP,
    ORG,
    QUESTION,
    RESPONSE,
    ROUND,
    SECTION,
    VIEW,
    Answers,
    Lookup,
    answers_for,
    positions,
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

    @cached_property
    def disagreements_of(self) -> Lookup:
        return Lookup(self.disagreements, GROUP)

    # Plain dicts of the tables above, for reading one organisation at a time: a MultiIndex
    # lookup costs about a hundred times a dict's, and a roadmap makes dozens of them.

    @cached_property
    def fit_by_key(self) -> dict[tuple[str, ...], dict[str, float]]:
        """`fits` as (organisation, round, view) → {outcome: fit}."""
        columns = list(self.fits.columns)
        rows = self.fits.to_numpy().tolist()
        return {key: dict(zip(columns, row, strict=True))
                for key, row in zip(self.fits.index, rows, strict=True)}

    @cached_property
    def answered_by_key(self) -> dict[tuple[str, ...], Any]:
        return cast("dict[tuple[str, ...], Any]", self.answered.to_dict())

    @cached_property
    def position_by_key(self) -> dict[tuple[str, ...], Any]:
        return cast("dict[tuple[str, ...], Any]", self.positions.to_dict())

    @cached_property
    def section_position_by_key(self) -> dict[tuple[str, ...], Any]:
        return cast("dict[tuple[str, ...], Any]", self.section_positions.to_dict())


@dataclass(frozen=True)
class _Points:
    """Per (question, value) code: points per outcome and position; per question: maxima."""

    vocabulary: list[str]
    points: np.ndarray  # questions × values × outcomes
    position: np.ndarray  # questions × values (NaN without points or positions)
    maxima: np.ndarray  # questions × outcomes
    weight: np.ndarray  # questions
    section: np.ndarray  # questions: section index

    @classmethod
    def of(cls, q: Questionnaire) -> _Points:
        ids = list(q.questions)
        vocabulary = sorted({o.value for x in q.questions.values() for o in q.options(x)})
        outcomes = [o.id for o in q.outcomes]
        where = np.array([o.position if o.position is not None else np.nan for o in q.outcomes])
        points = np.zeros((len(ids), len(vocabulary) + 1, len(outcomes)))
        for i, qid in enumerate(ids):
            for option in q.options(q.questions[qid]):
                j = vocabulary.index(option.value)
                points[i, j] = [option.points.get(o, 0.0) for o in outcomes]
        total = points.sum(axis=2)
        with np.errstate(invalid="ignore", divide="ignore"):
            position = np.where(total > 0, (points * where).sum(axis=2) / total, np.nan)
        sections = [s.id for s in q.sections]
        return cls(
            vocabulary=vocabulary,
            points=points,
            position=position,
            maxima=points.max(axis=1),
            weight=np.array([q.questions[i].weight for i in ids]),
            section=np.array([sections.index(q.section_of[i].id) for i in ids]),
        )


def score_classification(
    q: Questionnaire, answers: pd.DataFrame, responses: pd.DataFrame
) -> ClassificationTables:
    """Fits per outcome (and positions on the spectrum) for `q`, aggregated and per respondent."""
    p = _Points.of(q)
    a = answers_for(q, answers, responses)
    value = positions(a.value, p.vocabulary)
    rated = value >= 0  # na, dont_know and free text have no code: left out
    n_q, n_v = len(q.questions), len(q.view_ids)
    outcomes = [o.id for o in q.outcomes]

    people = rated & (a.person >= 0)
    key = a.person[people] * n_v + a.view[people]
    pts = p.points[a.question[people], value[people]]
    fit_values = _fits_from(key, a.question[people], pts, len(a.people) * n_v, p)
    respondent_index = pd.MultiIndex.from_arrays(
        [np.repeat(a.people[RESPONSE].to_numpy(), n_v), np.tile(q.view_ids, len(a.people))],
        names=[RESPONSE, VIEW],
    )
    respondent_fits = pd.DataFrame(fit_values, index=respondent_index, columns=outcomes)
    respondent_fits = respondent_fits[np.bincount(key, minlength=len(respondent_index)) > 0]

    # mean points per (group, view, question), then agreed answers replace whole questions
    group = a.people["group"].to_numpy()[a.person[people]]
    cell = (group * n_v + a.view[people]) * n_q + a.question[people]
    size = len(a.groups) * n_v * n_q
    count = np.bincount(cell, minlength=size).astype(float)
    mean = _sum_by(cell, pts, size) / np.maximum(count, 1)[:, None]
    position = p.position[a.question[people], value[people]]
    has_position = ~np.isnan(position)
    position_count = np.bincount(cell[has_position], minlength=size).astype(float)
    position_mean = np.bincount(cell[has_position], position[has_position], minlength=size)
    position_mean = np.where(
        position_count > 0, position_mean / np.maximum(position_count, 1), np.nan
    )
    agreed = rated & (a.agreed_row >= 0)
    agreed_cell = (
        a.agreed["group"].to_numpy()[a.agreed_row[agreed]] * n_v + a.view[agreed]
    ) * n_q + a.question[agreed]
    mean[agreed_cell] = p.points[a.question[agreed], value[agreed]]
    position_mean[agreed_cell] = p.position[a.question[agreed], value[agreed]]
    answered = count > 0
    answered[agreed_cell] = True

    cells = np.flatnonzero(answered)
    question = cells % n_q
    group_view = cells // n_q
    fits = _fits_from(group_view, question, mean[cells], len(a.groups) * n_v, p)
    index = _group_index(a, q)
    return ClassificationTables(
        questionnaire=q,
        fits=pd.DataFrame(fits, index=index, columns=outcomes)[
            np.bincount(group_view, minlength=len(index)) > 0
        ],
        answered=pd.Series(np.bincount(group_view, minlength=len(index)), index=index),
        positions=_positions(group_view, question, position_mean[cells], p, index),
        section_positions=_section_positions(
            group_view, question, position_mean[cells], p, q, index
        ),
        disagreements=_disagreements(a, q, value, people, n_q, n_v, settled=agreed_cell),
        respondent_fits=respondent_fits,
    )


def _sum_by(key: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Column-wise sums of `values` (rows × k) by integer `key`, as a size × k array."""
    return np.stack(
        [np.bincount(key, values[:, k], minlength=size) for k in range(values.shape[1])], axis=1
    )


def _fits_from(
    key: np.ndarray, question: np.ndarray, points: np.ndarray, size: int, p: _Points
) -> np.ndarray:
    """Σ weight × points ÷ Σ weight × the most points possible, per key and outcome."""
    weight = p.weight[question][:, None]
    got = _sum_by(key, points * weight, size)
    best = _sum_by(key, p.maxima[question] * weight, size)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(best > 0, got / np.where(best > 0, best, 1), 0.0)


def _group_index(a: Answers, q: Questionnaire) -> pd.MultiIndex:
    n_v = len(q.view_ids)
    return pd.MultiIndex.from_arrays(
        [
            np.repeat(a.groups[ORG].astype(str).to_numpy(), n_v),
            np.repeat(a.groups[ROUND].astype(str).to_numpy(), n_v),
            np.tile(q.view_ids, len(a.groups)),
        ],
        names=[ORG, ROUND, VIEW],
    )


def _positions(
    group_view: np.ndarray,
    question: np.ndarray,
    position: np.ndarray,
    p: _Points,
    index: pd.MultiIndex,
) -> pd.Series:
    has = ~np.isnan(position)
    weight = p.weight[question[has]]
    total = np.bincount(group_view[has], weight * position[has], minlength=len(index))
    weight_sum = np.bincount(group_view[has], weight, minlength=len(index))
    result = pd.Series(
        np.where(weight_sum > 0, total / np.maximum(weight_sum, 1e-12), np.nan),
        index=index,
        name=POSITION,
    )
    return result.dropna()


def _section_positions(
    group_view: np.ndarray,
    question: np.ndarray,
    position: np.ndarray,
    p: _Points,
    q: Questionnaire,
    index: pd.MultiIndex,
) -> pd.Series:
    sections = [s.id for s in q.sections]
    key = group_view * len(sections) + p.section[question]
    long_index = pd.MultiIndex.from_arrays(
        [
            np.repeat(index.get_level_values(0), len(sections)),
            np.repeat(index.get_level_values(1), len(sections)),
            np.repeat(index.get_level_values(2), len(sections)),
            np.tile(sections, len(index)),
        ],
        names=[*GROUP, VIEW, SECTION],
    )
    return _positions(key, question, position, p, long_index)


def _disagreements(
    a: Answers,
    q: Questionnaire,
    value: np.ndarray,
    people: np.ndarray,
    n_q: int,
    n_v: int,
    settled: np.ndarray,
) -> pd.DataFrame:
    """(organisation, round, view, question) where 2+ answered, no answer has a majority,
    and no agreed answer settles it."""
    n_values = max(int(value.max()) + 1, 1) if len(value) else 1  # all N/A codes are -1
    group = a.people["group"].to_numpy()[a.person[people]]
    cell = (group * n_v + a.view[people]) * n_q + a.question[people]
    choice = cell * n_values + value[people]
    counts = np.bincount(choice, minlength=len(a.groups) * n_v * n_q * n_values)
    counts = counts.reshape(-1, n_values)
    total, top = counts.sum(axis=1), counts.max(axis=1)
    split = (total >= 2) & (top * 2 <= total)
    split[settled] = False
    split = np.flatnonzero(split)
    g, rest = np.divmod(split, n_v * n_q)
    view, question = np.divmod(rest, n_q)
    return pd.DataFrame(
        {
            ORG: a.groups[ORG].astype(str).to_numpy()[g],
            ROUND: a.groups[ROUND].astype(str).to_numpy()[g],
            VIEW: np.array(q.view_ids)[view],
            QUESTION: np.array(list(q.questions))[question],
        }
    )
