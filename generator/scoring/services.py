"""Score a services survey as an importance-performance grid.

Each respondent rates each of the office's services twice, on importance and on satisfaction
(1 to 5). Per service the grid takes the mean importance and the mean satisfaction over the
respondents who gave a rating (N/A and don't know are left out of both), their gap
(importance - satisfaction), and a quadrant:

- **keep**: important and satisfied: keep doing it as it is done;
- **improve first**: important, not satisfied: where the office's effort should go first;
- **over-served**: satisfied but less important: effort that could move elsewhere;
- **low priority**: neither: no action needed yet.

The lines that divide the grid cross, by default, at the mean importance and the mean
satisfaction over the rated services (each service counting once): the data-centred grid of
importance-performance analysis. Customers tend to call almost every service important, so a
line at the scale's midpoint would put nearly all of them in the upper half and tell the
office little; `scoring.crosshairs: midpoint` asks for the absolute line instead. A value on
a line counts as important (or satisfied).

Agreed answer sets are left out: the survey asks for each customer's own view. Results by
respondent group are given for groups of at least `MIN_GROUP` respondents, so that no one's
ratings can be read from their group's: in a group of two, each member could work out the
other's. A group is a role as the response files write it,
up to any bracket or comma: `Project manager (branch refresh)` is a project manager.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, TypeVar

import numpy as np
import pandas as pd

from ..models import Questionnaire
from .frames import AGREED, ORG, QUESTION, RESPONSE, ROUND, VALUE, VIEW, Lookup

Quadrant = Literal["keep", "improve-first", "over-served", "low-priority"]
QUADRANT_TITLES: dict[str, str] = {
    "keep": "Keep",
    "improve-first": "Improve first",
    "over-served": "Over-served",
    "low-priority": "Low priority",
}
MIN_GROUP = 3
"""The smallest respondent group shown on its own (the survey page says so too)."""
SLACK = 1e-9
"""Means that equal a line up to rounding noise count as on it (pmo-score.js does the same)."""
ROLE, RATING, NOTES = "role", "rating", "notes"
NO_ROLE = "No role given"
_ROLE_CUT = re.compile(r"[(,]")


@dataclass(frozen=True)
class ServiceResult:
    """One service on the grid.

    Attributes:
        importance: Mean importance (two decimals); None when nobody rated it.
        satisfaction: Mean satisfaction (two decimals); None when nobody rated it.
        gap: Importance minus satisfaction (two decimals); None unless both are rated.
        quadrant: None unless both are rated.
        rated: Respondents who rated its importance or its satisfaction.
        na: Respondents who said it does not apply to them (in either rating).
        comments: The respondents' notes on the service.
    """

    id: str
    title: str
    section: str
    importance: float | None
    satisfaction: float | None
    gap: float | None
    quadrant: Quadrant | None
    rated: int
    na: int
    dont_know: int
    comments: tuple[str, ...] = ()


@dataclass(frozen=True)
class ServiceGrid:
    """The grid for a set of respondents: everyone, or one group of them.

    Attributes:
        importance_line: Where the importance line crosses (the mean importance of the rated
            services, or the scale's midpoint).
        satisfaction_line: Where the satisfaction line crosses.
    """

    label: str
    respondents: int
    importance_line: float | None
    satisfaction_line: float | None
    services: tuple[ServiceResult, ...]

    def in_quadrant(self, quadrant: str) -> tuple[ServiceResult, ...]:
        return tuple(s for s in self.services if s.quadrant == quadrant)


@dataclass(frozen=True)
class ServicesResult:
    """A services survey's result for one organisation and round.

    Attributes:
        groups: The grid per respondent group (role) of at least `MIN_GROUP` respondents;
            empty unless at least two groups are that large and the respondents left out
            are none or at least `MIN_GROUP`.
        hidden_groups: Respondents in groups too small to show on their own.
    """

    questionnaire: str
    title: str
    crosshairs: str
    respondents: int
    grid: ServiceGrid
    groups: tuple[ServiceGrid, ...]
    hidden_groups: int
    scale: tuple[float, float] = (1.0, 5.0)
    """The lowest and highest rating."""

    @property
    def improve_first(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.grid.in_quadrant("improve-first"))


@dataclass(frozen=True)
class ServicesTables:
    """Every rating of a services survey: one row per respondent, service and view."""

    questionnaire: Questionnaire
    ratings: pd.DataFrame

    @cached_property
    def of(self) -> Lookup:
        return Lookup(self.ratings, [ORG, ROUND])


def score_services(
    q: Questionnaire, answers: pd.DataFrame, responses: pd.DataFrame
) -> ServicesTables:
    """The ratings of `q`, with each rating's number (NaN for N/A, don't know and text)."""
    mine = responses[(responses["questionnaire"] == q.id) & ~responses[AGREED]]
    rows = answers[answers[RESPONSE].isin(mine[RESPONSE])]
    people = mine.set_index(RESPONSE)
    scores = {(qid, o.value): o.score for qid, x in q.questions.items() for o in q.options(x)}
    questions = rows[QUESTION].astype(str).to_numpy()
    values = rows[VALUE].astype(str).to_numpy()
    rating = np.array([scores.get(pair, np.nan) for pair in zip(questions, values, strict=True)],
                      dtype=float)
    response = rows[RESPONSE].to_numpy()
    notes = rows[NOTES].astype(str).to_numpy() if NOTES in rows else np.full(len(rows), "")
    frame = pd.DataFrame({
        ORG: people[ORG].astype(str).reindex(response).to_numpy(),
        ROUND: people[ROUND].astype(str).reindex(response).to_numpy(),
        RESPONSE: response,
        ROLE: people[ROLE].reindex(response).to_numpy(),
        QUESTION: questions,
        VIEW: rows[VIEW].astype(str).to_numpy(),
        VALUE: values,
        RATING: rating,
        NOTES: notes,
    })
    return ServicesTables(q, frame)


def services_result(tables: ServicesTables, org: str, round_id: str) -> ServicesResult | None:
    """The grid of one organisation's round, overall and by group; None without answers."""
    q = tables.questionnaire
    frame = tables.of(org, round_id)
    if frame.empty:
        return None
    # An organisation's round has a few hundred ratings: plain lists are several times
    # quicker than pandas' grouping on frames that small (the planner scores every organisation).
    rows = _Rows.of(frame)
    labels = [_group(role) for role in rows.role]
    keys = [label.casefold() for label in labels]
    members: dict[str, set[object]] = {}
    first_label: dict[str, str] = {}
    for key, label, response in zip(keys, labels, rows.response, strict=True):
        members.setdefault(key, set()).add(response)
        first_label.setdefault(key, label)
    shown = [k for k in sorted(members) if len(members[k]) >= MIN_GROUP]
    hidden = sum(len(v) for k, v in members.items() if k not in shown)
    groups: tuple[ServiceGrid, ...] = ()
    # by group only when it says more than the whole, and the rest, worked out by taking the
    # shown groups away from everyone, are as many as a group that could be shown
    if len(shown) >= 2 and (hidden == 0 or hidden >= MIN_GROUP):
        groups = tuple(
            grid(q, rows.subset([i for i, k in enumerate(keys) if k == key]), first_label[key],
                 comments=False)
            for key in shown
        )
    return ServicesResult(
        questionnaire=q.id,
        title=q.title,
        crosshairs=q.scoring.crosshairs,
        respondents=len(set(rows.response)),
        grid=grid(q, rows, "All respondents"),
        groups=groups,
        hidden_groups=hidden if groups else 0,
        scale=_scale(q),
    )


