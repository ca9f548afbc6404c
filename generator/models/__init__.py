"""Typed models of every file format; their field docstrings are the format reference."""

from .actions import NO_OFFICE, PHASES, Action, ActionLibrary, Dimension, Phase
from .answers import Agreement, Answer, AnswerSet, QuestionnaireAnswers, Respondent
from .library import Column, Lesson, LessonRegister, Sheet, Table, Template
from .library import Section as DocumentSection
from .organisation import (
    Organisation,
    ReportSettings,
    RoadmapSettings,
    RoadmapUpdate,
    Round,
    Sizing,
)
from .questionnaire import (
    SCOPES,
    SPECIAL_ANSWERS,
    Level,
    Option,
    Outcome,
    Question,
    Questionnaire,
    Scale,
    Scope,
    Scoring,
    Section,
    View,
)

__all__ = [
    "NO_OFFICE",
    "PHASES",
    "SCOPES",
    "SPECIAL_ANSWERS",
    "Action",
    "ActionLibrary",
    "Agreement",
    "Answer",
    "AnswerSet",
    "Column",
    "Dimension",
    "DocumentSection",
    "Lesson",
    "LessonRegister",
    "Level",
    "Option",
    "Organisation",
    "Outcome",
    "Phase",
    "Question",
    "Questionnaire",
    "QuestionnaireAnswers",
    "ReportSettings",
    "Respondent",
    "RoadmapSettings",
    "RoadmapUpdate",
    "Round",
    "Scale",
    "Scope",
    "Scoring",
    "Section",
    "Sheet",
    "Sizing",
    "Table",
    "Template",
    "View",
]
