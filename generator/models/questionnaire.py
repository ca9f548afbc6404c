"""The questionnaire format: scales, sections, questions, levels and outcomes.

A questionnaire is a *maturity* questionnaire (each question is an observable criterion
at a maturity level of one perspective; answers are scored), a *classification* questionnaire
(each answer option gives points to outcomes such as "programme office" or "directive"; the
result is a best fit, not a score), or a *services* survey (the office's customers rate each
of its services on importance and on satisfaction; the result is an importance-performance
grid). Rules that span several keys, such as references to scales
or earlier questions, are checked by `generator.checks`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import Field

from .. import expr
from .common import Flag, Identifier, Model, Text, Version

View = Literal["current", "target", "importance", "satisfaction"]
_ONE_VIEW: dict[View, str] = {"current": "Today"}
Scope = Literal["portfolio", "programme", "project", "office"]
SCOPES: tuple[Scope, ...] = ("portfolio", "programme", "project", "office")
"""What a maturity criterion can evidence: portfolio, programme or project management, or the
office that supports them (P3M3 rates the first three separately)."""
SPECIAL_ANSWERS = ("na", "dont_know")
"""Answers every question may allow besides its options: not applicable, and don't know."""


class Option(Model):
    """One answer a respondent can choose."""

    value: Identifier
    """What is stored in a response file, e.g. `largely`."""
    label: Text
    """What the respondent sees, e.g. `Largely in place`."""
    description: Text = ""
    """What choosing this option means, so respondents pick consistently."""
    score: float = Field(default=0, ge=0)
    """Maturity questionnaires: points for this option; divided by the highest score on the
    scale to give an attainment between 0 and 1."""
    points: dict[Identifier, float] = Field(default_factory=dict)
    """Classification questionnaires: points this option gives to each outcome, by outcome id."""


class Scale(Model):
    """A reusable list of options, referenced by questions through `scale:`."""

    id: Identifier
    label: Text = ""
    """A short description of what the scale measures."""
    options: list[Option] = Field(min_length=2)
    """The options, from the lowest to the highest."""

    @cached_property
    def top_score(self) -> float:
        return max(option.score for option in self.options)


class Question(Model):
    """One question (in a maturity questionnaire: one observable criterion)."""

    id: Identifier
    """Stable id used in response files, e.g. `GOV-2-1`. Never reuse an id for a new meaning."""
    text: Text
    """The question or criterion, as the respondent reads it."""
    help: Text = ""
    """Guidance shown under the question (Markdown)."""
    type: Literal["choice", "text"] = "choice"
    """`choice`: pick one option; `text`: free text, recorded but not scored."""
    scale: Identifier | None = None
    """The id of a scale defined under `scales:` (choice questions need `scale` or `options`)."""
    options: list[Option] | None = None
    """Options written out for this question only, instead of a shared `scale`."""
    level: int | None = Field(default=None, ge=2, le=5)
    """Maturity questionnaires: the level (2 to 5) this criterion belongs to."""
    evidences: Scope | None = None
    """Maturity questionnaires: what the criterion is evidence of: `portfolio`, `programme` or
    `project` management, or the `office` that supports them. Criteria with the same tag form
    a view across the perspectives, scored like a perspective."""
    weight: float = Field(default=1.0, gt=0)
    """Relative weight among the questions of the same level (maturity) or questionnaire."""
    required: Flag = True
    """Whether the form warns when the question is left unanswered."""
    allow_na: Flag = True
    """Whether `na` (not applicable) is accepted; N/A answers are left out of every score."""
    allow_dont_know: Flag = True
    """Whether `dont_know` is accepted; it is reported, and never counts as met."""
    show_if: Text | None = None
    """Show the question only when this condition over earlier answers holds, e.g.
    `PT-02 in ['several', 'many'] and PT-05 != 'none'`."""
    evidence: list[Text] = Field(default_factory=list)
    """Evidence prompts: what a respondent could show to back the answer."""
    refs: list[Text] = Field(default_factory=list)
    """Site pages that explain the topic, as paths under `content/`, e.g.
    `standards/operating-models.md#controlling`."""


class Section(Model):
    """A group of questions; in a maturity questionnaire, one perspective."""

    id: Identifier
    title: Text
    description: Text = ""
    """What the section covers (Markdown)."""
    weight: float = Field(default=1.0, gt=0)
    """Weight of this perspective in the overall mean score."""
    questions: list[Question] = Field(min_length=1)


class Level(Model):
    """A maturity level with its name and what it looks like in practice."""

    level: int = Field(ge=0, le=5)
    name: Text
    description: Text = ""


class Outcome(Model):
    """A possible result of a classification questionnaire, such as `programme-office`."""

    id: Identifier
    title: Text
    description: Text = ""
    position: float | None = Field(default=None, ge=0, le=100)
    """Where this outcome sits on a 0-100 spectrum (e.g. supportive 0, directive 100). When
    every outcome has a position, results also give a position on the spectrum."""


