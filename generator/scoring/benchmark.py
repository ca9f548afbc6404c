"""The anonymised benchmark: how maturity is spread over the organisations assessed.

Computed once in the score stage from the score tables, so that the overview page gets a plain
record and does not need any organisation's scorecard (nor its report) to show it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..models.ids import MATURITY_ID
from ..workspace import Workspace
from . import ScoreTables, answered_rounds
from .scorecard import _int

MINIMUM = 5
"""A benchmark appears only when at least this many organisations contribute."""
LEVELS = range(6)


@dataclass(frozen=True)
class PerspectiveSpread:
    """One perspective's levels over the organisations that contribute."""

    title: str
    quartiles: tuple[float, float, float, float, float]
    """Lowest, lower quartile, median, upper quartile, highest."""
    counts: tuple[int, ...]
    """Organisations at each level, 0 to 5."""


@dataclass(frozen=True)
class Benchmark:
    count: int
    """Organisations that contribute."""
    minimum: int
    perspectives: tuple[PerspectiveSpread, ...]


def benchmark_of(ws: Workspace, tables: ScoreTables, orgs: list[str]) -> Benchmark | None:
    """Quartiles and level counts per perspective over the organisations' latest rounds;
    None below `MINIMUM` organisations, so that no organisation can be picked out."""
    maturity = ws.questionnaires.get(MATURITY_ID)
    table = next((t for t in tables.maturity if t.questionnaire.id == MATURITY_ID), None)
    if maturity is None or table is None or len(orgs) < MINIMUM:
        return None
    levels: dict[str, list[int]] = {s.id: [] for s in maturity.sections}
    count = 0
    for org in orgs:
        rounds = answered_rounds(ws, tables, org)
        if not rounds or not table.criteria_rows.get((org, rounds[-1])):
            continue  # no maturity answers in the latest round: as the scorecard has none
        count += 1
        sections = table.section_scores.get((org, rounds[-1]), {})
        for section in maturity.sections:
            level = _int(_float(sections.get(section.id, (None, None))[0]))
            if level is not None:
                levels[section.id].append(level)
    if count < MINIMUM:
        return None
    spreads = []
    for section in maturity.sections:
        values = np.array(levels[section.id] or [0])
        q = np.percentile(values, [0, 25, 50, 75, 100], method="linear")
        spreads.append(PerspectiveSpread(
            section.title, (float(q[0]), float(q[1]), float(q[2]), float(q[3]), float(q[4])),
            tuple(levels[section.id].count(level) for level in LEVELS)))
    return Benchmark(count, MINIMUM, tuple(spreads))


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


__all__ = ["MINIMUM", "Benchmark", "PerspectiveSpread", "benchmark_of"]
