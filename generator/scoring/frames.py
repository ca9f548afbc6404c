"""Shape the workspace's answer table for one questionnaire: the scorer's input.

Column names used across the scoring modules are constants here, so that a typo is an
import error rather than a silently empty column.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..checks import Response
from ..models import Questionnaire

ORG, ROUND, RESPONSE, QUESTION, VIEW, VALUE = (
    "organisation",
    "round",
    "response",
    "question",
    "view",
    "value",
)
AGREED, STATUS, SECTION, LEVEL, WEIGHT = "agreed", "status", "section", "level", "weight"
GROUP = [ORG, ROUND]
"""An aggregated result is per organisation and round."""


def response_frame(responses: Sequence[Response]) -> pd.DataFrame:
    """One row per response: organisation, round, questionnaire, respondent, role, agreed."""
    return pd.DataFrame(
        {
            RESPONSE: np.arange(len(responses)),
            ORG: [r.organisation for r in responses],
            ROUND: [r.round for r in responses],
            "questionnaire": [r.questionnaire for r in responses],
            "respondent": [r.respondent or "" for r in responses],
            "role": [r.role for r in responses],
            AGREED: [r.agreed for r in responses],
        }
    )


def answers_for(
    q: Questionnaire, answers: pd.DataFrame, responses: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The responses to `q`, and their answers with organisation, round and status added.

    `status` is `rated`, `na` or `dont_know`; free-text answers are left out (never scored).
    """
    mine = responses[responses["questionnaire"] == q.id]
    rows = answers[answers[RESPONSE].isin(mine[RESPONSE])]
    rows = rows[[RESPONSE, QUESTION, VIEW, VALUE]].astype({QUESTION: str, VIEW: str, VALUE: str})
    choice = [qid for qid, question in q.questions.items() if question.type == "choice"]
    rows = rows[rows[QUESTION].isin(choice)]
    rows = rows.merge(mine[[RESPONSE, ORG, ROUND, AGREED]], on=RESPONSE, how="left")
    rows[STATUS] = np.select(
        [rows[VALUE] == "na", rows[VALUE] == "dont_know"], ["na", "dont_know"], "rated"
    )
    return mine, rows.reset_index(drop=True)


def hidden_rows(q: Questionnaire, rows: pd.DataFrame, mine: pd.DataFrame) -> pd.DataFrame:
    """Rows marking questions each respondent did not see, by the display rules.

    Status `hidden`: not applicable for that respondent, yet no sign of a dispute about
    applicability, unlike a respondent's own `na`. Agreed answer sets get
    none: they override where they answer and are silent elsewhere.
    """
    people = mine.loc[~mine[AGREED], [RESPONSE, ORG, ROUND]]
    if not q.conditions or people.empty:
        return rows.iloc[0:0]
    out = []
    for view in q.view_ids:
        given = rows[(rows[VIEW] == view) & ~rows[AGREED]]
        wide = given.pivot(index=RESPONSE, columns=QUESTION, values=VALUE)
        wide = wide.reindex(people[RESPONSE]).astype(object)
        wide = wide.where(wide.notna(), None)
        for qid, condition in q.conditions.items():  # in questionnaire order
            visible = condition.evaluate_frame(wide, q.option_scores)
            if qid in wide.columns:
                wide.loc[~visible, qid] = None  # later rules see a hidden answer as absent
            hidden = people[~visible]
            out.append(
                hidden.assign(
                    **{QUESTION: qid, VIEW: view, VALUE: "hidden", AGREED: False, STATUS: "hidden"}
                )
            )
    return pd.concat(out, ignore_index=True) if out else rows.iloc[0:0]
