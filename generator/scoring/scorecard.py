"""Extract one organisation's round from the score tables as plain records."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import pandas as pd

from ..models import Questionnaire
from .classification import ClassificationTables
from .frames import AGREED, LEVEL, QUESTION, SCOPE, SECTION, STATUS
from .maturity import LEVELS, MaturityTables
from .results import (
    SCOPE_TITLES,
    ClassificationResult,
    CriterionResult,
    Fit,
    LevelShare,
    MaturityResult,
    PerspectiveResult,
    RespondentResult,
    ScopeResult,
    SectionPosition,
    ViewResult,
)

SPECIAL_LABELS = {"na": "n/a", "dont_know": "don't know", "unanswered": "unanswered"}


ROUNDING_SLACK = 1e-9
"""Added before rounding halves up, so that sums taken in another order (NumPy's pairwise
sums here, plain loops in the browser form) cannot land either side of a half."""


def percent(fit: float) -> int:
    """A fit as a whole percentage, rounding halves up (as the browser form does)."""
    return math.floor(fit * 100 + 0.5 + ROUNDING_SLACK)


def maturity_result(
    t: MaturityTables, org: str, round_id: str, previous: str | None
) -> MaturityResult | None:
    q = t.questionnaire
    rows = t.criteria_rows.get((org, round_id))
    if not rows:
        return None
    criteria = tuple(_criterion(q, row) for row in rows)
    levels = t.section_scores.get((org, round_id), {})
    before = t.section_scores.get((org, previous), {}) if previous else {}
    perspectives = []
    for section in q.sections:
        level, score = (_optional(v) for v in levels.get(section.id, (None, None)))
        mine = [c for c in criteria if c.perspective == section.id]
        prev_level, prev_score = (_optional(v) for v in before.get(section.id, (None, None)))
        perspectives.append(
            PerspectiveResult(
                id=section.id,
                title=section.title,
                level=_int(level),
                score=one_decimal(score),
                limiting=_limiting(mine, level),
                dont_know=sum(c.status == "dont_know" for c in mine),
                na=sum(c.status == "na" for c in mine),
                disagreements=sum(c.disagreement and not c.agreed for c in mine),
                previous_level=_int(prev_level),
                previous_score=one_decimal(prev_score),
            )
        )
    none: tuple[None, None] = (None, None)
    overall = [_optional(v) for v in t.overall_scores.get((org, round_id), none)]
    earlier = t.overall_scores.get((org, previous), none) if previous else none
    prev_overall = [_optional(v) for v in earlier]
    level = _int(overall[0])
    names = {lv.level: lv.name for lv in q.levels}
    return MaturityResult(
        questionnaire=q.id,
        title=q.title,
        level=level,
        level_name=names.get(level, "") if level is not None else "not assessed",
        score=one_decimal(overall[1]),
        perspectives=tuple(perspectives),
        criteria=criteria,
        respondents=int(rows[0].respondents),
        previous_level=_int(prev_overall[0]),
        previous_score=one_decimal(prev_overall[1]),
        scopes=_scopes(t, org, round_id, previous),
    )


def _scopes(
    t: MaturityTables, org: str, round_id: str, previous: str | None
) -> tuple[ScopeResult, ...]:
    """The profile by what the criteria evidence, in the order of `SCOPES`."""
    before = {}
    if previous:
        before = dict(zip(*(t.scopes_of(org, previous)[c] for c in (SCOPE, "score")), strict=True))
    out = []
    for row in t.scopes_of(org, round_id).itertuples(index=False):
        get = row.__getattribute__
        out.append(
            ScopeResult(
                id=get(SCOPE),
                title=SCOPE_TITLES[get(SCOPE)],
                score=one_decimal(_optional(get("score"))),
                criteria=int(get("criteria")),
                counted=int(get("counted")),
                levels=tuple(
                    LevelShare(level, int(get(f"met_{level}")), int(get(f"counted_{level}")))
                    for level in LEVELS
                ),
                previous_score=one_decimal(_optional(before.get(get(SCOPE)))),
            )
        )
    return tuple(out)


def classification_result(
    t: ClassificationTables, org: str, round_id: str, previous: str | None, respondents: int
) -> ClassificationResult | None:
    q = t.questionnaire
    views = []
    for view, label in q.views.items():
        key = (org, round_id, view)
        if key not in t.fit_by_key:
            continue
        fits = _fit_records(q, t.fit_by_key[key])
        best, runner_up = _ranks(fits)
        result = ViewResult(
            view=view,
            label=label,
            fits=fits,
            best=best,
            runner_up=runner_up,
            answered=int(t.answered_by_key.get(key, 0)),
        )
        if all(o.position is not None for o in q.outcomes):
            result = _with_positions(q, t, result, key)
        if previous and (org, previous, view) in t.fit_by_key:
            prev_best, _ = _ranks(_fit_records(q, t.fit_by_key[(org, previous, view)]))
            prev_position = t.position_by_key.get((org, previous, view))
            result = replace(
                result, previous_best=prev_best, previous_position=one_decimal(prev_position)
            )
        views.append(result)
    if not views:
        return None
    split = t.disagreements_of(org, round_id)
    order = list(q.questions)
    questions = sorted(set(split[QUESTION]), key=order.index)
    return ClassificationResult(
        questionnaire=q.id,
        title=q.title,
        views=tuple(views),
        respondents=respondents,
        disagreements=tuple(questions),
    )


def respondent_results(
    mine: pd.DataFrame,
    maturity: Sequence[MaturityTables],
    classifications: Sequence[ClassificationTables],
) -> tuple[RespondentResult, ...]:
    """Each respondent's own results; `mine` holds their responses (not agreed ones)."""
    out = []
    tables: dict[str, MaturityTables | ClassificationTables] = {
        t.questionnaire.id: t for t in maturity}
    tables.update((t.questionnaire.id, t) for t in classifications)
    rows = zip(mine["response"].tolist(), mine["respondent"].tolist(), mine["role"].tolist(),
               mine["questionnaire"].tolist(), strict=True)
    for response, respondent, role, qid in rows:
        t = tables.get(qid)
        if isinstance(t, MaturityTables):
            overall = t.respondent_overall_of(response)
            sections = t.respondent_sections_of(response)
            scopes = t.respondent_scopes_of(response)
            out.append(
                RespondentResult(
                    respondent=respondent,
                    role=role,
                    questionnaire=qid,
                    level=_int(_number(overall["level"])),
                    score=one_decimal(_number(overall["score"])),
                    perspective_levels=tuple(
                        (s, _int(lv))
                        for s, lv in zip(sections[SECTION], sections["level"], strict=True)
                    ),
                    scope_scores=tuple(
                        (s, one_decimal(_optional(v)))
                        for s, v in zip(scopes[SCOPE], scopes["score"], strict=True)
                    ),
                )
            )
        elif isinstance(t, ClassificationTables):
            best = []
            for view in t.questionnaire.views:
                if (response, view) in t.respondent_fits.index:
                    fits = _fit_records(t.questionnaire, t.respondent_fits.loc[(response, view)])
                    best.append((view, _ranks(fits)[0]))
            out.append(
                RespondentResult(
                    respondent=respondent,
                    role=role,
                    questionnaire=qid,
                    best=tuple(best),
                )
            )
    return tuple(sorted(out, key=lambda r: (r.questionnaire, r.respondent)))


