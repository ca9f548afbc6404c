"""Score answers held in memory, without files: for hand-computed cases and properties."""

from __future__ import annotations

from pathlib import Path

from generator.models.responses import AnswerTable, Response
from generator.scoring.classification import score_classification
from generator.scoring.frames import response_frame
from generator.scoring.maturity import score_maturity


def table(
    q,
    people: dict[str, dict[str, object]],
    agreed: dict[str, object] | None = None,
    org: str = "acme",
    round_id: str = "r1",
) -> AnswerTable:
    """`people` maps respondent → {question: value, or {view: value}}; `agreed` the same."""
    out = AnswerTable()
    sets = [(name, answers) for name, answers in people.items()]
    if agreed:
        sets.append((None, agreed))
    for respondent, answers in sets:
        rows = []
        for qid, value in answers.items():
            views = value if isinstance(value, dict) else {"current": value}
            rows.extend((qid, view, v, "", "") for view, v in views.items())
        out.add(
            Response(
                Path("x.yaml"), org, round_id, q.id, respondent, "role", ()
            ),
            rows,
        )
    return out


def maturity(q, people, agreed=None):
    t = table(q, people, agreed)
    return score_maturity(q, t.frame(), response_frame(t.responses))


def classification(q, people, agreed=None):
    t = table(q, people, agreed)
    return score_classification(q, t.frame(), response_frame(t.responses))
