"""Score maturity questionnaires for every organisation, round and respondent at once.

The rules (documented for users in content/standards/maturity-model.md):

- attainment of an answer = its option's score ÷ the scale's top score; `dont_know` and
  unanswered criteria count as attainment 0 and never as met; `na` criteria are left out;
- a criterion is met when its attainment is at least `scoring.threshold`;
- staged level of a perspective = 0 if no applicable criterion has attainment above 0, else
  1 + the number of consecutive levels from 2 at which every applicable criterion is met
  (a level whose criteria are all N/A does not block);
- continuous score = 1 once any practice exists, + 4 × the mean over levels 2-5 of the
  weighted mean attainment of the level's applicable criteria (all-N/A levels left out);
- overall level = the lowest perspective level; overall score = weighted mean of perspectives;
- several respondents: per criterion the median attainment of those who rated it, with min
  and max; N/A only when N/A outnumbers all other answers together; agreed answers override;
- a perspective whose criteria are all N/A is not assessed (level and score NaN) and is left
  out of the overall level and score;
- scope profile: the criteria tagged `evidences: portfolio` (programme, project, office),
  across all perspectives, get a continuous score by the same formula, with per level the
  number of criteria that count and how many are met; no staged level (the staged level stays
  per perspective). A scope no criterion is tagged with is left out; one whose criteria are all
  N/A has score NaN.

Answers are scattered into respondent × criterion arrays; every rule is then an array
operation, looping only over the perspectives and levels of the model, never over answers.
"""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from ..models import SCOPES, Questionnaire
from .frames import (
    AGREED,
    DONT_KNOW,
    GROUP,
    HIDDEN,
    LEVEL,
    NA,
    QUESTION,
    RATED,
    RESPONSE,
    SCOPE,
    SECTION,
    STATUS,
    STATUS_NAMES,
    UNANSWERED,
    WEIGHT,
    Answers,
    Lookup,
    answers_for,
    hidden_mask,
    positions,
)

LEVELS = (2, 3, 4, 5)


@dataclass(frozen=True)
class MaturityTables:
    """Scores of one maturity questionnaire for every organisation and round.

    Attributes:
        criteria: One row per (organisation, round, question): status, attainment (median),
            low, high, rated, na, dont_know, hidden, respondents, agreed, disagreement, met.
        perspectives: One row per (organisation, round, section): level, score.
        overall: One row per (organisation, round): level, score.
        by_respondent: One row per (response, section): level, score.
        respondent_overall: One row per response: level, score.
        scopes: One row per (organisation, round, scope) the criteria are tagged with: score,
            criteria, counted, and counted_L and met_L for each level L from 2 to 5.
        respondent_scopes: The same per (response, scope).
    """

    questionnaire: Questionnaire
    criteria: pd.DataFrame
    perspectives: pd.DataFrame
    overall: pd.DataFrame
    by_respondent: pd.DataFrame
    respondent_overall: pd.DataFrame
    scopes: pd.DataFrame
    respondent_scopes: pd.DataFrame

    @cached_property
    def criteria_of(self) -> Lookup:
        return Lookup(self.criteria, GROUP)

    @cached_property
    def perspectives_of(self) -> Lookup:
        return Lookup(self.perspectives, GROUP)

    @cached_property
    def overall_of(self) -> Lookup:
        return Lookup(self.overall, GROUP)

    @cached_property
    def criteria_rows(self) -> dict[tuple[str, str], list[Any]]:
        """(organisation, round) → its criterion rows as named tuples, grouped in one pass."""
        frame = self.criteria
        # as `itertuples` makes them, but columns go to lists in C first: iterating a
        # categorical column in Python costs a microsecond a value
        row = namedtuple("Pandas", frame.columns, rename=True)  # type: ignore[misc]  # dynamic
        columns = [frame[c].tolist() for c in frame.columns]
        rows = list(map(row._make, zip(*columns, strict=True)))
        return {key: [rows[i] for i in found] for key, found in self.criteria_of.rows.items()}

    @cached_property
    def section_scores(self) -> dict[tuple[str, str], dict[str, tuple[float, float]]]:
        """(organisation, round) → {section: (level, score)}; NaN where not assessed."""
        out: dict[tuple[str, str], dict[str, tuple[float, float]]] = {}
        p = self.perspectives
        for org, rnd, section, level, score in zip(
            p[GROUP[0]], p[GROUP[1]], p[SECTION], p["level"], p["score"], strict=True
        ):
            out.setdefault((org, rnd), {})[section] = (level, score)
        return out

    @cached_property
    def overall_scores(self) -> dict[tuple[str, str], tuple[float, float]]:
        """(organisation, round) → (level, score)."""
        o = self.overall
        return {
            (org, rnd): (level, score)
            for org, rnd, level, score in zip(
                o[GROUP[0]], o[GROUP[1]], o["level"], o["score"], strict=True
            )
        }

    @cached_property
    def scopes_of(self) -> Lookup:
        return Lookup(self.scopes, GROUP)

    @cached_property
    def respondent_scopes_of(self) -> Lookup:
        return Lookup(self.respondent_scopes, [RESPONSE])

    @cached_property
    def respondent_sections_of(self) -> Lookup:
        return Lookup(self.by_respondent, [RESPONSE])

    @cached_property
    def respondent_overall_of(self) -> Lookup:
        return Lookup(self.respondent_overall, [RESPONSE])