@dataclass(frozen=True)
class _Rows:
    """Ratings as parallel lists, in the answer table's order."""

    response: list[object]
    question: list[str]
    view: list[str]
    value: list[str]
    rating: list[float]
    notes: list[str]
    role: list[str]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> _Rows:
        return cls(
            frame[RESPONSE].tolist(), frame[QUESTION].astype(str).tolist(),
            frame[VIEW].astype(str).tolist(), frame[VALUE].astype(str).tolist(),
            frame[RATING].tolist(), frame[NOTES].astype(str).tolist(),
            frame[ROLE].fillna("").astype(str).tolist(),
        )

    def subset(self, index: list[int]) -> _Rows:
        return _Rows(_pick(self.response, index), _pick(self.question, index),
                     _pick(self.view, index), _pick(self.value, index),
                     _pick(self.rating, index), _pick(self.notes, index),
                     _pick(self.role, index))


_T = TypeVar("_T")


def _pick(column: list[_T], index: list[int]) -> list[_T]:
    return [column[i] for i in index]


def _group(role: str) -> str:
    """A respondent's group: the role up to any bracket or comma."""
    label = _ROLE_CUT.split(role, maxsplit=1)[0].strip()
    return label or NO_ROLE


def grid(q: Questionnaire, rows: _Rows, label: str, *, comments: bool = True) -> ServiceGrid:
    """The grid over the ratings in `rows` (one organisation's round, or a group of it)."""
    sums: dict[tuple[str, str], list[float]] = {}
    raters: dict[str, set[object]] = {}
    said: dict[tuple[str, str], set[object]] = {}
    notes: dict[str, list[str]] = {}
    noted: set[tuple[object, str]] = set()
    for response, qid, view, value, rating, note in zip(
            rows.response, rows.question, rows.view, rows.value, rows.rating, rows.notes,
            strict=True):
        if rating == rating:  # not NaN: a rating on the scale
            total = sums.setdefault((qid, view), [0.0, 0])
            total[0] += rating
            total[1] += 1
            raters.setdefault(qid, set()).add(response)
        elif value in ("na", "dont_know"):
            said.setdefault((qid, value), set()).add(response)
        if comments and note and (response, qid) not in noted:
            noted.add((response, qid))
            notes.setdefault(qid, []).append(note)
    pairs: dict[str, tuple[float | None, float | None]] = {}
    for qid, question in q.questions.items():
        if question.type == "choice":
            pairs[qid] = (_mean(sums, qid, "importance"), _mean(sums, qid, "satisfaction"))
    importance_line, satisfaction_line = lines(q, list(pairs.values()))
    services = []
    for qid, (imp, sat) in pairs.items():
        gap = grid = None
        if imp is not None and sat is not None:
            gap = _round(imp - sat)
            grid = quadrant(imp, sat, importance_line, satisfaction_line)
        services.append(ServiceResult(
            id=qid,
            title=q.questions[qid].text,
            section=q.section_of[qid].id,
            importance=_round(imp),
            satisfaction=_round(sat),
            gap=gap,
            quadrant=grid,
            rated=len(raters.get(qid, ())),
            na=len(said.get((qid, "na"), ())),
            dont_know=len(said.get((qid, "dont_know"), ())),
            comments=tuple(notes.get(qid, ())),
        ))
    return ServiceGrid(label, len(set(rows.response)), _round(importance_line),
                       _round(satisfaction_line), tuple(services))


