"""The answer-set format: one respondent's answers in one round, or the agreed answers.

One file holds the answers of one person (`respondent:`) or of a workshop that agreed on them
(`agreed:`), for one organisation and one round, to one or more questionnaires:

```yaml
organisation: northwind-bank
round: 2025-h2
respondent: {id: r03, role: Programme manager}
questionnaires:
  p3o-maturity:
    version: "1.0"
    answers:
      GOV-2-1: largely
      GOV-2-2: {answer: fully, evidence: "Board terms of reference, v3"}
  pmo-type:
    version: "1.0"
    answers:
      PT-01: {current: one-programme, target: whole-organisation}
  pmo-services:
    version: "1.0"
    answers:
      SRV-REPORTING: {importance: 5, satisfaction: 2, notes: "Late and too long"}
```
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from ..yamlio import as_text
from .common import Identifier, Model, Text, Version

AnswerValue = Annotated[
    str | None,
    BeforeValidator(as_text),
    WithJsonSchema({"type": ["string", "number", "null"]}),
]
"""An option value, `na`, `dont_know`, or free text (checked against the questionnaire)."""


class Answer(Model):
    """One answer. A bare value (`GOV-2-1: largely`) is short for `{answer: largely}`."""

    answer: AnswerValue = None
    """The option value, `na` or `dont_know` (questionnaires with one point of view); for a
    free-text question, the text."""
    current: AnswerValue = None
    """Questionnaires with two points of view: the answer for today."""
    target: AnswerValue = None
    """Questionnaires with two points of view: the answer for what is needed."""
    importance: AnswerValue = None
    """Services surveys: how important the service is to the respondent (1 to 5)."""
    satisfaction: AnswerValue = None
    """Services surveys: how satisfied the respondent is with the service (1 to 5)."""
    evidence: Text = ""
    """What backs the answer: documents, data, examples (free text, may hold links)."""
    notes: Text = ""
    """Anything else the respondent wants the assessor to know."""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, dict) or data is None:
            return data if data is not None else {}
        return {"answer": data}


class QuestionnaireAnswers(Model):
    """The answers to one questionnaire."""

    version: Version
    """The version of the questionnaire that was answered."""
    answers: dict[str, Any] = Field(default_factory=dict)
    """Answers by question id, each a bare value or an `Answer` mapping. Leave a question out
    to leave it unanswered. Checked against the questionnaire by `generator.checks` (one pass
    per answer, far cheaper than a model per answer when thousands of files are loaded)."""


class Respondent(Model):
    """The person who answered. Use a pseudonymous id if reports must not name people."""

    id: Identifier
    role: Text = ""
    """Their role, e.g. `PMO lead`, `Sponsor`, `Project manager`."""
    name: Text = ""


class Agreement(Model):
    """Answers agreed in a workshop; they override individual answers where given."""

    facilitator: Text = ""
    participants: list[Text] = Field(default_factory=list)
    notes: Text = ""


class AnswerSet(Model):
    """A response file (`respondent:`) or an agreed-answers file (`agreed:`)."""

    organisation: Identifier
    """The organisation's id; the file must sit in that organisation's folder."""
    round: Identifier
    """The assessment round, one of the ids listed in the organisation's `rounds:`."""
    respondent: Respondent | None = None
    agreed: Agreement | None = None
    date: dt.date | None = None
    """When the answers were given (YYYY-MM-DD)."""
    questionnaires: dict[Identifier, QuestionnaireAnswers] = Field(min_length=1)
    """Answers by questionnaire id."""

    @model_validator(mode="before")
    @classmethod
    def _empty_agreement(cls, data: Any) -> Any:
        # `agreed:` with nothing after it still means "these are agreed answers"
        if isinstance(data, dict) and "agreed" in data and data["agreed"] is None:
            return {**data, "agreed": {}}
        return data

    @property
    def who(self) -> str:
        return self.respondent.id if self.respondent else "agreed"
