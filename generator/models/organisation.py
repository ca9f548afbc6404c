"""The organisation format: who is assessed, and the rounds of assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pydantic import Field

from .common import Identifier, Model, Text


class Round(Model):
    """One assessment round, e.g. a baseline and a re-assessment a year later."""

    id: Identifier
    """Used in response files (`round: 2025-h2`) and page names."""
    date: dt.date
    """When the round took place (YYYY-MM-DD); rounds are compared in date order."""
    label: Text = ""
    """A short name, e.g. `Baseline` or `After year one`."""


class Sizing(Model):
    """The organisation's size in numbers: what sizes the effort of its roadmap's actions.

    Each key is optional; an action whose effort grows with a number not given is planned at
    the library's reference size, and the plan says so.
    """

    staff: int | None = Field(default=None, ge=1)
    """People in the office's scope: the whole organisation for a permanent central office,
    the programme's or project's team for a temporary one."""
    initiatives: int | None = Field(default=None, ge=1)
    """Live projects and programmes in the office's scope."""
    units: int | None = Field(default=None, ge=1)
    """Business units, divisions or sites that the office's practices must reach."""


class RoadmapSettings(Model):
    """How the improvement roadmap is tailored; command-line options override these."""

    targets: dict[Identifier, int] = Field(default_factory=dict)
    """Target level (0 to 5) by perspective id; perspectives not listed get the default target
    of the PMO type and operating model the organisation needs."""
    start: dt.date | None = None
    """First day of the roadmap (default: the first day of the month after the round)."""
    horizon: int = Field(default=18, ge=1, le=120)
    """Months the roadmap may span."""
    capacity: float = Field(default=20, gt=0)
    """Person-days a month available for improvement work."""
    pinned: list[Identifier] = Field(default_factory=list)
    """Actions to include whatever the gaps say (their prerequisites come too)."""
    excluded: list[Identifier] = Field(default_factory=list)
    """Actions never to plan, e.g. because they are already under way elsewhere."""
    priorities: dict[Identifier, float] = Field(default_factory=dict)
    """Weight by perspective id (default 1): higher weights bring its actions earlier."""


@dataclass(frozen=True)
class RoadmapUpdate:
    """Changes to an organisation's `roadmap:` settings, such as `pmo roadmap`'s options.

    Checked by the same rule as the settings in the organisation file
    (`checks.actions.roadmap_problems`).
    """

    targets: Mapping[str, int] = field(default_factory=dict)
    """Target levels that replace the organisation's, perspective by perspective."""
    start: dt.date | None = None
    horizon: int | None = None
    capacity: float | None = None
    """`start`, `horizon` and `capacity` replace the organisation's when given."""
    pinned: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    """Actions added to the organisation's pinned and excluded ones."""
    priorities: Mapping[str, float] = field(default_factory=dict)
    """Weights that replace the organisation's, perspective by perspective."""

    def applied_to(self, settings: RoadmapSettings) -> RoadmapSettings:
        """`settings` with this update merged over them, targets apart: the planner keeps
        those separate, to say where each target came from."""
        changes: dict[str, Any] = {
            key: value for key in ("start", "horizon", "capacity")
            if (value := getattr(self, key)) is not None
        }
        for key in ("pinned", "excluded"):
            if getattr(self, key):
                changes[key] = [*getattr(settings, key), *getattr(self, key)]
        if self.priorities:
            changes["priorities"] = {**settings.priorities, **self.priorities}
        return RoadmapSettings.model_validate({**settings.model_dump(), **changes})


class ReportSettings(Model):
    """What the organisation's report pages may show."""

    respondent_names: bool = False
    """Whether the report pages list respondents by id and role, with how completely each
    answered. Off by default: reports then give only counts per questionnaire, so that a
    client build names nobody; turn it on only with the respondents' agreement."""


class Organisation(Model):
    """`assessments/orgs/<id>/organisation.yaml`."""

    id: Identifier
    """Must be the name of the folder the file is in."""
    name: Text
    sector: Text = ""
    size: Text = ""
    """A description of its size for people to read, e.g. `4,200 staff, 60 live projects`."""
    sizing: Sizing = Field(default_factory=Sizing)
    """Its size in numbers (`staff`, `initiatives`, `units`), which sizes roadmap efforts."""
    description: Text = ""
    """Context for the assessors and the report (Markdown)."""
    rounds: list[Round] = Field(min_length=1)
    roadmap: RoadmapSettings = Field(default_factory=RoadmapSettings)
    """Targets and constraints of the improvement roadmap."""
    report: ReportSettings = Field(default_factory=ReportSettings)
    """What the report pages may show about the respondents."""

    @cached_property
    def rounds_by_date(self) -> tuple[Round, ...]:
        return tuple(sorted(self.rounds, key=lambda r: (r.date, r.id)))

    @property
    def latest_round(self) -> Round:
        return self.rounds_by_date[-1]