def lines(q: Questionnaire, pairs: list[tuple[float | None, float | None]]
          ) -> tuple[float | None, float | None]:
    """Where the grid's lines cross: the means over the services rated on both, in
    questionnaire order, or the midpoint of the rating scale."""
    if q.scoring.crosshairs == "midpoint":
        scores = [o.score for x in q.questions.values() for o in q.options(x)]
        middle = (min(scores) + max(scores)) / 2 if scores else None
        return middle, middle
    both = [(i, s) for i, s in pairs if i is not None and s is not None]
    if not both:
        return None, None
    return sum(i for i, _ in both) / len(both), sum(s for _, s in both) / len(both)


def _scale(q: Questionnaire) -> tuple[float, float]:
    scores = [o.score for x in q.questions.values() for o in q.options(x)]
    return (float(min(scores)), float(max(scores))) if scores else (1.0, 5.0)


def quadrant(importance: float, satisfaction: float, importance_line: float | None,
             satisfaction_line: float | None) -> Quadrant:
    important = importance >= (importance_line or 0) - SLACK
    satisfied = satisfaction >= (satisfaction_line or 0) - SLACK
    if important:
        return "keep" if satisfied else "improve-first"
    return "over-served" if satisfied else "low-priority"


def _mean(sums: dict[tuple[str, str], list[float]], qid: str, view: str) -> float | None:
    total = sums.get((qid, view))
    return total[0] / total[1] if total else None


def _round(value: float | None) -> float | None:
    """Two decimals, halves up (as pmo-score.js rounds)."""
    return None if value is None else float(np.floor(value * 100 + 0.5 + SLACK) / 100)