@dataclass(frozen=True)
class _Model:
    """The questionnaire's scored criteria as arrays, in questionnaire order."""

    ids: list[str]
    section: np.ndarray
    level: np.ndarray
    weight: np.ndarray
    sections: list[str]
    section_weight: np.ndarray
    threshold: float
    scope: np.ndarray
    scopes: list[str]

    @classmethod
    def of(cls, q: Questionnaire) -> _Model:
        chosen = [(s, x) for s in q.sections for x in s.questions if x.type == "choice"]
        return cls(
            ids=[x.id for _, x in chosen],
            section=np.array([s.id for s, _ in chosen]),
            level=np.array([x.level or 0 for _, x in chosen]),
            weight=np.array([x.weight for _, x in chosen], dtype=float),
            sections=[s.id for s in q.sections],
            section_weight=np.array([s.weight for s in q.sections], dtype=float),
            threshold=q.scoring.threshold,
            scope=np.array([x.evidences or "" for _, x in chosen]),
            scopes=[s for s in SCOPES if any(x.evidences == s for _, x in chosen)],
        )


@dataclass(frozen=True)
class _Scored:
    """Each answer to a criterion, as codes: who gave it, which criterion, what it is worth."""

    person: np.ndarray  # row in Answers.people, or -1 for an agreed answer
    agreed: np.ndarray  # row in Answers.agreed, or -1
    column: np.ndarray  # criterion index in _Model.ids
    attainment: np.ndarray  # 0..1, NaN for na / dont_know
    status: np.ndarray  # RATED, NA or DONT_KNOW


def score_maturity(
    q: Questionnaire, answers: pd.DataFrame, responses: pd.DataFrame
) -> MaturityTables:
    """Staged levels and continuous scores of `q`, aggregated and per respondent."""
    model = _Model.of(q)
    a = answers_for(q, answers, responses)
    scored = _score_answers(q, a, model)

    att, st = _person_arrays(q, a, model, scored)
    levels, scores = _levels(att, st, model)
    by_respondent, respondent_overall = _tables(a.people[[RESPONSE]], levels, scores, model)
    respondent_scopes = _scopes(a.people[[RESPONSE]], att, st, model)

    agg = _aggregate(att, st, a, scored, model, q.scoring.disagreement)
    levels, scores = _levels(agg["attainment"], agg["status"], model)
    perspectives, overall = _tables(a.groups, levels, scores, model)
    criteria = _criteria_table(a.groups, agg, model)
    scopes = _scopes(a.groups, agg["attainment"], agg["status"], model)
    return MaturityTables(
        q, criteria, perspectives, overall, by_respondent, respondent_overall, scopes,
        respondent_scopes,
    )


def _score_answers(q: Questionnaire, a: Answers, model: _Model) -> _Scored:
    """Look up every answer's criterion, attainment and status through code tables."""
    column_of = np.array([model.ids.index(i) if i in model.ids else -1 for i in q.questions])
    vocabulary = sorted(
        {o.value for x in q.questions.values() for o in q.options(x)} | {"na", "dont_know"}
    )
    value = positions(a.value, vocabulary)
    worth = np.full((len(model.ids), len(vocabulary) + 1), np.nan)
    for j, qid in enumerate(model.ids):
        options = q.options(q.questions[qid])
        top = max(o.score for o in options) or 1.0
        for o in options:
            worth[j, vocabulary.index(o.value)] = o.score / top
    kind = np.full(len(vocabulary) + 1, RATED, dtype=np.int8)
    kind[vocabulary.index("na")], kind[vocabulary.index("dont_know")] = NA, DONT_KNOW
    column = column_of[a.question] if len(a.question) else np.zeros(0, dtype=np.int64)
    keep = (column >= 0) & (a.view == 0)
    column, value = column[keep], value[keep]
    return _Scored(
        person=a.person[keep],
        agreed=a.agreed_row[keep],
        column=column,
        attainment=worth[column, value],
        status=kind[value],
    )


