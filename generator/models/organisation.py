"""The organisation format: who is assessed, and the rounds of assessment."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

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


class Organisation(Model):
    """`assessments/orgs/<id>/organisation.yaml`."""

    id: Identifier
    """Must be the name of the folder the file is in."""
    name: Text
    sector: Text = ""
    size: Text = ""
    """A description of its size, e.g. `4,200 staff, 60 live projects`."""
    description: Text = ""
    """Context for the assessors and the report (Markdown)."""
    rounds: list[Round] = Field(min_length=1)

    @cached_property
    def rounds_by_date(self) -> tuple[Round, ...]:
        return tuple(sorted(self.rounds, key=lambda r: (r.date, r.id)))

    def previous_round(self, round_id: str) -> Round | None:
        ids = [r.id for r in self.rounds_by_date]
        index = ids.index(round_id)
        return self.rounds_by_date[index - 1] if index > 0 else None

    @property
    def latest_round(self) -> Round:
        return self.rounds_by_date[-1]
