"""Shape the workspace's answer table for one questionnaire: the scorer's input.

Answers arrive as one long table with categorical columns. The scorers turn them into wide
respondent × question arrays through integer codes (`positions`), never through a Python loop
per answer. Column names shared across the scoring modules are constants here, so that a typo
is an import error rather than a silently empty column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from ..expr import references
from ..models import Questionnaire
from ..models.responses import Response

ORG, ROUND, RESPONSE, QUESTION, VIEW, VALUE = (
    "organisation",
    "round",
    "response",
    "question",
    "view",
    "value",
)
AGREED, STATUS, SECTION, LEVEL, WEIGHT = "agreed", "status", "section", "level", "weight"
SCOPE = "scope"
GROUP = [ORG, ROUND]
"""An aggregated result is per organisation and round."""

STATUS_NAMES = np.array(["unanswered", "rated", "na", "dont_know", "hidden"])
UNANSWERED, RATED, NA, DONT_KNOW, HIDDEN = range(5)


class Lookup:
    """The rows of a table with a given key, through a hash index built once.

    Extracting one organisation by boolean filtering costs a pass over every organisation's
    rows; for a thousand organisations that is a million rows per table.
    """

    def __init__(self, frame: pd.DataFrame, keys: list[str]) -> None:
        self.frame = frame
        self.single = len(keys) == 1
        grouped = frame.groupby(keys[0] if self.single else keys, sort=False, observed=True)
        # keyed by a value for one key column, else by a tuple of values
        self.rows = cast("dict[Any, np.ndarray]", grouped.indices) if len(frame) else {}

    def __call__(self, *key: object) -> pd.DataFrame:
        found = self.rows.get(key[0] if self.single else key)
        return self.frame.iloc[found] if found is not None else self.frame.iloc[0:0]


def response_frame(responses: Sequence[Response]) -> pd.DataFrame:
    """One row per response: organisation, round, questionnaire, respondent, role, agreed."""
    return pd.DataFrame(
        {
            RESPONSE: np.arange(len(responses)),
            # categorical: every groupby below keys on them, and codes hash far faster than text
            ORG: pd.Categorical([r.organisation for r in responses]),
            ROUND: pd.Categorical([r.round for r in responses]),
            "questionnaire": [r.questionnaire for r in responses],
            "respondent": [r.respondent or "" for r in responses],
            "role": [r.role for r in responses],
            # bool even when empty: an empty object column would select columns, not rows
            AGREED: np.array([r.agreed for r in responses], dtype=bool),
        }
    )


def positions(column: pd.Series, vocabulary: Sequence[str]) -> np.ndarray:
    """The index in `vocabulary` of each value of a categorical column; -1 where absent."""
    index = {v: i for i, v in enumerate(vocabulary)}
    categories = column.cat.categories
    lookup = np.array([index.get(str(c), -1) for c in categories] + [-1], dtype=np.int64)
    codes = column.cat.codes.to_numpy()
    return lookup[np.where(codes < 0, len(categories), codes)]


@dataclass(frozen=True)
class Answers:
    """The answers to one questionnaire as codes, ready to scatter into wide arrays.

    Attributes:
        people: The respondents' responses (not agreed), one row each, with their group.
        agreed: The agreed responses, one row each, with their group.
        groups: One row per (organisation, round) that has any response to the questionnaire.
        person: For each answer, the row in `people`, or -1 for an agreed answer.
        agreed_row: For each answer, the row in `agreed`, or -1.
        question: For each answer, the question's index in `Questionnaire.questions`.
        view: For each answer, the view's index in `Questionnaire.view_ids`.
        value: For each answer, its text (categorical).
    """

    people: pd.DataFrame
    agreed: pd.DataFrame
    groups: pd.DataFrame
    person: np.ndarray
    agreed_row: np.ndarray
    question: np.ndarray
    view: np.ndarray
    value: pd.Series


def answers_for(q: Questionnaire, answers: pd.DataFrame, responses: pd.DataFrame) -> Answers:
    mine = responses[responses["questionnaire"] == q.id]
    group_codes, uniques = pd.MultiIndex.from_frame(mine[GROUP]).factorize()
    groups = pd.DataFrame([(str(o), str(r)) for o, r in uniques], columns=GROUP)
    mine = mine.assign(group=group_codes)
    people = mine[~mine[AGREED]].reset_index(drop=True)
    agreed = mine[mine[AGREED]].reset_index(drop=True)
    top = int(responses[RESPONSE].max()) + 1 if len(responses) else 0
    person_of, agreed_of = np.full(top + 1, -1), np.full(top + 1, -1)
    person_of[people[RESPONSE].to_numpy()] = np.arange(len(people))
    agreed_of[agreed[RESPONSE].to_numpy()] = np.arange(len(agreed))
    response = answers[RESPONSE].to_numpy()
    keep = (person_of[response] >= 0) | (agreed_of[response] >= 0)
    rows = answers[keep]
    response = response[keep]
    question = positions(rows[QUESTION], list(q.questions))
    view = positions(rows[VIEW], list(q.view_ids))
    known = (question >= 0) & (view >= 0)
    return Answers(
        people=people,
        agreed=agreed,
        groups=groups,
        person=person_of[response][known],
        agreed_row=agreed_of[response][known],
        question=question[known],
        view=view[known],
        value=rows[VALUE][known].reset_index(drop=True),
    )


def wide_values(a: Answers, q: Questionnaire, view: int, questions: Sequence[str]) -> pd.DataFrame:
    """People × `questions` table of answer texts for one view (None where unanswered)."""
    ids = list(q.questions)
    out = pd.DataFrame(None, index=range(len(a.people)), columns=list(questions), dtype=object)
    texts = a.value.astype(str).to_numpy()
    for column, name in enumerate(questions):
        pick = (a.person >= 0) & (a.view == view) & (a.question == ids.index(name))
        out.iloc[a.person[pick], column] = texts[pick]
    return out


def hidden_mask(a: Answers, q: Questionnaire, view: int) -> dict[str, np.ndarray]:
    """For each question with a display rule, which people did not see it (in one view).

    Rules are applied in questionnaire order; an earlier hidden question counts as unanswered
    for later rules. Agreed answer sets are never hidden: they settle what they answer.
    """
    if not q.conditions or a.people.empty:
        return {}
    referenced = sorted({ref for c in q.conditions.values() for ref, _ in references(c)})
    wide = wide_values(a, q, view, referenced)
    out = {}
    for qid, condition in q.conditions.items():
        visible = condition.evaluate_frame(wide, q.option_scores)
        out[qid] = ~visible
        if qid in wide.columns:
            wide.loc[~visible, qid] = None
    return out