def _person_arrays(
    q: Questionnaire, a: Answers, model: _Model, s: _Scored
) -> tuple[np.ndarray, np.ndarray]:
    """People × criteria arrays of attainment (NaN if none) and status codes."""
    shape = (len(a.people), len(model.ids))
    att = np.full(shape, np.nan)
    st = np.full(shape, UNANSWERED, dtype=np.int8)
    mine = s.person >= 0
    att[s.person[mine], s.column[mine]] = s.attainment[mine]
    st[s.person[mine], s.column[mine]] = s.status[mine]
    for qid, hidden in hidden_mask(a, q, view=0).items():
        if qid in model.ids:
            j = model.ids.index(qid)
            st[hidden & (st[:, j] == UNANSWERED), j] = HIDDEN
    return att, st


def _aggregate(
    att: np.ndarray, st: np.ndarray, a: Answers, s: _Scored, model: _Model, split: float
) -> dict[str, np.ndarray]:
    """Groups × criteria arrays: the respondents combined, then the agreed answers applied."""
    group = a.people["group"].to_numpy()
    n_groups = len(a.groups)
    rated = pd.DataFrame(np.where(st == RATED, att, np.nan))
    by = rated.groupby(group)
    full = pd.RangeIndex(n_groups)
    median = by.median().reindex(full).to_numpy()
    low = by.min().reindex(full).to_numpy()
    high = by.max().reindex(full).to_numpy()
    counts = {
        name: pd.DataFrame(st == code).groupby(group).sum().reindex(full, fill_value=0).to_numpy()
        for name, code in (
            ("rated", RATED),
            ("na", NA),
            ("dont_know", DONT_KNOW),
            ("hidden", HIDDEN),
        )
    }
    respondents = np.bincount(group, minlength=n_groups)
    n_rated, n_na, n_dk = counts["rated"], counts["na"], counts["dont_know"]
    status = np.select(
        [n_na > n_rated + n_dk, n_rated > 0, n_dk > 0, n_na + counts["hidden"] > 0],
        [NA, RATED, DONT_KNOW, NA],
        UNANSWERED,
    ).astype(np.int8)
    attainment = np.where(status == RATED, median, np.nan)
    disagreement = (np.nan_to_num(high - low) >= split - 1e-9) | ((n_na > 0) & (n_rated > 0))
    agreed = np.zeros_like(status, dtype=bool)
    pick = s.agreed >= 0
    rows = a.agreed["group"].to_numpy()[s.agreed[pick]] if pick.any() else np.zeros(0, int)
    attainment[rows, s.column[pick]] = s.attainment[pick]
    status[rows, s.column[pick]] = s.status[pick]
    agreed[rows, s.column[pick]] = True
    return {
        "attainment": attainment,
        "status": status,
        "low": low,
        "high": high,
        **counts,
        "respondents": np.repeat(respondents[:, None], len(model.ids), axis=1),
        "disagreement": disagreement,
        "agreed": agreed,
    }


def _levels(att: np.ndarray, st: np.ndarray, model: _Model) -> tuple[np.ndarray, np.ndarray]:
    """Rows × sections arrays of staged level and continuous score (NaN if not assessed)."""
    applicable, value, unmet = _rated(att, st, model)
    n = len(att)
    levels = np.full((n, len(model.sections)), np.nan)
    scores = np.full((n, len(model.sections)), np.nan)
    for k, section in enumerate(model.sections):
        in_section = model.section == section
        positive = (applicable[:, in_section] & (value[:, in_section] > 0)).any(axis=1)
        assessed = applicable[:, in_section].any(axis=1)
        run = np.zeros(n)
        still = np.ones(n, dtype=bool)
        for level in LEVELS:
            cols = in_section & (model.level == level)
            if not cols.any():
                run += still  # a level with no criteria cannot block
                continue
            still &= ~unmet[:, cols].any(axis=1)
            run += still
        levels[:, k] = np.where(assessed, np.where(positive, 1 + run, 0), np.nan)
        scores[:, k] = _continuous(applicable, value, in_section, model)
    return levels, scores


