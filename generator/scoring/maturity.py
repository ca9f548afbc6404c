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
  and max; N/A only when more respondents say N/A than anything else; agreed answers override.

Everything is a groupby over the whole answer table: no Python loop per answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..models import Questionnaire
from .frames import (
    AGREED,
    GROUP,
    LEVEL,
    ORG,
    QUESTION,
    RESPONSE,
    ROUND,
    SECTION,
    STATUS,
    VALUE,
    WEIGHT,
    answers_for,
    hidden_rows,
)

LEVELS = [2, 3, 4, 5]
ATTAINMENT = "attainment"


@dataclass(frozen=True)
class MaturityTables:
    """Scores of one maturity questionnaire for every organisation and round.

    Attributes:
        criteria: One row per (organisation, round, question): status, attainment (median),
            low, high, rated, na, dont_know, respondents, agreed, disagreement, met.
        perspectives: One row per (organisation, round, section): level, score.
        overall: One row per (organisation, round): level, score.
        by_respondent: One row per (response, section): level, score.
        respondent_overall: One row per response: level, score.
    """

    questionnaire: Questionnaire
    criteria: pd.DataFrame
    perspectives: pd.DataFrame
    overall: pd.DataFrame
    by_respondent: pd.DataFrame
    respondent_overall: pd.DataFrame


def score_maturity(
    q: Questionnaire, answers: pd.DataFrame, responses: pd.DataFrame
) -> MaturityTables:
    """Staged levels and continuous scores of `q`, aggregated and per respondent."""
    mine, rows = answers_for(q, answers, responses)
    rows = pd.concat([rows, hidden_rows(q, rows, mine)], ignore_index=True)
    rows = rows.merge(_attainments(q), on=[QUESTION, VALUE], how="left")
    catalogue = _catalogue(q)
    people = rows[~rows[AGREED]]

    per_person = _grid(mine.loc[~mine[AGREED], [RESPONSE]], catalogue)
    per_person = per_person.merge(
        people[[RESPONSE, QUESTION, STATUS, ATTAINMENT]], on=[RESPONSE, QUESTION], how="left"
    )
    per_person[STATUS] = per_person[STATUS].fillna("unanswered")
    by_respondent, respondent_overall = _levels(per_person, [RESPONSE], q)

    criteria = _aggregate(q, mine, rows, catalogue)
    perspectives, overall = _levels(criteria, GROUP, q)
    criteria["met"] = _met(criteria, q.scoring.threshold)
    return MaturityTables(q, criteria, perspectives, overall, by_respondent, respondent_overall)


def _attainments(q: Questionnaire) -> pd.DataFrame:
    """(question, value) → attainment between 0 and 1, for every option of every criterion."""
    records = []
    for question in q.questions.values():
        if question.type != "choice":
            continue
        options = q.options(question)
        top = max(o.score for o in options) or 1.0
        records.extend((question.id, o.value, o.score / top) for o in options)
    return pd.DataFrame(records, columns=[QUESTION, VALUE, ATTAINMENT])


def _catalogue(q: Questionnaire) -> pd.DataFrame:
    """One row per scored criterion: its section, level and weight."""
    return pd.DataFrame(
        [
            (question.id, section.id, question.level, question.weight)
            for section in q.sections
            for question in section.questions
            if question.type == "choice"
        ],
        columns=[QUESTION, SECTION, LEVEL, WEIGHT],
    )