class Scoring(Model):
    """How maturity answers become levels."""

    threshold: float = Field(default=0.66, gt=0, le=1)
    """A criterion is met when its attainment is at least this; 0.66 means "largely" on a
    not / partly / largely / fully scale."""
    disagreement: float = Field(default=0.5, gt=0, le=1)
    """Flag a criterion for discussion when respondents' attainments differ by at least this."""
    crosshairs: Literal["means", "midpoint"] = "means"
    """Services surveys: where the grid's lines cross. `means`: at the mean importance and the
    mean satisfaction over the rated services (each service counts once), so the grid shows
    which services stand out from this office's own profile; `midpoint`: at the middle of the
    rating scale (3 on a 1-5 scale), an absolute line."""


class Questionnaire(Model):
    """A questionnaire file under `assessments/questionnaires/`."""

    id: Identifier
    version: Version
    """`MAJOR.MINOR`. Responses must name the same major version."""
    title: Text
    kind: Literal["maturity", "classification", "services"]
    description: Text = ""
    instructions: Text = ""
    """Shown before the first question: who should answer, how long it takes (Markdown)."""
    views: dict[View, Text] = Field(default_factory=lambda: _ONE_VIEW.copy())
    """The points of view each question is answered for, with their labels, e.g.
    `{current: The office you have, target: The office you need}`; a services survey has
    `importance` and `satisfaction`."""
    scales: list[Scale] = Field(default_factory=list)
    levels: list[Level] = Field(default_factory=list)
    """Maturity questionnaires: one entry for each level 0 to 5."""
    outcomes: list[Outcome] = Field(default_factory=list)
    """Classification questionnaires: the possible results."""
    scoring: Scoring = Field(default_factory=Scoring)
    sections: list[Section] = Field(min_length=1)

    @cached_property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for s in self.sections for q in s.questions}

    @cached_property
    def section_of(self) -> dict[str, Section]:
        return {q.id: s for s in self.sections for q in s.questions}

    @cached_property
    def scale_by_id(self) -> dict[str, Scale]:
        return {s.id: s for s in self.scales}

    def options(self, question: Question) -> list[Option]:
        """The options of a choice question, from its inline list or its shared scale."""
        if question.options is not None:
            return question.options
        scale = self.scale_by_id.get(question.scale or "")
        return scale.options if scale else []

    @cached_property
    def major(self) -> str:
        return self.version.split(".")[0]

    @cached_property
    def conditions(self) -> dict[str, expr.Expr]:
        """Parsed display rules by question id, in questionnaire order (checked on load)."""
        out: dict[str, expr.Expr] = {}
        for question in self.questions.values():
            if question.show_if:
                try:
                    out[question.id] = expr.parse(question.show_if)
                except expr.ExprError:
                    continue  # reported by generator.checks
        return out

    @cached_property
    def option_scores(self) -> dict[str, dict[str, float]]:
        """For each choice question, the score of each option value (orders `<` and `>`)."""
        return {
            q.id: {o.value: o.score for o in self.options(q)}
            for q in self.questions.values()
            if q.type == "choice"
        }

    @cached_property
    def allowed_answers(self) -> dict[str, frozenset[str]]:
        """For each choice question, every accepted answer value, N/A and don't know included."""
        out = {}
        for q in self.questions.values():
            if q.type == "choice":
                values = {o.value for o in self.options(q)}
                values |= {"na"} if q.allow_na else set()
                values |= {"dont_know"} if q.allow_dont_know else set()
                out[q.id] = frozenset(values)
        return out

    @cached_property
    def attainment_ladder(self) -> dict[str, tuple[tuple[float, str], ...]]:
        """For each choice question, (attainment 0-1, option value) from the lowest option."""
        out = {}
        for q in self.questions.values():
            options = self.options(q)
            if q.type == "choice" and options:
                top = max(o.score for o in options) or 1.0
                out[q.id] = tuple(
                    sorted(((o.score / top, o.value) for o in options), key=lambda pair: pair[0])
                )
        return out

    @cached_property
    def question_order(self) -> dict[str, int]:
        return {qid: i for i, qid in enumerate(self.questions)}

    @cached_property
    def required_always(self) -> frozenset[str]:
        """Required questions without a display rule: always asked."""
        return frozenset(
            q.id for q in self.questions.values() if q.required and q.id not in self.conditions
        )

    @cached_property
    def required_if_shown(self) -> tuple[str, ...]:
        """Required questions with a display rule: asked only when it holds."""
        return tuple(
            q.id for q in self.questions.values() if q.required and q.id in self.conditions
        )

    @property
    def view_ids(self) -> tuple[str, ...]:
        return tuple(self.views)
