"""The improvement-action library: what an organisation can do to close a maturity gap.

Actions live in YAML files under `assessments/actions/`. Each says which perspective(s) and
maturity criteria it improves, the level step it belongs to, what it costs in effort and
time, what it is worth, what must come first, and which pages help to do it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Identifier, Model, Text, Version

Phase = Literal["define", "initiate", "plan", "execute", "improve"]
"""The PMO life cycle: define the office's role and services, initiate, plan, execute, improve."""
PHASES: tuple[Phase, ...] = ("define", "initiate", "plan", "execute", "improve")


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
    """The maturity criteria (question ids) it helps to meet."""
    from_level: int = Field(ge=0, le=4)
    """The level the perspective is at when this action is the right next step."""
    to_level: int = Field(ge=1, le=5)
    """The level it helps to reach: `from_level + 1`, one step at a time."""
    effort: float = Field(gt=0)
    """Work needed, in person-days."""
    duration: float = Field(gt=0)
    """Elapsed time needed, in weeks, however many people work on it."""
    value: int = Field(ge=1, le=5)
    """Benefit to the organisation, 1 (small) to 5 (large)."""
    phase: Phase = "execute"
    """Where it sits in the PMO life cycle; earlier phases are planned first."""
    depends_on: list[Identifier] = Field(default_factory=list)
    """Actions that must be finished first."""
    pmo_types: list[Identifier] = Field(default_factory=list)
    """PMO types (outcome ids of the PMO type questionnaire) it suits; empty: all."""
    operating_models: list[Identifier] = Field(default_factory=list)
    """Operating models (outcome ids of the operating-model questionnaire) it suits; empty: all."""
    templates: list[Identifier] = Field(default_factory=list)
    """Template ids from the template library that help to carry it out."""
    standards: list[Text] = Field(default_factory=list)
    """Site pages under `content/`, e.g. `standards/pmo-lifecycle.md`."""
    lessons: list[Identifier] = Field(default_factory=list)
    """Lesson ids from the lessons-learned register, e.g. `LL-012`."""


class ActionLibrary(Model):
    """A file of actions under `assessments/actions/`."""

    id: Identifier
    version: Version
    title: Text = ""
    description: Text = ""
    actions: list[Action] = Field(min_length=1)