def answer_label(q: Questionnaire, question_id: str, attainment: float | None, status: str) -> str:
    """The scale's words for a (median) attainment: `largely`, or `partly–largely`."""
    if status != "rated" or attainment is None:
        return SPECIAL_LABELS.get(status, status)
    ladder = q.attainment_ladder[question_id]
    below = [value for worth, value in ladder if worth <= attainment + 1e-9]
    above = [value for worth, value in ladder if worth >= attainment - 1e-9]
    if below and above and below[-1] == above[0]:
        return below[-1]
    low = below[-1] if below else ladder[0][1]
    high = above[0] if above else ladder[-1][1]
    return f"{low}–{high}"


def _limiting(criteria: list[CriterionResult], level: float | None) -> tuple[CriterionResult, ...]:
    """The unmet criteria of the lowest level above `level` that has any: what blocks it."""
    if level is None:
        return ()
    blocking = [c for c in criteria if c.level > level and not c.met and c.status != "na"]
    if not blocking:
        return ()
    lowest = min(c.level for c in blocking)
    return tuple(c for c in blocking if c.level == lowest)


def _criterion(q: Questionnaire, row: object) -> CriterionResult:
    get = row.__getattribute__
    attainment = _optional(get("attainment"))
    status = get(STATUS)
    low, high = _optional(get("low")), _optional(get("high"))
    spread = ""
    if low is not None and high is not None and high - low > 1e-9:
        spread = (
            f"{answer_label(q, get(QUESTION), low, 'rated')}–"
            f"{answer_label(q, get(QUESTION), high, 'rated')}"
        )
    return CriterionResult(
        id=get(QUESTION),
        perspective=get(SECTION),
        level=int(get(LEVEL)),
        text=q.questions[get(QUESTION)].text,
        status=status,
        attainment=attainment,
        low=low,
        high=high,
        answer=answer_label(q, get(QUESTION), attainment, status),
        spread=spread,
        met=bool(get("met")),
        rated=int(get("rated")),
        na=int(get("na")),
        dont_know=int(get("dont_know")),
        disagreement=bool(get("disagreement")),
        agreed=bool(get(AGREED)),
        scope=q.questions[get(QUESTION)].evidences,
    )


