"""The improvement-action library: what an organisation can do to close a maturity gap.

Actions live in YAML files under `assessments/actions/`. Each says which perspective(s) and
maturity criteria it improves, the level step it belongs to, who leads it, what it costs in
effort and time (and what that effort grows with), what it is worth, what must come first,
and which pages help to do it. Actions without perspectives set up or reshape the office
itself; they name the criteria or answers that show them done.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Identifier, Model, Text, Version

Phase = Literal["define", "initiate", "plan", "execute", "improve"]
"""The PMO life cycle: define the office's role and services, initiate, plan, execute, improve."""
PHASES: tuple[Phase, ...] = ("define", "initiate", "plan", "execute", "improve")

Dimension = Literal["staff", "initiatives", "units", "none"]
"""What an action's effort grows with: a key of an organisation's `sizing`, or `none`."""

NO_OFFICE = "none"
"""In `from_types`: the organisation has no office today."""


class Action(Model):
    """One improvement action."""

    id: Identifier
    """Stable id, e.g. `gov-name-sponsors`; used by `depends_on`, `pinned` and `excluded`."""
    title: Text
    """An imperative title, e.g. `Name an accountable sponsor for every initiative`."""
    summary: Text
    """What to do and what done looks like, in two to four sentences (Markdown)."""
    perspectives: list[Identifier] = Field(default_factory=list)
    """The maturity perspectives (section ids of the maturity questionnaire) it improves;
    empty for PMO set-up actions that serve the office as a whole."""
    criteria: list[Identifier] = Field(default_factory=list)
    """The maturity criteria (question ids) it helps to meet. For a set-up action: the
    criteria it establishes, of any perspective and level; when all are met (and
    `in_place_if` holds), it is already in place and never planned."""
    in_place_if: Text | None = None
    """For a set-up action: a condition on the current-view answers to the PMO type and
    operating-model questionnaires that shows it done, in the language of `show_if`, e.g.
    `PT-06 == 'board-member'`. Each question stands for the answer most respondents gave
    (or the agreed one); a question without a majority answer makes a comparison false."""
    from_level: int = Field(ge=0, le=4)
    """The level the perspective is at when this action is the right next step."""
    to_level: int = Field(ge=1, le=5)
    """The level it helps to reach: `from_level + 1`, one step at a time."""
    owner: Text = "PMO lead"
    """The role that leads it, e.g. `PMO lead`, `Executive sponsor`, `Portfolio board`,
    `Finance business partner`, `HR business partner`."""
    effort: float = Field(gt=0)
    """Work needed, in person-days, for an organisation of the reference size."""
    scales_with: Dimension = "none"
    """What its effort grows with: `staff`, `initiatives` or `units` (business units or
    sites) of the organisation's `sizing`; `none` when it costs the same everywhere."""
    duration: float = Field(gt=0)
    """Elapsed time needed, in weeks, however many people work on it."""
    value: int = Field(ge=1, le=5)
    """Benefit to the organisation, 1 (small) to 5 (large)."""
    phase: Phase = "execute"
    """Where it sits in the PMO life cycle; earlier phases are planned first."""
    mandate: bool = False
    """It gives the office its mandate, or changes it: while it is planned, no action aimed
    at level 4 or 5 starts before it ends."""
    depends_on: list[Identifier] = Field(default_factory=list)
    """Actions that must be finished first."""
    pmo_types: list[Identifier] = Field(default_factory=list)
    """PMO types (outcome ids of the PMO type questionnaire) it suits; empty: all."""
    from_types: list[Identifier] = Field(default_factory=list)
    """For a move from one kind of office to another: the PMO types of the office today it
    starts from (`none`: no office); empty: any."""
    replaces: list[Identifier] = Field(default_factory=list)
    """Actions it stands in for when it is planned, e.g. the from-scratch mandate that a
    transition's changed mandate makes unnecessary."""
    operating_models: list[Identifier] = Field(default_factory=list)
    """Operating models (outcome ids of the operating-model questionnaire) it suits; empty: all."""
    templates: list[Identifier] = Field(default_factory=list)
    """Template ids from the template library that help to carry it out."""
    standards: list[Text] = Field(default_factory=list)
    """Site pages under `content/`, e.g. `standards/pmo-lifecycle.md`."""
    lessons: list[Identifier] = Field(default_factory=list)
    """Lesson ids from the lessons-learned register, e.g. `LL-012`."""
    services: list[Identifier] = Field(default_factory=list)
    """Services (question ids of the services survey, e.g. `SRV-BENEFITS`) it improves. Such
    an action has no perspectives; it is planned when a service it names is in the survey's
    *improve first* quadrant, and only then."""

    @property
    def is_setup(self) -> bool:
        """It sets up or reshapes the office rather than improving one perspective."""
        return not self.perspectives


class ActionLibrary(Model):
    """A file of actions under `assessments/actions/`."""

    id: Identifier
    version: Version
    title: Text = ""
    description: Text = ""
    actions: list[Action] = Field(min_length=1)