def _rated(
    att: np.ndarray, st: np.ndarray, model: _Model
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which criteria count (not N/A, not hidden), their attainment (0 where they do not
    count or were not rated), and which of those that count are not met."""
    applicable = (st != NA) & (st != HIDDEN)
    value = np.where(applicable, np.nan_to_num(att), 0.0)
    unmet = applicable & ~(np.nan_to_num(att, nan=-1.0) >= model.threshold)
    return applicable, value, unmet


def _continuous(
    applicable: np.ndarray, value: np.ndarray, group: np.ndarray, model: _Model
) -> np.ndarray:
    """The continuous score of the criteria in `group` for each row, NaN where none counts:
    1 once any practice exists, + 4 × the mean over levels 2-5 of each level's weighted mean
    attainment (levels without criteria that count are left out of the mean)."""
    n = len(applicable)
    positive = (applicable[:, group] & (value[:, group] > 0)).any(axis=1)
    assessed = applicable[:, group].any(axis=1)
    total = np.zeros(n)
    counted = np.zeros(n)
    for level in LEVELS:
        cols = group & (model.level == level)
        if not cols.any():
            continue
        weights = model.weight[cols] * applicable[:, cols]
        weight_sum = weights.sum(axis=1)
        has = weight_sum > 0
        total += np.where(
            has, (weights * value[:, cols]).sum(axis=1) / np.where(has, weight_sum, 1), 0
        )
        counted += has
    mean = np.where(counted > 0, total / np.where(counted > 0, counted, 1), 0.0)
    return np.where(assessed, positive + 4 * mean, np.nan)


def _scopes(keys: pd.DataFrame, att: np.ndarray, st: np.ndarray, model: _Model) -> pd.DataFrame:
    """One row per row of `keys` and scope: the continuous score of the scope's criteria
    (the perspective formula), how many criteria it has and count, and per level 2-5 how
    many count and how many of those are met."""
    applicable, value, unmet = _rated(att, st, model)
    keys = keys.reset_index(drop=True)
    parts = []
    for scope in model.scopes:
        group = model.scope == scope
        part = keys.copy()
        part[SCOPE] = scope
        part["score"] = _continuous(applicable, value, group, model)
        part["criteria"] = int(group.sum())
        part["counted"] = applicable[:, group].sum(axis=1)
        for level in LEVELS:
            cols = group & (model.level == level)
            part[f"counted_{level}"] = applicable[:, cols].sum(axis=1)
            part[f"met_{level}"] = (applicable[:, cols] & ~unmet[:, cols]).sum(axis=1)
        parts.append(part)
    if not parts:  # no criterion is tagged: an empty table with every column
        columns = [SCOPE, "score", "criteria", "counted"]
        columns += [f"{name}_{lv}" for lv in LEVELS for name in ("counted", "met")]
        return keys.iloc[0:0].assign(**{c: pd.Series(dtype=object) for c in columns})
    return pd.concat(parts, ignore_index=True)


def _tables(
    keys: pd.DataFrame, levels: np.ndarray, scores: np.ndarray, model: _Model
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Long per-section table and per-row overall table for rows identified by `keys`."""
    keys = keys.reset_index(drop=True)
    n, m = levels.shape
    per_section = keys.loc[np.repeat(np.arange(n), m)].reset_index(drop=True)
    per_section[SECTION] = np.tile(model.sections, n)
    per_section["level"] = levels.ravel()
    per_section["score"] = scores.ravel()
    weights = np.where(np.isnan(scores), 0.0, model.section_weight)
    weight_sum = weights.sum(axis=1)
    overall = keys.copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        overall["level"] = np.where(
            weight_sum > 0, np.nanmin(np.where(np.isnan(levels), np.inf, levels), axis=1), np.nan
        )
        overall["score"] = np.where(
            weight_sum > 0, (weights * np.nan_to_num(scores)).sum(axis=1) / weight_sum, np.nan
        )
    return per_section, overall


def _criteria_table(
    groups: pd.DataFrame, agg: dict[str, np.ndarray], model: _Model
) -> pd.DataFrame:
    n, m = agg["status"].shape
    table = groups.loc[np.repeat(np.arange(n), m)].reset_index(drop=True)
    table[QUESTION] = np.tile(model.ids, n)
    table[SECTION] = np.tile(model.section, n)
    table[LEVEL] = np.tile(model.level, n)
    table[WEIGHT] = np.tile(model.weight, n)
    table["attainment"] = agg["attainment"].ravel()
    for name in ("low", "high", "rated", "na", "dont_know", "hidden", "respondents"):
        table[name] = agg[name].ravel()
    table[STATUS] = STATUS_NAMES[agg["status"].ravel()]
    table["disagreement"] = agg["disagreement"].ravel()
    table[AGREED] = agg["agreed"].ravel()
    applicable = ~np.isin(agg["status"], (NA, HIDDEN))
    met = applicable & (np.nan_to_num(agg["attainment"], nan=-1.0) >= model.threshold)
    table["met"] = met.ravel()
    return table