def _fit_records(q: Questionnaire, row: Mapping[str, float] | pd.Series) -> tuple[Fit, ...]:
    fits = [
        Fit(o.id, o.title, float(row.get(o.id, 0.0)), percent(float(row.get(o.id, 0.0))))
        for o in q.outcomes
    ]
    return tuple(sorted(fits, key=lambda f: -f.percent))  # stable: ties keep outcome order


def _ranks(fits: tuple[Fit, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Best and runner-up outcome ids by whole percentage; equal percentages tie."""
    scores = sorted({f.percent for f in fits if f.percent > 0}, reverse=True)
    best = tuple(f.outcome for f in fits if scores and f.percent == scores[0])
    runner = tuple(f.outcome for f in fits if len(scores) > 1 and f.percent == scores[1])
    return best, runner


def _with_positions(
    q: Questionnaire, t: ClassificationTables, result: ViewResult, key: tuple[str, str, str]
) -> ViewResult:
    position = t.position_by_key.get(key)
    sections = []
    titles = {s.id: s.title for s in q.sections}
    for section in q.sections:
        value = t.section_position_by_key.get((*key, section.id))
        if value is not None and not math.isnan(value):
            sections.append(
                SectionPosition(
                    section.id, titles[section.id], one_decimal(value) or 0.0, nearest(q, value)
                )
            )
    return replace(
        result,
        position=one_decimal(position),
        position_label=nearest(q, position) if position is not None else None,
        sections=tuple(sections),
        hybrid=len({s.label for s in sections}) > 1,
    )


def nearest(q: Questionnaire, position: float) -> str:
    """The outcome whose position is closest; on a tie (within rounding noise), the one
    listed first."""
    best, distance = q.outcomes[0], abs((q.outcomes[0].position or 0) - position)
    for outcome in q.outcomes[1:]:
        gap = abs((outcome.position or 0) - position)
        if gap < distance - ROUNDING_SLACK:
            best, distance = outcome, gap
    return best.id


def _number(column: pd.Series) -> float | None:
    return None if column.empty else _optional(column.iloc[0])


def _optional(value: Any) -> float | None:
    if value is None or pd.isna(value):
        return None
    return float(value)


def _int(value: float | None) -> int | None:
    """A level as an int; None where it was not assessed (None or NaN: all N/A)."""
    return None if value is None or math.isnan(value) else int(value)


def one_decimal(value: float | None) -> float | None:
    """One decimal, halves rounded up, identically to the browser form's scorer."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return math.floor(value * 10 + 0.5 + ROUNDING_SLACK) / 10
