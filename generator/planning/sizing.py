"""Effort sized to the organisation: the library's efforts are for a reference size.

An action states what its effort grows with (`staff`, `initiatives`, `units`, or `none`).
For an organisation of another size the effort is multiplied by the square root of the
ratio of its size to the reference, kept between ¼ and 4 times, and rounded to whole days:
a register for 120 initiatives costs twice one for 30, not four times; an action that
costs the same everywhere is never scaled. The rule is monotone (a bigger organisation
never gets less effort) and is documented for users in content/reference/roadmaps.md.
"""

from __future__ import annotations

import math

from ..models import Action
from .results import Size

REFERENCE = Size(staff=1000, initiatives=30, units=3)
"""The organisation the library's efforts are written for."""
EXPONENT = 0.5
LOWEST, HIGHEST = 0.25, 4.0
NAMES = {"staff": "staff", "initiatives": "initiatives", "units": "business units or sites"}


def plain(value: float) -> str:
    """A number as people write it: `12`, `2.5`, `4,200`."""
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def describe(size: Size) -> str:
    """E.g. `4,200 staff, 45 initiatives, 5 business units or sites`; empty when none given."""
    return ", ".join(
        f"{plain(v)} {NAMES[k]}" for k in NAMES if (v := getattr(size, k)) is not None
    )


def factor(dimension: str, size: Size) -> float | None:
    """The multiplier for `dimension` at `size`; None when the size does not give it."""
    if dimension == "none":
        return 1.0
    value: float | None = getattr(size, dimension)
    if value is None:
        return None
    reference: float = getattr(REFERENCE, dimension)
    return min(HIGHEST, max(LOWEST, float((value / reference) ** EXPONENT)))


def effort(action: Action, size: Size) -> float:
    """The action's effort in person-days for an organisation of this size."""
    multiplier = factor(action.scales_with, size)
    if action.scales_with == "none" or multiplier is None:
        return action.effort
    return float(max(1, math.floor(action.effort * multiplier + 0.5)))


def basis(action: Action, size: Size) -> str:
    """How `effort` was worked out, in one sentence."""
    base, dimension = action.effort, action.scales_with
    if dimension == "none":
        return f"{plain(base)} days whatever the organisation's size"
    reference = f"{plain(getattr(REFERENCE, dimension))} {NAMES[dimension]}"
    multiplier = factor(dimension, size)
    if multiplier is None:
        return (
            f"{plain(base)} days at the reference size of {reference} "
            f"(the organisation's sizing gives no {dimension})"
        )
    capped = " (the limit)" if multiplier in (LOWEST, HIGHEST) else ""
    return (
        f"{plain(effort(action, size))} days: {plain(base)} for {reference}, "
        f"× {multiplier:.2f}{capped} for {plain(getattr(size, dimension))} {NAMES[dimension]}"
    )


def size_basis(size: Size) -> str:
    """How a roadmap's efforts were sized, in one sentence."""
    reference = describe(REFERENCE)
    given = describe(size)
    if not given:
        return (f"Efforts are for the library's reference organisation of {reference}: the "
                "organisation's sizing gives no numbers.")
    return (f"Efforts are sized for {given}, from the library's reference organisation of "
            f"{reference}.")