def _grid(groups: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Every group crossed with every criterion, so unanswered criteria get a row."""
    return groups.drop_duplicates().merge(catalogue, how="cross")


def _aggregate(
    q: Questionnaire, mine: pd.DataFrame, rows: pd.DataFrame, catalogue: pd.DataFrame
) -> pd.DataFrame:
    """One row per (organisation, round, criterion), combining respondents and agreed answers."""
    keys = [*GROUP, QUESTION]
    people = rows[~rows[AGREED]]
    rated = people[people[STATUS] == "rated"]
    stats = rated.groupby(keys)[ATTAINMENT].agg(["median", "min", "max", "count"])
    stats.columns = [ATTAINMENT, "low", "high", "rated"]
    counts = pd.crosstab([people[ORG], people[ROUND], people[QUESTION]], people[STATUS])
    counts = counts.reindex(columns=["na", "dont_know", "hidden"], fill_value=0)
    table = _grid(mine[GROUP], catalogue)
    table = table.merge(stats.reset_index(), on=keys, how="left")
    table = table.merge(counts.reset_index(), on=keys, how="left")
    counted = ["rated", "na", "dont_know", "hidden"]
    table[counted] = table[counted].fillna(0).astype(int)
    people_per_group = mine[~mine[AGREED]].groupby(GROUP).size().rename("respondents")
    table = table.merge(people_per_group.reset_index(), on=GROUP, how="left")
    table["respondents"] = table["respondents"].fillna(0).astype(int)
    table[STATUS] = np.select(
        [
            table["na"] > table["rated"] + table["dont_know"],
            table["rated"] > 0,
            table["dont_know"] > 0,
            table["na"] + table["hidden"] > 0,
        ],
        ["na", "rated", "dont_know", "na"],
        "unanswered",
    )
    table.loc[table[STATUS] == "na", ATTAINMENT] = np.nan
    spread = (table["high"] - table["low"]).fillna(0)
    table["disagreement"] = (spread >= q.scoring.disagreement - 1e-9) | (
        (table["na"] > 0) & (table["rated"] > 0)
    )
    return _apply_agreed(table, rows[rows[AGREED]], keys)


def _apply_agreed(table: pd.DataFrame, agreed: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Agreed answers replace the respondents' status and attainment where they exist."""
    table[AGREED] = False
    if agreed.empty:
        return table
    agreed = agreed[[*keys, STATUS, ATTAINMENT]].drop_duplicates(keys, keep="last")
    merged = table.merge(agreed, on=keys, how="left", suffixes=("", "_agreed"))
    has = merged["status_agreed"].notna().to_numpy()
    table.loc[has, STATUS] = merged.loc[has, "status_agreed"].to_numpy()
    table.loc[has, ATTAINMENT] = merged.loc[has, "attainment_agreed"].to_numpy()
    table.loc[has, AGREED] = True
    return table


def _applicable(table: pd.DataFrame) -> pd.Series:
    return ~table[STATUS].isin(["na", "hidden"])


def _met(table: pd.DataFrame, threshold: float) -> pd.Series:
    return _applicable(table) & (table[ATTAINMENT].fillna(0) >= threshold)


def _levels(
    table: pd.DataFrame, keys: list[str], q: Questionnaire
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-section staged level and score, and the overall ones, for each group in `keys`."""
    applicable = _applicable(table)
    attainment = table[ATTAINMENT].fillna(0.0).where(applicable, 0.0)
    weight = table[WEIGHT].where(applicable, 0.0)
    work = table[[*keys, SECTION, LEVEL]].assign(
        unmet=applicable & ~_met(table, q.scoring.threshold),
        w=weight,
        wa=weight * attainment,
        positive=applicable & (attainment > 0),
        applicable=applicable,
    )
    by_level = work.groupby([*keys, SECTION, LEVEL], sort=False)[["unmet", "w", "wa"]].sum()
    met = (by_level["unmet"] == 0).unstack(LEVEL).reindex(columns=LEVELS)
    met = met.astype("boolean").fillna(True).astype(bool)  # a level with no criteria: vacuous
    level_attainment = (by_level["wa"] / by_level["w"].where(by_level["w"] > 0)).unstack(LEVEL)
    level_attainment = level_attainment.reindex(columns=LEVELS)
    sections = work.groupby([*keys, SECTION], sort=False)[["positive", "applicable"]].sum()
    sections = sections.reindex(met.index)
    run = met.astype(int).cumprod(axis=1).sum(axis=1)
    base = (sections["positive"] > 0).astype(int)
    assessed = sections["applicable"] > 0
    out = pd.DataFrame(index=met.index)
    out["level"] = np.where(base > 0, 1 + run, 0).astype(float)
    out["score"] = base + 4 * level_attainment.mean(axis=1, skipna=True).fillna(0)
    out.loc[~assessed, ["level", "score"]] = np.nan
    out = out.reset_index()
    weights = pd.Series({s.id: s.weight for s in q.sections}, name="section_weight")
    section_weight = out[SECTION].map(weights).where(out["score"].notna(), 0.0)
    sums = out.assign(ws=section_weight * out["score"].fillna(0), w=section_weight)
    grouped = sums.groupby(keys, sort=False)
    overall = pd.DataFrame(
        {
            "level": grouped["level"].min(),
            "score": grouped["ws"].sum() / grouped["w"].sum().where(lambda w: w > 0),
        }
    ).reset_index()
    return out, overall
