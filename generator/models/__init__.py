"""Typed models of every file format; their field docstrings are the format reference."""

from .answers import Agreement, Answer, AnswerSet, QuestionnaireAnswers, Respondent
from .organisation import Organisation, Round
from .questionnaire import (
    SPECIAL_ANSWERS,
    Level,
    Option,
    Outcome,
    Question,
    Questionnaire,
    Scale,
    Scoring,
    Section,
    View,
)

__all__ = [
    "SPECIAL_ANSWERS",
    "Agreement",
    "Answer",
    "AnswerSet",
    "Level",
    "Option",
    "Organisation",
    "Outcome",
    "Question",
    "Questionnaire",
    "QuestionnaireAnswers",
    "Respondent",
    "Round",
    "Scale",
    "Scoring",
    "Section",
    "View",
]
