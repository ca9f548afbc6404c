"""Default target levels, from the PMO type and operating model an organisation needs.

Most organisations are well served at level 3 (standardised); an office that decides on
investments across the organisation needs its governance, finance, benefits and resource
practices measured (level 4). The table below is documented for users in
content/reference/roadmaps.md; a target in the organisation file or on the command line
always wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

BASELINE = 3
"""Target for any perspective the tables below do not mention."""

BY_TYPE: Mapping[str, Mapping[str, int]] = {
    "project-office": {
        "governance": 2,
        "benefits": 2,
        "finance": 2,
        "resources": 2,
        "stakeholders": 2,
        "standards": 2,
        "people": 2,
    },
    "programme-office": {"finance": 2, "resources": 2, "standards": 2, "people": 2},
    "pmo": {},
    "portfolio-office": {"governance": 4, "benefits": 4, "finance": 4, "resources": 4},
    "coe": {"standards": 4, "people": 4, "finance": 2},
    "hub-and-spoke": {"governance": 4, "finance": 4, "resources": 4, "standards": 4},
}
"""Targets by the PMO type needed, where they differ from the baseline."""

BY_MODEL: Mapping[str, Mapping[str, int]] = {
    "supportive": {"standards": +1, "people": +1},
    "controlling": {"governance": +1},
    "directive": {"planning": +1, "resources": +1},
}
"""Adjustments by the operating model wanted: what that way of working leans on most."""

CEILING = 5
FLOOR = 2


def default_targets(
    perspectives: Iterable[str], needed_type: str | None, target_model: str | None
) -> dict[str, int]:
    """Target level per perspective for this PMO type and operating model.

    The model adjustment never lifts a target above 4 on its own: level 5 is a choice an
    organisation makes explicitly, not a default.
    """
    by_type = BY_TYPE.get(needed_type or "", {})
    by_model = BY_MODEL.get(target_model or "", {})
    out = {}
    for perspective in perspectives:
        level = by_type.get(perspective, BASELINE)
        if perspective in by_model:
            level = min(max(level, level + by_model[perspective]), max(level, 4))
        out[perspective] = max(FLOOR, min(CEILING, level))
    return out
