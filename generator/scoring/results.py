"""Plain result records: what the CLI prints, reports render and JSON exports carry.

The scorer works on DataFrames for every organisation at once; these records are one
organisation's round, extracted from them, with nothing left that needs pandas to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .services import ServicesResult

Status = Literal["rated", "na", "dont_know", "unanswered"]


@dataclass(frozen=True)
class CriterionResult:
    """One maturity criterion, aggregated over the respondents of a round.

    Attributes:
        attainment: Median attainment (0 to 1) of the respondents who rated it, or the agreed
            answer's; None when nobody rated it.
        low: Lowest rated attainment; None when nobody rated it.
        high: Highest rated attainment; None when nobody rated it.
        answer: The median in the scale's words, e.g. `largely` or `partly–largely`.
        spread: The lowest and highest rated answers, e.g. `not–fully`; empty if they agree.
        disagreement: Respondents differ by at least the questionnaire's disagreement
            threshold, or some say N/A while others rate it.
    """

    id: str
    perspective: str
    level: int
    text: str
    status: Status
    attainment: float | None
    low: float | None
    high: float | None
    answer: str
    spread: str
    met: bool
    rated: int
    na: int
    dont_know: int
    disagreement: bool
    agreed: bool
    scope: str | None = None
    """What the criterion evidences (`portfolio`, `programme`, `project`, `office`), if tagged."""


@dataclass(frozen=True)
class PerspectiveResult:
    """The staged level and continuous score of one perspective.

    Attributes:
        level: 0 to 5, or None when every criterion is N/A.
        score: 0.0 to 5.0, or None when every criterion is N/A.
        limiting: The unmet criteria of the next level: what stops `level + 1`.
        previous_level: The level in the previous round, when there was one.
    """

    id: str
    title: str
    level: int | None
    score: float | None
    limiting: tuple[CriterionResult, ...]
    dont_know: int
    na: int
    disagreements: int
    previous_level: int | None = None
    previous_score: float | None = None


@dataclass(frozen=True)
class LevelShare:
    """How many of a scope's criteria at one level count (are not N/A), and how many are met."""

    level: int
    met: int
    counted: int


@dataclass(frozen=True)
class ScopeResult:
    """The criteria that evidence one scope (portfolio, programme, project or the office),
    taken across every perspective.

    Attributes:
        id: `portfolio`, `programme`, `project` or `office`.
        score: The continuous score of these criteria by the perspective formula, 0.0 to 5.0;
            None when every one of them is N/A.
        criteria: How many criteria of the questionnaire evidence this scope.
        counted: How many of them count in this round (are not N/A).
        levels: For levels 2 to 5, the criteria that count and how many of them are met.
    """

    id: str
    title: str
    score: float | None
    criteria: int
    counted: int
    levels: tuple[LevelShare, ...]
    previous_score: float | None = None


SCOPE_TITLES = {
    "portfolio": "Portfolio",
    "programme": "Programme",
    "project": "Project",
    "office": "Office (PMO)",
}


@dataclass(frozen=True)
class MaturityResult:
    """A maturity questionnaire's result for one organisation and round."""

    questionnaire: str
    title: str
    level: int | None
    """Overall level: the lowest perspective level (the weakest link)."""
    level_name: str
    score: float | None
    """Overall score: the weighted mean of the perspective scores."""
    perspectives: tuple[PerspectiveResult, ...]
    criteria: tuple[CriterionResult, ...]
    respondents: int
    previous_level: int | None = None
    previous_score: float | None = None
    scopes: tuple[ScopeResult, ...] = ()
    """The same answers by what the criteria evidence: portfolio, programme, project, office
    (empty when the questionnaire tags no criterion with `evidences`)."""


@dataclass(frozen=True)
class Fit:
    """How well one outcome fits, 0 to 1, and as a whole percentage."""

    outcome: str
    title: str
    fit: float
    percent: int


@dataclass(frozen=True)
class SectionPosition:
    """Where one section (one PMO function) sits on the spectrum."""

    section: str
    title: str
    position: float
    label: str


@dataclass(frozen=True)
class ViewResult:
    """A classification for one point of view (`current` or `target`).

    Attributes:
        best: The best-fitting outcome ids: more than one when they tie.
        runner_up: The next outcome ids (ties again possible); empty when there is none.
        position: 0-100 on the spectrum, for questionnaires whose outcomes have positions.
        hybrid: Sections land on different labels of the spectrum.
    """

    view: str
    label: str
    fits: tuple[Fit, ...]
    best: tuple[str, ...]
    runner_up: tuple[str, ...]
    answered: int
    position: float | None = None
    position_label: str | None = None
    sections: tuple[SectionPosition, ...] = ()
    hybrid: bool = False
    previous_best: tuple[str, ...] = ()
    previous_position: float | None = None


@dataclass(frozen=True)
class ClassificationResult:
    """A classification questionnaire's result for one organisation and round."""

    questionnaire: str
    title: str
    views: tuple[ViewResult, ...]
    respondents: int
    disagreements: tuple[str, ...]
    """Questions on which no answer has a majority of the respondents."""

    def view(self, view: str) -> ViewResult | None:
        """The result for one point of view (`current`, `target`), if it was answered."""
        return next((v for v in self.views if v.view == view), None)


@dataclass(frozen=True)
class RespondentResult:
    """One respondent's own result, before aggregation."""

    respondent: str
    role: str
    questionnaire: str
    level: int | None = None
    score: float | None = None
    perspective_levels: tuple[tuple[str, int | None], ...] = ()
    scope_scores: tuple[tuple[str, float | None], ...] = ()
    """For maturity: (scope, continuous score) for each scope the criteria are tagged with."""
    best: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """For classifications: (view, best outcome ids)."""


@dataclass(frozen=True)
class Scorecard:
    """Everything scored for one organisation and round."""

    organisation: str
    name: str
    round: str
    round_label: str
    previous_round: str | None
    maturity: tuple[MaturityResult, ...]
    classifications: tuple[ClassificationResult, ...]
    respondents: tuple[RespondentResult, ...]
    services: tuple[ServicesResult, ...] = ()
    """Services surveys: the importance-satisfaction grid."""
