"""What every form says about a question: its answers with their labels, its display rule in
words, the columns of its points of view; and how typed answers are matched back to values.

The YAML skeleton, the workbook and the importers all use these, so a form and its importer
cannot disagree about what an answer is called.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import expr
from ..errors import GeneratorError
from ..models import Question, Questionnaire
from ..models.choices import SPECIAL_LABELS, Choice, choices, match_choice, normalise

__all__ = ["Choice", "choices", "match_choice", "normalise"]  # re-exported for the forms

SINGLE_VIEW_COLUMN = "Answer"


def view_headers(q: Questionnaire) -> dict[str, str]:
    """The column title of each point of view: `Answer` for one view, else the view labels."""
    if len(q.views) == 1:
        return {view: SINGLE_VIEW_COLUMN for view in q.views}
    return {view: label for view, label in q.views.items()}


def select(questionnaires: dict[str, Questionnaire], ids: Sequence[str]) -> list[Questionnaire]:
    """The questionnaires named (all of them when none is), or an error listing the known ids."""
    unknown = [i for i in ids if i not in questionnaires]
    if unknown:
        raise GeneratorError(
            f"unknown questionnaire '{unknown[0]}'; expected one of: {', '.join(questionnaires)}"
        )
    return [questionnaires[i] for i in dict.fromkeys(ids)] or list(questionnaires.values())


def rule_in_words(q: Questionnaire, question: Question) -> str:
    """The question's display rule as a sentence, or "" when it is always asked."""
    condition = condition_in_words(q, question)
    if not condition:
        return ""
    per_view = " (for each point of view separately)" if len(q.views) > 1 else ""
    return f"Answer only when {condition}{per_view}; otherwise leave it empty."


def condition_in_words(q: Questionnaire, question: Question) -> str:
    """The display rule's condition in words, such as `PT-14 is "Several offices"`."""
    condition = q.conditions.get(question.id)
    return _words(q, condition) if condition is not None else ""


_ORDER_WORDS = {
    "==": "is {}",
    "!=": "is not {}",
    ">=": "is {} or higher",
    "<=": "is {} or lower",
    ">": "is higher than {}",
    "<": "is lower than {}",
}


def _words(q: Questionnaire, node: expr.Expr, nested: bool = False) -> str:
    if isinstance(node, expr.Compare):
        return f"{node.question} " + _ORDER_WORDS[node.op].format(
            _label(q, node.question, node.value)
        )
    if isinstance(node, expr.InList):
        labels = [_label(q, node.question, v) for v in node.values]
        return f"{node.question} {_one_of(labels, node.negated)}"
    if isinstance(node, expr.Answered):
        return f"{node.question} is answered"
    if isinstance(node, expr.Constant):
        return "always" if node.value else "never"
    if isinstance(node, expr.Not):
        return f"not ({_words(q, node.operand)})"
    text = f" {node.op} ".join(_words(q, o, nested=True) for o in node.operands)
    return f"({text})" if nested else text


def _one_of(labels: list[str], negated: bool) -> str:
    if len(labels) == 1:
        return f"is {'not ' if negated else ''}{labels[0]}"
    listed = ", ".join(labels[:-1])
    if len(labels) == 2 and negated:
        return f"is neither {listed} nor {labels[-1]}"
    if len(labels) == 2:
        return f"is {listed} or {labels[-1]}"
    return f"is {'none' if negated else 'one'} of {listed} and {labels[-1]}"


def _label(q: Questionnaire, question_id: str, value: str) -> str:
    question = q.questions.get(question_id)
    known = {c.value: c.label for c in choices(q, question)} if question else {}
    return f'"{known.get(value, SPECIAL_LABELS.get(value, value))}"'


def plain(markdown: str) -> str:
    """Markdown as plain text for a spreadsheet cell: paragraphs kept, lines within a paragraph
    joined, emphasis marks, code marks and link targets dropped."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown.strip())
    text = re.sub(r"\*\*|__|`", "", text)
    text = re.sub(r"(?<![\w*])[*_]([^*_\n]+)[*_](?![\w*])", r"\1", text)
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text)


def guidance(q: Questionnaire, question: Question) -> str:
    """What a respondent reads next to the question: its help, the evidence to look for, and
    what each answer means where the questionnaire says."""
    parts = [plain(question.help)] if question.help else []
    if question.evidence:
        parts.append("Evidence to look for: " + "; ".join(question.evidence) + ".")
    described = [o for o in q.options(question) if o.description]
    if described:
        parts.append("\n".join(f"• {o.label}: {plain(o.description)}" for o in described))
    return "\n\n".join(parts)
