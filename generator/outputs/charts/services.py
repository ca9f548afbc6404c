"""The services survey's importance-satisfaction grid, for the report documents (matplotlib).

The site draws the same grid in the browser (`generator.outputs.site.charts.services_grid`) from the
same chart job's data.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from . import new_figure
from .palette import GRID, MUTED, QUADRANTS

QUADRANT_NAMES = {"keep": "Keep", "improve-first": "Improve first",
                  "over-served": "Over-served", "low-priority": "Low priority"}
CORNERS = {"improve-first": (0.02, 0.98, "left", "top"), "keep": (0.98, 0.98, "right", "top"),
           "low-priority": (0.02, 0.02, "left", "bottom"),
           "over-served": (0.98, 0.02, "right", "bottom")}


def services_grid(
    labels: Sequence[str],
    importance: Sequence[float],
    satisfaction: Sequence[float],
    quadrants: Sequence[str],
    lines: tuple[float, float],
    scale: tuple[float, float] = (1, 5),
    titles: Sequence[str] = (),
) -> Figure:
    """Each rated service as a point: satisfaction across, importance up; the lines divide
    the four quadrants; points are numbered as in the table beside the chart (`titles`, the
    services' names, are for the browser's tooltips)."""
    fig = new_figure(6.4, 5.2)
    ax = fig.add_subplot()
    low, high = scale[0] - 0.2, scale[1] + 0.2
    ax.axvline(lines[1], color=MUTED, linewidth=1, linestyle="--", zorder=1)
    ax.axhline(lines[0], color=MUTED, linewidth=1, linestyle="--", zorder=1)
    for quadrant, (x, y, ha, va) in CORNERS.items():
        ax.text(x, y, QUADRANT_NAMES[quadrant], transform=ax.transAxes, ha=ha, va=va,
                fontsize=9, color=QUADRANTS[quadrant], fontweight="bold")
    for quadrant, name in QUADRANT_NAMES.items():
        xs = [s for s, q in zip(satisfaction, quadrants, strict=True) if q == quadrant]
        ys = [i for i, q in zip(importance, quadrants, strict=True) if q == quadrant]
        ax.scatter(xs, ys, s=60, color=QUADRANTS[quadrant], label=name, zorder=3)
    for label, x, y in zip(labels, satisfaction, importance, strict=True):
        ax.annotate(label, (x, y), xytext=(5, 3), textcoords="offset points", fontsize=8)
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    whole = list(range(int(scale[0]), int(scale[1]) + 1))
    ax.set_xticks(whole)
    ax.set_yticks(whole)
    ax.set_xlabel("Satisfaction (mean)")
    ax.set_ylabel("Importance (mean)")
    ax.grid(color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title("Services: importance and satisfaction", loc="left", fontsize=10)
    return fig
