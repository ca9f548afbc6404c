"""The answers a choice question offers, as forms word them, and typed answers matched back.

Validation, the forms and the importers all use these, so that a message suggesting an answer,
a drop-down list and an importer cannot disagree about what an answer is called.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .questionnaire import Question, Questionnaire

SPECIAL_LABELS = {"na": "Not applicable", "dont_know": "Don't know"}
SYNONYMS = {
    "na": ("na", "n a", "not applicable", "does not apply"),
    "dont_know": ("dont know", "do not know", "unknown", "not sure"),
}
"""Other ways of writing N/A and don't know, as `normalise` leaves them."""


@dataclass(frozen=True)
class Choice:
    """One answer a form offers: what is stored, and what the respondent reads."""

    value: str
    label: str


def choices(q: Questionnaire, question: Question) -> list[Choice]:
    """The answers a choice question accepts, in order; N/A and don't know last, if allowed."""
    out = [Choice(o.value, o.label) for o in q.options(question)]
    out += [Choice(v, SPECIAL_LABELS[v]) for v in SPECIAL_LABELS if v in allowed(question)]
    return out


def allowed(question: Question) -> tuple[str, ...]:
    """The special answers the question accepts."""
    return tuple(
        value
        for value, flag in (("na", question.allow_na), ("dont_know", question.allow_dont_know))
        if flag
    )


def normalise(text: str) -> str:
    """Text reduced for matching: case, accents' forms, apostrophes, punctuation and spacing
    do not count, so `Don’t  know`, `don't know` and `DONT_KNOW` all become `dont know`."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"['’‘`´]", "", text)
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def match_choice(q: Questionnaire, question: Question, text: str) -> str | None:
    """The value a typed answer stands for: an option's value or label, N/A or don't know in
    any usual spelling (whether or not the question allows them), or None."""
    typed = normalise(text)
    candidates: Iterable[Choice] = [
        *(Choice(o.value, o.label) for o in q.options(question)),
        *(Choice(v, label) for v, label in SPECIAL_LABELS.items()),
    ]
    for choice in candidates:
        if typed in (normalise(choice.value), normalise(choice.label)):
            return choice.value
    for value, words in SYNONYMS.items():
        if typed in words:
            return value
    return None


